/**
 * A real drift comparison on the bundled credit-default example: `npm run example:drift`.
 * Reads examples/data/credit-reference.csv (training-time data) and credit-current.csv (last week's traffic),
 * tests every feature for drift with Bothub's statistics core, and compares the model's ROC AUC on both
 * with DeLong confidence intervals. Pass two other CSV paths to compare your own files (numeric and text columns).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  chiSquaredTest,
  delongInterval,
  jensenShannonDistance,
  ksTest,
  populationStabilityIndex,
  wassersteinDistance,
} from '../packages/stats/src/index.js';

type Row = Record<string, string>;

interface ColumnVerdict {
  column: string;
  kind: 'numerical' | 'categorical';
  test: string;
  pValue: number;
  effect: string;
  drifted: boolean;
}

const P_THRESHOLD = 0.05;
const PSI_THRESHOLD = 0.1;
const JS_THRESHOLD = 0.1;
const ROLE_COLUMNS = new Set(['repaid', 'score']);

function readCsv(path: string): Row[] {
  return parse<Row>(readFileSync(path), { columns: true, skip_empty_lines: true, trim: true });
}

function isNumeric(rows: readonly Row[], column: string): boolean {
  return rows.every((r) => r[column] !== '' && Number.isFinite(Number(r[column])));
}

function numbers(rows: readonly Row[], column: string): Float64Array {
  return Float64Array.from(rows, (r) => Number(r[column]));
}

function categoryCounts(reference: readonly Row[], current: readonly Row[], column: string): { categories: string[]; ref: number[]; cur: number[] } {
  const categories = [...new Set([...reference, ...current].map((r) => r[column]!))].sort();
  const count = (rows: readonly Row[]): number[] => categories.map((c) => rows.filter((r) => r[column] === c).length);
  return { categories, ref: count(reference), cur: count(current) };
}

function compareNumerical(reference: readonly Row[], current: readonly Row[], column: string): ColumnVerdict {
  const ref = numbers(reference, column);
  const cur = numbers(current, column);
  const ks = ksTest(ref, cur);
  const psi = populationStabilityIndex(ref, cur).psi;
  const wasserstein = wassersteinDistance(ref, cur).distance;
  const mean = ref.reduce((a, b) => a + b, 0) / ref.length;
  const sd = Math.sqrt(ref.reduce((a, b) => a + (b - mean) ** 2, 0) / (ref.length - 1));
  return {
    column,
    kind: 'numerical',
    test: `KS D=${ks.statistic.toFixed(3)}`,
    pValue: ks.pValue,
    effect: `PSI ${psi.toFixed(3)}, W/sd ${(wasserstein / sd).toFixed(3)}`,
    drifted: ks.pValue < P_THRESHOLD && psi >= PSI_THRESHOLD,
  };
}

function compareCategorical(reference: readonly Row[], current: readonly Row[], column: string): ColumnVerdict {
  const { ref, cur } = categoryCounts(reference, current, column);
  const chi2 = chiSquaredTest(ref, cur);
  const js = jensenShannonDistance(ref, cur).distance;
  return {
    column,
    kind: 'categorical',
    test: `χ²=${chi2.statistic.toFixed(1)} (dof ${chi2.dof})`,
    pValue: chi2.pValue,
    effect: `JS ${js.toFixed(3)}`,
    drifted: chi2.pValue < P_THRESHOLD && js >= JS_THRESHOLD,
  };
}

function describeAuc(rows: readonly Row[]): string {
  const d = delongInterval(numbers(rows, 'repaid'), numbers(rows, 'score'));
  return `${d.auc.toFixed(3)} (95% CI ${d.lower.toFixed(3)}–${d.upper.toFixed(3)}, n=${rows.length})`;
}

const [referencePath, currentPath] = process.argv.slice(2);
const dataDir = join(import.meta.dirname, 'data');
const reference = readCsv(referencePath ?? join(dataDir, 'credit-reference.csv'));
const current = readCsv(currentPath ?? join(dataDir, 'credit-current.csv'));
const columns = Object.keys(reference[0] ?? {}).filter((c) => !ROLE_COLUMNS.has(c));

console.log(`Reference: ${reference.length} rows; current: ${current.length} rows; ${columns.length} features\n`);
const verdicts = columns.map((c) => (isNumeric(reference, c) && isNumeric(current, c) ? compareNumerical(reference, current, c) : compareCategorical(reference, current, c)));
console.table(
  verdicts.map((v) => ({ column: v.column, type: v.kind, test: v.test, 'p-value': v.pValue < 1e-3 ? v.pValue.toExponential(2) : v.pValue.toFixed(3), 'effect size': v.effect, drift: v.drifted ? 'DRIFT' : 'ok' })),
);
const drifted = verdicts.filter((v) => v.drifted);
console.log(`\nDataset drift: ${drifted.length} of ${verdicts.length} features drifted (${drifted.map((v) => v.column).join(', ') || 'none'}).`);
console.log(`Rule: p < ${P_THRESHOLD} and an effect beyond trivial (PSI ≥ ${PSI_THRESHOLD} for numbers, Jensen–Shannon ≥ ${JS_THRESHOLD} for categories).`);
const firstRow = reference[0];
if (firstRow && 'repaid' in firstRow && 'score' in firstRow) {
  console.log(`\nModel ROC AUC — reference: ${describeAuc(reference)}; current: ${describeAuc(current)}`);
}
