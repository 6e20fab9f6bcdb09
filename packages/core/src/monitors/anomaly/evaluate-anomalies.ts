import { createRandom, fitIsolationForest, isolationForestThreshold, quantile, scoreIsolationForest, wilsonInterval } from '@bothub/stats';
import type { IsolationForest, RandomGenerator } from '@bothub/stats';
import type { Dataset, DatasetColumn } from '../../dataset.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import { remember } from '../../reference-memo.js';
import type { Anomalies } from '../../report/report-schema.js';

/** Options of {@link evaluateAnomalies}. */
export interface AnomalyOptions {
  /** Seed of the row subsample and of the forest: the same seed gives the same result. */
  readonly seed: number;
  /** Reference score percentile used as the threshold; default 95 (about 5 % of reference rows lie above it). */
  readonly percentile?: number;
  /** Trees; default 100. */
  readonly nEstimators?: number;
  /** Rows per tree (ψ); default 256, clipped to the reference rows. */
  readonly maxSamples?: number;
  /** How many of the highest-scoring current rows to list; default 10. */
  readonly topRows?: number;
  /** Confidence level of the interval on the current share; default 0.95. */
  readonly confidence?: number;
  /** Remembers the fitted forest and the reference's scores across calls with the same reference (the service's windows). */
  readonly memo?: ReferenceMemo;
}

/** Fewer sampled rows than this on either side and there is no anomaly section. */
export const ANOMALY_MIN_ROWS = 10;
/** The forest is fitted, and the threshold taken, on at most this many reference rows (a seeded random subset beyond). */
export const ANOMALY_FIT_MAX_ROWS = 100_000;
/** A listed row shows at most this many columns' values. */
export const ANOMALY_MAX_ROW_VALUES = 20;

// Rows scored per call: the block matrix (65,536 × 20 doubles ≈ 10 MB) is reused, so no full copy of the data is made.
const SCORE_BLOCK_ROWS = 65_536;

/**
 * Anomalies: an Isolation Forest (fitIsolationForest of @bothub/stats, scikit-learn's algorithm) fitted on the
 * reference rows, the threshold at the reference's `percentile` score (isolationForestThreshold), the share of
 * reference and current rows scoring strictly above it, a Wilson interval on the current share, and the highest-scoring
 * current rows.
 *
 * - Columns: the given ones, which must be stored as numbers (numerical, and boolean or datetime if the caller wants
 *   them). Categorical columns are left out by design: an Isolation Forest splits on numeric thresholds, and arbitrary
 *   codes would invent an order. A column with no value in the reference is dropped.
 * - Missing (and non-finite) values, on both sides, are replaced by the reference median of the column, so a row with
 *   a missing value is judged on its other values; the listed rows still show them as null.
 * - The forest grows on the reference sample, or on a seeded random subset of {@link ANOMALY_FIT_MAX_ROWS} rows when
 *   it is larger (each tree draws only `maxSamples` rows anyway). The threshold and `referenceShareAbove` come from
 *   the scores of those same rows (the 95th percentile of 10⁵ scores is known to ±0.07 percentile points), and every
 *   current row is scored.
 * - `topRows` lists the current rows by score, highest first (ties by row), as 1-based row numbers in the current
 *   sample, with the values of the scored columns and then the other columns in dataset order, at most
 *   {@link ANOMALY_MAX_ROW_VALUES}: numbers, category labels, "true"/"false" for booleans, epoch milliseconds for
 *   datetimes, null for missing; embeddings are left out.
 *
 * Returns null when no usable column remains or either dataset has fewer than {@link ANOMALY_MIN_ROWS} sampled rows.
 * Cost: O(rows · nEstimators · log₂ maxSamples) to score, a few seconds for 10⁶ rows per side.
 *
 * @throws RangeError when a column is absent from either dataset or not stored as numbers, or for an invalid option.
 * @example
 * const anomalies = evaluateAnomalies(reference, current, ['age', 'income'], { seed: 42 });
 * anomalies?.currentShareAbove; // ≈ 0.05 when nothing changed
 */
export function evaluateAnomalies(reference: Dataset, current: Dataset, columns: readonly string[], options: AnomalyOptions): Anomalies | null {
  const fn = 'evaluateAnomalies';
  const percentile = options.percentile ?? 95;
  const topCount = options.topRows ?? 10;
  const confidence = options.confidence ?? 0.95;
  if (!(percentile >= 0 && percentile <= 100)) throw new RangeError(`${fn}: percentile must be in [0, 100], got ${String(percentile)}`);
  if (!Number.isInteger(topCount) || topCount < 0) throw new RangeError(`${fn}: topRows must be an integer ≥ 0, got ${String(topCount)}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`${fn}: confidence must be in (0, 1), got ${String(confidence)}`);

  const names = [...new Set(columns)];
  for (const name of names) {
    for (const dataset of [reference, current]) {
      const column = dataset.columns.get(name);
      if (column === undefined) throw new RangeError(`${fn}: column "${name}" is not in ${dataset.source}`);
      if (column.values.storage !== 'numeric') {
        throw new RangeError(`${fn}: column "${name}" is ${column.type}; the Isolation Forest takes only columns stored as numbers`);
      }
    }
  }
  if (reference.sampledRows < ANOMALY_MIN_ROWS || current.sampledRows < ANOMALY_MIN_ROWS) return null;

  const key = `anomalies ${JSON.stringify([names, options.seed, percentile, options.nEstimators ?? null, options.maxSamples ?? null])}`;
  const fitted = remember(options.memo, names.map((name) => numericValues(reference, name)), key, () => fitReference(reference, names, percentile, options));
  if (fitted === null) return null;
  const { used, medians, model, threshold, referenceShareAbove } = fitted;
  const curColumns = used.map((name) => numericValues(current, name));
  const curScores = scoreRows(model, curColumns, medians, current.sampledRows);
  const curAbove = countAbove(curScores, threshold);
  const interval = wilsonInterval(curAbove, curScores.length, { confidence });

  const shown = rowValueColumns(current, used);
  const topRows = topIndices(curScores, topCount).map((row) => ({
    row: row + 1,
    score: curScores[row]!,
    values: Object.fromEntries(shown.map((column) => [column.name, cellValue(column, row)])),
  }));

  return {
    columns: used,
    percentile,
    threshold,
    referenceShareAbove,
    currentShareAbove: curAbove / curScores.length,
    currentShareInterval: { value: interval.estimate, lower: interval.lower, upper: interval.upper, interval: 'wilson' },
    topRows,
  };
}

/** The reference's half of the work: which columns are used, their medians, the forest, the threshold. */
interface FittedReference {
  readonly used: string[];
  readonly medians: number[];
  readonly model: IsolationForest;
  readonly threshold: number;
  readonly referenceShareAbove: number;
}

function fitReference(reference: Dataset, names: readonly string[], percentile: number, options: AnomalyOptions): FittedReference | null {
  const rng = createRandom(options.seed);
  const fitRows = chooseFitRows(reference.sampledRows, rng);
  const used: string[] = [];
  const medians: number[] = [];
  for (const name of names) {
    const median = referenceMedian(numericValues(reference, name), fitRows);
    if (median === null) continue;
    used.push(name);
    medians.push(median);
  }
  if (used.length === 0) return null;
  const refColumns = used.map((name) => numericValues(reference, name));
  const fitMatrix = { rows: fitRows.length, cols: used.length, data: buildImputedRows(refColumns, medians, fitRows, 0, fitRows.length) };
  const model = fitIsolationForest(fitMatrix, {
    rng,
    ...(options.nEstimators === undefined ? {} : { nEstimators: options.nEstimators }),
    maxSamples: options.maxSamples ?? 256,
  });
  const refScores = scoreIsolationForest(model, fitMatrix);
  const threshold = isolationForestThreshold(refScores, percentile);
  return { used, medians, model, threshold, referenceShareAbove: countAbove(refScores, threshold) / refScores.length };
}

function numericValues(dataset: Dataset, name: string): Float64Array {
  const values = dataset.columns.get(name)!.values;
  return values.storage === 'numeric' ? values.values : new Float64Array(0);
}

/** Row indices the forest is fitted on: all rows, or a sorted seeded random subset of ANOMALY_FIT_MAX_ROWS. */
function chooseFitRows(rows: number, rng: RandomGenerator): Int32Array {
  const all = new Int32Array(rows);
  for (let i = 0; i < rows; i++) all[i] = i;
  if (rows <= ANOMALY_FIT_MAX_ROWS) return all;
  for (let i = 0; i < ANOMALY_FIT_MAX_ROWS; i++) {
    const j = i + rng.nextInt(rows - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  // Sorted so the subset is read in memory order; the forest draws its own random rows from it.
  return all.slice(0, ANOMALY_FIT_MAX_ROWS).sort();
}

/** Median of the finite values at the fit rows (all rows if none there); null when the column has no finite value. */
function referenceMedian(values: Float64Array, fitRows: Int32Array): number | null {
  const picked = new Float64Array(fitRows.length);
  let n = 0;
  for (let k = 0; k < fitRows.length; k++) {
    const v = values[fitRows[k]!]!;
    if (Number.isFinite(v)) picked[n++] = v;
  }
  if (n > 0) return quantile(picked.subarray(0, n), 0.5);
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length > 0 ? quantile(finite, 0.5) : null;
}

/** Row-major rows [from, to) of `rows` (indices; null = identity), missing values replaced by the medians. */
function buildImputedRows(columns: readonly Float64Array[], medians: readonly number[], rows: Int32Array | null, from: number, to: number, out?: Float64Array): Float64Array {
  const p = columns.length;
  const data = out ?? new Float64Array((to - from) * p);
  for (let j = 0; j < p; j++) {
    const column = columns[j]!;
    const median = medians[j]!;
    for (let k = from, offset = j; k < to; k++, offset += p) {
      const v = column[rows === null ? k : rows[k]!]!;
      data[offset] = Number.isFinite(v) ? v : median;
    }
  }
  return data;
}

function scoreRows(model: IsolationForest, columns: readonly Float64Array[], medians: readonly number[], rows: number): Float64Array {
  const p = columns.length;
  const scores = new Float64Array(rows);
  const block = new Float64Array(Math.min(rows, SCORE_BLOCK_ROWS) * p);
  for (let from = 0; from < rows; from += SCORE_BLOCK_ROWS) {
    const to = Math.min(rows, from + SCORE_BLOCK_ROWS);
    const data = block.subarray(0, (to - from) * p);
    buildImputedRows(columns, medians, null, from, to, data);
    scores.set(scoreIsolationForest(model, { rows: to - from, cols: p, data }), from);
  }
  return scores;
}

function countAbove(scores: Float64Array, threshold: number): number {
  let count = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > threshold) count++;
  return count;
}

/** Indices of the `k` highest scores, highest first; an earlier row wins a tie. */
function topIndices(scores: Float64Array, k: number): number[] {
  const index: number[] = [];
  const value: number[] = [];
  if (k === 0) return index;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (index.length === k && !(s > value[k - 1]!)) continue;
    let position = Math.min(index.length, k - 1);
    if (index.length < k) {
      index.push(i);
      value.push(s);
    }
    while (position > 0 && value[position - 1]! < s) {
      index[position] = index[position - 1]!;
      value[position] = value[position - 1]!;
      position--;
    }
    index[position] = i;
    value[position] = s;
  }
  return index;
}

function rowValueColumns(dataset: Dataset, scored: readonly string[]): DatasetColumn[] {
  const out: DatasetColumn[] = scored.map((name) => dataset.columns.get(name)!);
  for (const [name, column] of dataset.columns) {
    if (out.length >= ANOMALY_MAX_ROW_VALUES) break;
    if (column.values.storage !== 'embedding' && !scored.includes(name)) out.push(column);
  }
  return out.slice(0, ANOMALY_MAX_ROW_VALUES);
}

function cellValue(column: DatasetColumn, row: number): number | string | null {
  const { values } = column;
  if (values.storage === 'categorical') {
    const code = values.codes[row]!;
    return code < 0 ? null : values.dictionary[code]!;
  }
  if (values.storage === 'numeric') {
    const v = values.values[row]!;
    if (!Number.isFinite(v)) return null;
    if (column.type === 'boolean') return v === 1 ? 'true' : v === 0 ? 'false' : v;
    return v;
  }
  return null;
}
