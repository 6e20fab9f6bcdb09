import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
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

/** Starts the service in a child process; resolves with its URL once it listens. */
export async function startServiceProcess(target: string): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, ['--require', join(repoRoot, 'bench/peak-memory-preload.cjs'), '--import', 'tsx', join(repoRoot, 'bench/serve-child.ts'), target], {
    cwd: repoRoot,
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

/**
 * Registers a model with a reference, then runs `clients` concurrent producers sending batches of `batchSize`
 * records for `seconds`, each waiting for the answer before its next batch (as a real producer does).
 */
export async function runIngestLoad(url: string, options: { clients: number; batchSize: number; seconds: number; seed: number }): Promise<Omit<LoadResult, 'peakMemoryMb'>> {
  const name = `bench-${options.batchSize}-${options.seed}`;
  const model = await post(`${url}/api/v1/models`, JSON.stringify(modelSpec(name)));
  if (!model.ok) throw new Error(`model: ${model.status} ${await model.text()}`);
  await post(`${url}/api/v1/models/${name}/versions`, JSON.stringify({ version: '1', aliases: ['production'] }));
  const rng = createRandom(options.seed);
  const reference = JSON.parse(makeBatch(rng, 'ref', 0, 2000)) as { records: unknown[] };
  const uploaded = await post(`${url}/api/v1/models/${name}/versions/1/reference`, JSON.stringify(reference));
  if (!uploaded.ok) throw new Error(`reference: ${uploaded.status} ${await uploaded.text()}`);
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
