import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchItem } from '../bench-item.js';
import { runIngestLoad, startServiceProcess, stopServiceProcess } from '../ingest-load.js';
import type { LoadResult } from '../ingest-load.js';

const SECONDS = Number(process.env.BOTHUB_BENCH_INGEST_SECONDS ?? 60);
const CLIENTS = 10;
const POSTGRES = process.env.BOTHUB_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const results = new Map<string, LoadResult>();

/** Runs one load in a fresh service process; the bench harness times the whole call, the figures are printed here. */
async function measure(label: string, storage: 'sqlite' | 'postgres', batchSize: number): Promise<{ peakMemoryMb: number; checks: { label: string; ok: boolean }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bothub-bench-ingest-'));
  const target = storage === 'sqlite' ? dir : POSTGRES;
  const { url, child, stderr } = await startServiceProcess(target);
  try {
    const load = await runIngestLoad(url, { clients: CLIENTS, batchSize, seconds: SECONDS, seed: Date.now() % 1e9 });
    const peakMemoryMb = await stopServiceProcess(child, stderr);
    const result = { ...load, peakMemoryMb };
    results.set(label, result);
    console.log(
      `  ${label}: ${Math.round(result.recordsPerSecond).toLocaleString('en')} records/s over ${result.seconds.toFixed(0)} s, batch latency p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, service peak memory ${result.peakMemoryMb.toFixed(0)} MB`,
    );
    return {
      peakMemoryMb,
      checks:
        storage === 'sqlite'
          ? [
              { label: '≥ 60,000 records/s', ok: result.recordsPerSecond >= 60_000 },
              ...(batchSize === 100 ? [{ label: 'p99 batch latency < 50 ms', ok: result.p99Ms < 50 }] : []),
            ]
          : [],
    };
  } finally {
    if (!child.killed) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

function item(storage: 'sqlite' | 'postgres', batchSize: number): BenchItem {
  const label = `${storage === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, batches of ${batchSize}`;
  return {
    name: `Ingestion, ${label}, 20 features, ${CLIENTS} concurrent clients, ${SECONDS} s (durable acks, validation, idempotency, windows of 1,000)`,
    targets: {},
    repeats: 1,
    warmUp: false,
    makeData: () => ({}),
    ours: () => measure(label, storage, batchSize),
  };
}

export const items: BenchItem[] = [item('sqlite', 100), item('sqlite', 1000), item('postgres', 100), item('postgres', 1000)];
