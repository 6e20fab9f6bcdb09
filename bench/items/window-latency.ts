import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchItem } from '../bench-item.js';
import { runPacedLoad, startServiceProcess, stopServiceProcess } from '../ingest-load.js';

const SECONDS = Number(process.env.BOTHUB_BENCH_INGEST_SECONDS ?? 60);
const SOAK_SECONDS = Number(process.env.BOTHUB_BENCH_SOAK_SECONDS ?? 600);
const RATE = 5000;
const POSTGRES = process.env.BOTHUB_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function withService<T>(storage: 'sqlite' | 'postgres', run: (url: string, pid: number) => Promise<T>): Promise<T & { peakMemoryMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bothub-bench-latency-'));
  const { url, child, stderr } = await startServiceProcess(storage === 'sqlite' ? dir : POSTGRES);
  try {
    const result = await run(url, child.pid!);
    return { ...result, peakMemoryMb: await stopServiceProcess(child, stderr) };
  } finally {
    if (!child.killed) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

function latencyItem(storage: 'sqlite' | 'postgres'): BenchItem {
  const label = storage === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  return {
    name: `Window close → queryable, ${label}, windows of 1,000, 20 features, all default monitors, ${RATE.toLocaleString('en')} records/s for ${SECONDS} s`,
    targets: {},
    repeats: 1,
    warmUp: false,
    makeData: () => ({}),
    ours: () =>
      withService(storage, async (url, pid) => {
        const result = await runPacedLoad(url, pid, { recordsPerSecond: RATE, batchSize: 100, seconds: SECONDS, seed: 7 });
        const { p50, p99, max } = result.closeToQueryableMs;
        console.log(`  ${label}: ${result.windows} windows, close → queryable p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms`);
        return { checks: [{ label: 'p99 < 1 s', ok: p99 < 1000 }] };
      }),
  };
}

const soak: BenchItem = {
  name: `Service memory over ${SOAK_SECONDS / 60} minutes of ingestion, SQLite, ${RATE.toLocaleString('en')} records/s with window evaluation`,
  targets: {},
  repeats: 1,
  warmUp: false,
  makeData: () => ({}),
  ours: () =>
    withService('sqlite', async (url, pid) => {
      const { rssMb, windows } = await runPacedLoad(url, pid, { recordsPerSecond: RATE, batchSize: 100, seconds: SOAK_SECONDS, seed: 11 });
      // Growth: the last minute against the second (the first holds start-up and JIT warm-up).
      const early = median(rssMb.filter(([t]) => t >= 60 && t < 120).map(([, mb]) => mb));
      const late = median(rssMb.filter(([t]) => t >= SOAK_SECONDS - 60).map(([, mb]) => mb));
      const growth = (late - early) / early;
      console.log(`  ${windows} windows; resident memory, median of the 2nd minute ${early.toFixed(0)} MB, of the last minute ${late.toFixed(0)} MB (${(growth * 100).toFixed(1)} %)`);
      console.log(`  samples (s: MB): ${rssMb.map(([t, mb]) => `${t.toFixed(0)}: ${mb.toFixed(0)}`).join(', ')}`);
      return { checks: [{ label: 'resident memory grows < 10 % from the 2nd to the last minute', ok: growth < 0.1 }] };
    }),
};

export const items: BenchItem[] = [latencyItem('sqlite'), latencyItem('postgres'), soak];
