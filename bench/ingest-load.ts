import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRandom, sampleStandardNormal } from '../packages/stats/src/random.js';

const repoRoot = resolve(import.meta.dirname, '..');
export const FEATURES = 20;

export interface LoadResult {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakMemoryMb: number;
  readonly rejected: number;
}

/** Starts the service in a child process (with more `settings` of the configuration, if given); resolves with its URL once it listens. */
export async function startServiceProcess(target: string, settings: Record<string, unknown> = {}): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  // BOTHUB_BENCH_SERVICE_NODE_ARGS passes flags to the service's node only, e.g. "--cpu-prof --cpu-prof-dir=prof".
  const nodeArgs = (process.env.BOTHUB_BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--require', join(repoRoot, 'bench/peak-memory-preload.cjs'), '--import', 'tsx', join(repoRoot, 'bench/serve-child.ts'), target, JSON.stringify(settings)], {
    cwd: repoRoot,
    // The young-generation size recommended for high ingestion rates (docs/service.md, "Tuning").
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let out = '';
  for await (const chunk of child.stdout) {
    out += (chunk as Buffer).toString();
    const match = /URL (\S+)/.exec(out);
    if (match) return { url: match[1]!, child, stderr: () => err };
  }
  throw new Error(`the service did not start: ${err}`);
}

export async function stopServiceProcess(child: ChildProcess, stderr: () => string): Promise<number> {
  child.kill('SIGTERM');
  await once(child, 'exit');
  const match = /BOTHUB_MAX_RSS_KB=(\d+)/.exec(stderr());
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function modelSpec(name: string) {
  return {
    name,
    task: 'binary_classification',
    features: Array.from({ length: FEATURES }, (_, i) => (i < 15 ? { name: `num_${i}`, type: 'numerical' } : { name: `cat_${i}`, type: 'categorical' })),
    prediction: { type: 'boolean' },
    label: { type: 'boolean' },
    score: true,
    window: { kind: 'count', size: 1000 },
  };
}

function makeBatch(rng: ReturnType<typeof createRandom>, prefix: string, start: number, size: number): string {
  const records = [];
  for (let i = 0; i < size; i++) {
    const features: Record<string, number | string> = {};
    for (let f = 0; f < FEATURES; f++) features[f < 15 ? `num_${f}` : `cat_${f}`] = f < 15 ? Math.round(sampleStandardNormal(rng) * 1e4) / 1e4 : `level_${rng.nextInt(8)}`;
    const score = Math.round(rng.nextFloat() * 1e4) / 1e4;
    records.push({ id: `${prefix}-${start + i}`, features, prediction: score >= 0.5, score });
  }
  return JSON.stringify({ records });
}

async function post(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** Registers the benchmark model (20 features, windows of 1,000) with version 1 as production and a 2,000-record reference. */
async function registerBenchModel(url: string, name: string, rng: ReturnType<typeof createRandom>): Promise<void> {
  const model = await post(`${url}/api/v1/models`, JSON.stringify(modelSpec(name)));
  if (!model.ok) throw new Error(`model: ${model.status} ${await model.text()}`);
  await post(`${url}/api/v1/models/${name}/versions`, JSON.stringify({ version: '1', aliases: ['production'] }));
  const reference = JSON.parse(makeBatch(rng, 'ref', 0, 2000)) as { records: unknown[] };
  const uploaded = await post(`${url}/api/v1/models/${name}/versions/1/reference`, JSON.stringify(reference));
  if (!uploaded.ok) throw new Error(`reference: ${uploaded.status} ${await uploaded.text()}`);
}

/**
 * Registers a model with a reference, then runs `clients` concurrent producers sending batches of `batchSize`
 * records for `seconds`, each waiting for the answer before its next batch (as a real producer does).
 */
export async function runIngestLoad(url: string, options: { clients: number; batchSize: number; seconds: number; seed: number }): Promise<Omit<LoadResult, 'peakMemoryMb'>> {
  const name = `bench-${options.batchSize}-${options.seed}`;
  const rng = createRandom(options.seed);
  await registerBenchModel(url, name, rng);
  // Bodies are prepared before the clock starts: the figure measures the service, not the generator.
  const bodies = Array.from({ length: 64 }, (_, b) => makeBatch(rng, 'x', b * options.batchSize, options.batchSize));
  const latencies: number[] = [];
  let records = 0;
  let rejected = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n++) {
        // Unique ids per request: each body's ids are rewritten with the client and request number.
        const body = bodies[(client + n) % bodies.length]!.replaceAll('"id":"x-', `"id":"c${client}-${n}-`);
        const t0 = performance.now();
        const response = await post(`${url}/api/v1/models/${name}/predictions`, body);
        const result = (await response.json()) as { accepted: number; rejected: number };
        latencies.push(performance.now() - t0);
        if (!response.ok) throw new Error(`ingest: ${response.status} ${JSON.stringify(result)}`);
        records += result.accepted;
        rejected += result.rejected;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { records, seconds, recordsPerSecond: records / seconds, p50Ms: at(0.5), p99Ms: at(0.99), rejected };
}

export interface PacedLoadResult {
  readonly windows: number;
  /** From the answer to the batch that closed a window to that window being evaluated, seen through the API. */
  readonly closeToQueryableMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Resident memory of the service, sampled every 5 s: [seconds since start, MB]. */
  readonly rssMb: readonly (readonly [number, number])[];
}

function quantileOf(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Resident set size of a process in MB, from /proc (Linux); NaN elsewhere. */
function residentMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * One producer sending batches of `batchSize` at a steady `recordsPerSecond` for `seconds`, while a watcher polls the
 * windows API every 10 ms: the k-th window of the model closes with the batch that brings the count to k·1,000, and
 * its latency runs from that batch's answer to the first poll that shows the window evaluated. Samples the service's
 * memory every 5 s.
 */
export async function runPacedLoad(url: string, servicePid: number, options: { recordsPerSecond: number; batchSize: number; seconds: number; seed: number }): Promise<PacedLoadResult> {
  const name = `paced-${options.seed}`;
  const rng = createRandom(options.seed);
  await registerBenchModel(url, name, rng);
  const bodies = Array.from({ length: 64 }, (_, b) => makeBatch(rng, 'x', b * options.batchSize, options.batchSize));
  const closedAt: number[] = [];
  const seenAt = new Map<number, number>();
  const rssMb: [number, number][] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const state = { producing: true };

  const sampler = setInterval(() => rssMb.push([(performance.now() - started) / 1000, residentMb(servicePid)]), 5000);
  const watch = (async () => {
    while (state.producing || seenAt.size < closedAt.length) {
      const response = await fetch(`${url}/api/v1/models/${name}/windows?limit=20`);
      const { windows } = (await response.json()) as { windows: { endSeq: number; status: string }[] };
      const now = performance.now();
      for (const w of windows) if (w.status === 'evaluated' && !seenAt.has(w.endSeq)) seenAt.set(w.endSeq, now);
      if (!state.producing && now > deadline + 30_000) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();

  const interval = (options.batchSize / options.recordsPerSecond) * 1000;
  let accepted = 0;
  for (let n = 0; performance.now() < deadline; n++) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = bodies[n % bodies.length]!.replaceAll('"id":"x-', `"id":"p${n}-`);
    const response = await post(`${url}/api/v1/models/${name}/predictions`, body);
    const result = (await response.json()) as { accepted: number };
    if (!response.ok) throw new Error(`ingest: ${response.status} ${JSON.stringify(result)}`);
    const before = Math.floor(accepted / 1000);
    accepted += result.accepted;
    const now = performance.now();
    for (let k = before; k < Math.floor(accepted / 1000); k++) closedAt.push(now);
  }
  state.producing = false;
  await watch;
  clearInterval(sampler);

  // Windows in closing order are the evaluated windows in order of their last sequence number.
  const seen = [...seenAt.entries()].sort((a, b) => a[0] - b[0]).map(([, at]) => at);
  const latencies = closedAt.map((at, k) => (seen[k] ?? Number.POSITIVE_INFINITY) - at).sort((a, b) => a - b);
  return {
    windows: closedAt.length,
    closeToQueryableMs: { p50: quantileOf(latencies, 0.5), p99: quantileOf(latencies, 0.99), max: latencies.at(-1) ?? Number.NaN },
    rssMb,
  };
}
