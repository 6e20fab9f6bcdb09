import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeTabularCsv } from '../../packages/testkit/src/write-tabular-csv.js';
import type { BenchItem } from '../bench-item.js';

const ROWS = 1_000_000;
const dataDir = join(tmpdir(), 'bothub-bench-report-v1');
const referenceCsv = join(dataDir, 'reference.csv');
const currentCsv = join(dataDir, 'current.csv');
const repoRoot = resolve(import.meta.dirname, '../..');

async function ensureFile(path: string, seed: number, shift: number): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(dataDir, { recursive: true });
  await writeTabularCsv(`${path}.partial`, { rows: ROWS, seed, shift });
  renameSync(`${path}.partial`, path);
}

/** Runs the real command in a child process, as a user would, and reads its peak memory from the preload's exit line. */
function runReportCommand(): { peakMemoryMb: number } {
  const result = spawnSync(
    process.execPath,
    ['--require', join(repoRoot, 'bench/peak-memory-preload.cjs'), join(repoRoot, 'packages/cli/bin/bothub.js'), 'report', '--reference', referenceCsv, '--current', currentCsv,
      '--target', 'target', '--score', 'score', '--json', join(dataDir, 'report.json'), '--quiet'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (result.status !== 0) throw new Error(`bothub report failed (${String(result.status)}): ${result.stderr}`);
  const match = /BOTHUB_MAX_RSS_KB=(\d+)/.exec(result.stderr);
  return { peakMemoryMb: match ? Number(match[1]) / 1024 : Number.NaN };
}

export const prepare = async (): Promise<void> => {
  await ensureFile(referenceCsv, 1, 0);
  await ensureFile(currentCsv, 2, 0.1);
};

export const items: BenchItem[] = [
  {
    name: 'bothub report: two CSVs of 1,000,000 rows × 22 columns (15 numerical, 5 categorical, target, score), full JSON report',
    targets: { maxMedianMs: 20_000, maxPeakMemoryMb: 1536 },
    repeats: 3,
    makeData: () => ({}),
    ours: () => runReportCommand(),
  },
];
