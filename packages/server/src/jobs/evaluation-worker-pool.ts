/**
 * Worker threads that evaluate windows, so the monitors' CPU work (hundreds of ms per window) never blocks the
 * request loop. Each worker runs the TypeScript sources through tsx's loader, like the rest of the service.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WindowEvaluationResult } from '@bothub/core';
import type { EvaluateWindowFn, WindowEvaluationInput } from './evaluate-in-process.js';
import type { EvaluationReply, EvaluationRequest } from './window-evaluation-worker.js';

export interface EvaluationWorkerPoolOptions {
  /** Worker threads; default 1. */
  readonly size?: number;
  /** The worker entry (TypeScript or JavaScript); default window-evaluation-worker.ts. Tests use it to start a worker that crashes. */
  readonly workerUrl?: URL;
}

export interface EvaluationWorkerPool {
  /** Evaluates one window on a worker thread; rejects when the evaluation throws or the worker dies meanwhile. */
  evaluate: EvaluateWindowFn;
  /** Rejects queued and running jobs and terminates the workers. */
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly input: WindowEvaluationInput;
  readonly resolve: (result: WindowEvaluationResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | undefined;
  /** Versions whose profile this worker holds, so their bytes are not sent again. */
  known: Set<string>;
  job: Job | undefined;
}

const FLAGS_WITH_VALUE = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/** The parent's flags minus its preloads (a benchmark's, a test runner's, tsx's), which a worker must not run again. */
function workerExecArgv(): string[] {
  const argv: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i]!;
    if (FLAGS_WITH_VALUE.has(arg)) i++;
    else if (![...FLAGS_WITH_VALUE].some((flag) => arg.startsWith(`${flag}=`))) argv.push(arg);
  }
  return argv;
}

/**
 * A module that registers tsx's loader in the worker, then imports the entry. On Node 20 a worker does not apply
 * loader hooks given as `--import` in its execArgv, so they are registered from inside. tsx is resolved from this
 * file, not from the working directory, so `bothub serve` works from anywhere.
 */
function bootstrapUrl(entry: URL): URL {
  // require.resolve would give the CommonJS build; the ESM one is read from tsx's exports map.
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsxApi = new URL(manifest.exports['./esm/api']!.import.default, pathToFileURL(manifestPath)).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * @example const pool = createEvaluationWorkerPool({ size: 1 }); const result = await pool.evaluate(input); await pool.close();
 */
export function createEvaluationWorkerPool(options: EvaluationWorkerPoolOptions = {}): EvaluationWorkerPool {
  const size = options.size ?? 1;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`createEvaluationWorkerPool: size must be a positive integer, got ${size}`);
  const workerUrl = bootstrapUrl(options.workerUrl ?? new URL('./window-evaluation-worker.ts', import.meta.url));
  const execArgv = workerExecArgv();
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: undefined, known: new Set<string>(), job: undefined }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function start(slot: Slot): Worker {
    const worker = new Worker(workerUrl, { execArgv });
    slot.worker = worker;
    slot.known = new Set();
    worker.on('message', (reply: EvaluationReply) => {
      const job = slot.job;
      if (slot.worker !== worker || job?.id !== reply.id) return;
      slot.job = undefined;
      if (reply.ok) {
        slot.known.add(job.input.versionId);
        job.resolve(reply.result);
      } else {
        const error = new Error(reply.error.message);
        if (reply.error.stack !== undefined) error.stack = reply.error.stack;
        job.reject(error);
      }
      dispatch();
    });
    let failure: Error | undefined;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      // A dead worker is replaced when the next job needs it, so a worker that cannot start does not spin.
      slot.worker = undefined;
      const job = slot.job;
      slot.job = undefined;
      if (job) {
        const why = failure ? `: ${failure.message}` : '';
        job.reject(new Error(`${job.input.source}: the evaluation worker stopped (exit code ${code}) before finishing${why}; the worker is restarted for the next window`, failure ? { cause: failure } : {}));
      }
      if (!closed) dispatch();
    });
    return worker;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (closed || queue.length === 0) return;
      if (slot.job) continue;
      const job = queue.shift()!;
      const worker = slot.worker ?? start(slot);
      slot.job = job;
      const input = slot.known.has(job.input.versionId) ? { ...job.input, profileBytes: null } : job.input;
      worker.postMessage({ id: job.id, input } satisfies EvaluationRequest);
    }
  }

  for (const slot of slots) start(slot);

  return {
    evaluate(input) {
      if (closed) return Promise.reject(new Error('evaluation worker pool is closed'));
      return new Promise<WindowEvaluationResult>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      const error = new Error('evaluation worker pool closed');
      for (const job of queue.splice(0)) job.reject(error);
      const workers: Worker[] = [];
      for (const slot of slots) {
        slot.job?.reject(error);
        slot.job = undefined;
        if (slot.worker) workers.push(slot.worker);
        slot.worker = undefined;
      }
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
