import { createRandom } from '@bothub/stats';
import type { Dataset } from '../../dataset.js';
import type { MultivariateDrift } from '../../report/report-schema.js';
import { DRIFT_DEFAULTS } from './drift-defaults.js';
import { runMmdTest } from './run-mmd-test.js';
import { sampleRowIndices } from './sample-row-indices.js';

export interface MultivariateDriftOptions {
  /** Seed of the row samples and the permutations. */
  readonly seed: number;
  /** Complete rows sampled per side. Default 500. */
  readonly sampleSize?: number;
  /** Permutations of the MMD test. Default 200. */
  readonly permutations?: number;
  /** Significance level. Default 0.05. */
  readonly threshold?: number;
}

function numericColumns(dataset: Dataset, columns: readonly string[]): Float64Array[] {
  return columns.map((name) => {
    const column = dataset.columns.get(name);
    if (column === undefined) throw new RangeError(`multivariate drift: column ${name} is missing from ${dataset.source}`);
    if (column.values.storage !== 'numeric') throw new RangeError(`multivariate drift: column ${name} in ${dataset.source} is ${column.type}, not numeric`);
    return column.values.values;
  });
}

function completeRows(values: readonly Float64Array[], rows: number): Int32Array {
  const keep = new Uint8Array(rows).fill(1);
  for (const column of values) for (let i = 0; i < rows; i++) if (!Number.isFinite(column[i])) keep[i] = 0;
  let count = 0;
  for (let i = 0; i < rows; i++) count += keep[i]!;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < rows; i++) if (keep[i] === 1) out[j++] = i;
  return out;
}

/**
 * Multivariate drift of the numerical columns: the Gaussian-kernel MMD permutation test (median-heuristic bandwidth)
 * on a seeded sample of ≤ 500 complete rows per side (rows with any missing value dropped), each column standardized
 * by the mean and std of the complete reference rows. It sees changes no single column shows (a correlation that
 * flips). Columns constant in the reference are left out (they have no scale). Drifted when p < 0.05.
 * Null when fewer than 2 columns remain or a side has fewer than 2 complete rows.
 * @throws RangeError naming the column when one is absent or not numeric.
 * @example
 * evaluateMultivariateDrift(reference, current, ['age', 'income', 'balance'], { seed: 42 });
 * // { test: 'mmd', columns, sampleSize: { reference: 500, current: 500 }, mmd2, pValue, sigma, permutations: 200, threshold: 0.05, drifted }
 */
export function evaluateMultivariateDrift(
  reference: Dataset,
  current: Dataset,
  columns: readonly string[],
  options: MultivariateDriftOptions,
): MultivariateDrift | null {
  const sampleSize = options.sampleSize ?? DRIFT_DEFAULTS.multivariateSampleSize;
  const permutations = options.permutations ?? DRIFT_DEFAULTS.permutations;
  const threshold = options.threshold ?? DRIFT_DEFAULTS.pValue;
  const referenceValues = numericColumns(reference, columns);
  const currentValues = numericColumns(current, columns);
  const referenceRows = completeRows(referenceValues, reference.sampledRows);
  const currentRows = completeRows(currentValues, current.sampledRows);
  if (referenceRows.length < 2 || currentRows.length < 2) return null;

  const used: number[] = [];
  const means: number[] = [];
  const stds: number[] = [];
  referenceValues.forEach((values, c) => {
    let sum = 0;
    for (const i of referenceRows) sum += values[i]!;
    const mean = sum / referenceRows.length;
    let squares = 0;
    for (const i of referenceRows) squares += (values[i]! - mean) ** 2;
    const std = Math.sqrt(squares / (referenceRows.length - 1));
    if (std > 0) {
      used.push(c);
      means.push(mean);
      stds.push(std);
    }
  });
  if (used.length < 2) return null;

  const rng = createRandom(options.seed);
  const toMatrix = (values: readonly Float64Array[], rows: Int32Array) => {
    const sample = sampleRowIndices(rows, sampleSize, rng);
    const d = used.length;
    const data = new Float64Array(sample.length * d);
    for (let r = 0; r < sample.length; r++) {
      for (let k = 0; k < d; k++) data[r * d + k] = (values[used[k]!]![sample[r]!]! - means[k]!) / stds[k]!;
    }
    return { rows: sample.length, cols: d, data };
  };
  const x = toMatrix(referenceValues, referenceRows);
  const y = toMatrix(currentValues, currentRows);
  const result = runMmdTest(x, y, { rng, permutations });
  return {
    test: 'mmd',
    columns: used.map((c) => columns[c]!),
    sampleSize: { reference: x.rows, current: y.rows },
    mmd2: result.mmd2,
    pValue: result.pValue,
    sigma: result.sigma,
    permutations: result.permutations,
    threshold,
    drifted: result.pValue < threshold,
  };
}
