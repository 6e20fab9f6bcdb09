/**
 * `npm run bench [-- --filter WORD] [-- --json FILE]`: times each item of bench/items on our side and, where a Python
 * with the reference modules is on PATH, the same work in numpy / scipy / scikit-learn, in the same run on the same data.
 * Prints medians, the ratio ours / theirs and whether each target of the issue holds.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchItem } from './bench-item.js';
import { median, timeOurs } from './measure.js';
import { findPythonInterpreters, interpretersWith, timePython } from './python-reference.js';

interface ReferenceTiming {
  label: string;
  python: string;
  versions: string;
  medianMs: number;
  runsMs: number[];
  ratio: number;
}

interface BenchResult {
  name: string;
  oursMedianMs: number;
  oursRunsMs: number[];
  references: ReferenceTiming[];
  missingReference?: string;
  /** ours / the fastest reference measured: the strictest ratio, the one the target is judged on. */
  ratio?: number;
  /** The largest peak resident memory the item reported over its runs. */
  peakMemoryMb?: number;
  targets: BenchItem['targets'];
  verdicts: string[];
  pass: boolean;
}

const { values: args } = parseArgs({
  options: { filter: { type: 'string' }, json: { type: 'string' }, 'no-reference': { type: 'boolean', default: false } },
});

const itemsDir = join(import.meta.dirname, 'items');
const items: BenchItem[] = [];
/** Items whose files need one-time set-up (e.g. generating large CSVs), run only when an item of the file is selected. */
const preparers = new Map<BenchItem[], () => Promise<void>>();
for (const file of readdirSync(itemsDir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(join(itemsDir, file))) as { items: BenchItem[]; prepare?: () => Promise<void> };
  if (mod.prepare) preparers.set(mod.items, mod.prepare);
  items.push(...mod.items);
}
const selected = args.filter ? items.filter((i) => i.name.toLowerCase().includes(args.filter!.toLowerCase())) : items;

for (const [group, prepare] of preparers) if (group.some((i) => selected.includes(i))) await prepare();

const interpreters = args['no-reference'] ? [] : findPythonInterpreters();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`);
for (const p of interpreters) {
  const mods = Object.entries(p.modules).map(([m, v]) => `${m} ${v}`).join(', ');
  console.log(`Python ${p.version} (${mods || 'no reference modules'})`);
}
if (interpreters.length === 0) console.log('No Python found: reference timings and ratios are skipped.');
console.log('');

const results: BenchResult[] = [];
for (const item of selected) {
  const repeats = item.repeats ?? 5;
  process.stdout.write(`${item.name}\n`);
  const data = item.makeData();
  const peaks: number[] = [];
  const checks: { label: string; ok: boolean }[] = [];
  const oursRuns = await timeOurs(
    async () => {
      const out: unknown = await item.ours(data);
      if (typeof out !== 'object' || out === null) return;
      if ('peakMemoryMb' in out && typeof out.peakMemoryMb === 'number') peaks.push(out.peakMemoryMb);
      if ('checks' in out && Array.isArray(out.checks)) checks.push(...(out.checks as { label: string; ok: boolean }[]));
    },
    repeats,
    item.warmUp ?? true,
  );
  const oursMedianMs = median(oursRuns);
  const result: BenchResult = { name: item.name, oursMedianMs, oursRunsMs: oursRuns, references: [], targets: item.targets, verdicts: [], pass: true };
  if (peaks.length) result.peakMemoryMb = Math.max(...peaks);
  for (const check of checks) {
    result.pass &&= check.ok;
    result.verdicts.push(`${check.label}: ${check.ok ? 'met' : 'MISSED'}`);
  }
  const reference = item.reference;
  if (reference) {
    // Every interpreter with the modules is measured (e.g. the distribution's scipy and a newer one): the target is judged on the fastest.
    for (const python of interpretersWith(interpreters, reference.modules)) {
      const runs = timePython(python, data, reference, repeats);
      const versions = reference.modules.map((m) => `${m} ${python.modules[m] ?? '?'}`).join(', ');
      result.references.push({ label: reference.label, python: python.version, versions, medianMs: median(runs), runsMs: runs, ratio: oursMedianMs / median(runs) });
    }
    if (result.references.length === 0) result.missingReference = `${reference.label}: skipped, no Python with ${reference.modules.join(', ')}`;
    else result.ratio = Math.max(...result.references.map((r) => r.ratio));
  }
  judge(result);
  results.push(result);
  printResult(result);
}

function judge(result: BenchResult): void {
  const { maxRatio, maxMedianMs, maxPeakMemoryMb } = result.targets;
  if (maxPeakMemoryMb !== undefined) {
    const ok = result.peakMemoryMb !== undefined && result.peakMemoryMb <= maxPeakMemoryMb;
    result.pass &&= ok;
    result.verdicts.push(`peak memory ≤ ${maxPeakMemoryMb} MB: ${result.peakMemoryMb === undefined ? 'NOT MEASURED' : ok ? 'met' : 'MISSED'}`);
  }
  if (maxRatio !== undefined) {
    if (result.ratio === undefined) result.verdicts.push(`ratio ≤ ${maxRatio}: not measured (reference missing)`);
    else {
      const ok = result.ratio <= maxRatio;
      result.pass &&= ok;
      result.verdicts.push(`ratio ≤ ${maxRatio}: ${ok ? 'met' : 'MISSED'}`);
    }
  }
  if (maxMedianMs !== undefined) {
    const ok = result.oursMedianMs <= maxMedianMs;
    result.pass &&= ok;
    result.verdicts.push(`median ≤ ${maxMedianMs} ms: ${ok ? 'met' : 'MISSED'}`);
  }
}

function printResult(r: BenchResult): void {
  console.log(`  ours: median ${fmt(r.oursMedianMs)} ms (runs: ${r.oursRunsMs.map(fmt).join(', ')})`);
  if (r.peakMemoryMb !== undefined) console.log(`  peak memory: ${r.peakMemoryMb.toFixed(0)} MB`);
  for (const ref of r.references) {
    console.log(`  ${ref.label} (${ref.versions}): median ${fmt(ref.medianMs)} ms (runs: ${ref.runsMs.map(fmt).join(', ')}); ratio ours/theirs ${ref.ratio.toFixed(3)}`);
  }
  if (r.missingReference) console.log(`  ${r.missingReference}`);
  for (const v of r.verdicts) console.log(`  target ${v}`);
  console.log('');
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(2);
}

if (args.json) writeFileSync(args.json, `${JSON.stringify({ machine: { cpu, cores: cpus().length, node: process.version }, results }, null, 2)}\n`);
const missed = results.filter((r) => !r.pass);
console.log(missed.length === 0 ? `All ${results.length} items met their targets.` : `${missed.length} of ${results.length} items missed a target: ${missed.map((r) => r.name).join('; ')}`);
process.exitCode = missed.length === 0 ? 0 : 1;
