import { bootstrapInterval, createRandom, quantileSorted, sortFloat64 } from '@bothub/stats';
import type { MetricValue } from '../../report/report-schema.js';
import { intervalMetric, pointMetric } from './metric-value.js';

/** Largest number of rows a bootstrap resamples; larger inputs are bootstrapped on a seeded subsample. */
export const BOOTSTRAP_MAX_ROWS = 20_000;
/** Default bootstrap replicates: enough for a 95 % percentile interval's tails, cheap enough for large inputs. */
export const DEFAULT_BOOTSTRAP_REPLICATES = 200;

export interface MetricBootstrapOptions {
  /** Rows of the side (n). */
  readonly rows: number;
  readonly confidence: number;
  readonly seed: number;
  readonly replicates?: number;
  readonly maxRows?: number;
}

/** One metric to bootstrap. */
export interface BootstrappedMetric {
  readonly name: string;
  /** The metric on all n rows (null or NaN: no interval). */
  readonly estimate: number | null;
  /** Natural range of the metric; interval bounds are clipped to it. */
  readonly bounds?: readonly [number, number];
  /**
   * Given the rows the bootstrap draws from (all rows, or the subsample), returns the metric on a multiset of
   * positions into those rows; NaN where the metric is undefined on a resample (that replicate is skipped).
   */
  readonly prepare: (baseRows: Int32Array) => (positions: Int32Array) => number;
}

/**
 * Percentile bootstrap intervals for several metrics of one side, all evaluated on the same seeded resamples.
 *
 * With n ≤ maxRows (20,000) rows this is the ordinary percentile bootstrap of `bootstrapInterval` over all rows.
 * With more rows it first draws one seeded subsample of m = maxRows rows (without replacement), bootstraps the
 * metrics on it, and rescales each half-width to n rows: with θₙ the metric on all rows, θₘ on the subsample and
 * [L, U] its percentile interval, the interval is [θₙ − (θₘ − L)·√(m/n), θₙ + (U − θₘ)·√(m/n)], clipped to the
 * metric's bounds. The √(m/n) factor is the 1/√n rate of a smooth metric's sampling error; it keeps the interval's
 * skew and makes the cost independent of n (replicates × m).
 * @example
 * bootstrapMetrics([{ name: 'brier', estimate: 0.18, bounds: [0, 1], prepare: (rows) => meanOver(gather(squared, rows)) }],
 *   { rows: n, confidence: 0.95, seed: 42 }).brier;
 */
export function bootstrapMetrics(metrics: readonly BootstrappedMetric[], options: MetricBootstrapOptions): Record<string, MetricValue> {
  const { rows, confidence } = options;
  const replicates = options.replicates ?? DEFAULT_BOOTSTRAP_REPLICATES;
  const maxRows = options.maxRows ?? BOOTSTRAP_MAX_ROWS;
  const out: Record<string, MetricValue> = {};
  const active = metrics.filter((m) => m.estimate !== null && Number.isFinite(m.estimate));
  for (const m of metrics) out[m.name] = pointMetric(m.estimate);
  if (active.length === 0 || rows < 2) return out;

  const rng = createRandom(options.seed);
  const subsampled = rows > maxRows;
  const baseRows = subsampled ? drawSubsample(rows, maxRows, rng) : identity(rows);
  const m = baseRows.length;
  const statistics = active.map((metric) => metric.prepare(baseRows));
  const values = active.map(() => new Float64Array(replicates));
  const onBase = new Float64Array(active.length);
  let call = -1;
  // bootstrapInterval evaluates the statistic once on the base rows, then once per replicate: record every metric.
  bootstrapInterval({
    sampleSize: m,
    rng,
    replicates,
    confidence,
    statistic: (positions) => {
      for (let k = 0; k < statistics.length; k++) {
        const value = statistics[k]!(positions);
        if (call < 0) onBase[k] = value;
        else values[k]![call] = value;
      }
      call++;
      return 0;
    },
  });
  const alpha = 1 - confidence;
  const scale = Math.sqrt(m / rows);
  active.forEach((metric, k) => {
    const finite = values[k]!.filter(Number.isFinite);
    const estimate = metric.estimate!;
    const base = onBase[k]!;
    if (finite.length === 0 || !Number.isFinite(base)) return;
    const sorted = sortFloat64(finite);
    const lowerQ = quantileSorted(sorted, alpha / 2);
    const upperQ = quantileSorted(sorted, 1 - alpha / 2);
    let lower = subsampled ? estimate - (base - lowerQ) * scale : lowerQ;
    let upper = subsampled ? estimate + (upperQ - base) * scale : upperQ;
    if (metric.bounds !== undefined) {
      lower = Math.min(Math.max(lower, metric.bounds[0]), metric.bounds[1]);
      upper = Math.min(Math.max(upper, metric.bounds[0]), metric.bounds[1]);
    }
    out[metric.name] = intervalMetric(estimate, lower, upper, 'bootstrap');
  });
  return out;
}

/**
 * The values of `values` at `rows`, as a new array of the same kind.
 * @example gather(Float64Array.of(5, 6, 7), Int32Array.of(2, 0)); // Float64Array [7, 5]
 */
export function gather<T extends Float64Array | Uint8Array | Int32Array>(values: T, rows: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/**
 * The mean of `values` over a multiset of positions.
 * @example meanOver(Float64Array.of(1, 3))(Int32Array.of(1, 1)); // 3
 */
export function meanOver(values: Float64Array): (positions: Int32Array) => number {
  return (positions) => {
    let sum = 0;
    for (let i = 0; i < positions.length; i++) sum += values[positions[i]!]!;
    return sum / positions.length;
  };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** m distinct row indices out of n (partial Fisher–Yates), sorted so later gathers read memory in order. */
function drawSubsample(n: number, m: number, rng: { nextInt(bound: number): number }): Int32Array {
  const all = identity(n);
  for (let i = 0; i < m; i++) {
    const j = i + rng.nextInt(n - i);
    const tmp = all[i]!;
    all[i] = all[j]!;
    all[j] = tmp;
  }
  return all.slice(0, m).sort();
}
