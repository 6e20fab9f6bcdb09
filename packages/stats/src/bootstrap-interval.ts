import type { RandomGenerator } from './random.js';
import { sortFloat64 } from './sort-float64.js';
import { requireInRange, requireInteger } from './validate-input.js';
import { quantileSorted } from './quantile.js';

export interface BootstrapIntervalOptions {
  /** Number of rows n; every replicate draws n row indices in [0, n) with replacement. */
  readonly sampleSize: number;
  /**
   * The metric, evaluated on a set of row indices (so paired data such as labels and scores stay paired). The
   * same Int32Array is refilled for every replicate: copy it if you keep it. Return NaN (or ±Infinity) when the
   * metric is undefined on a resample, e.g. ROC AUC on a single-class resample; such replicates are skipped.
   */
  readonly statistic: (indices: Int32Array) => number;
  /** The seeded generator that draws the resamples; the same seed gives the same interval. */
  readonly rng: RandomGenerator;
  /** Number of bootstrap resamples; default 1000. */
  readonly replicates?: number;
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** A percentile bootstrap confidence interval. */
export interface BootstrapInterval {
  /** The statistic on the original rows (indices 0 … n − 1). */
  readonly estimate: number;
  /** The α/2 quantile of the finite replicate values (NaN when none is finite). */
  readonly lower: number;
  /** The 1 − α/2 quantile of the finite replicate values (NaN when none is finite). */
  readonly upper: number;
  readonly confidence: number;
  /** Resamples drawn. */
  readonly replicates: number;
  /** Resamples whose statistic was NaN or ±Infinity; they take no part in the interval or the standard error. */
  readonly skipped: number;
  /** Sample standard deviation (denominator k − 1) of the k finite replicate values (NaN when k < 2). */
  readonly standardError: number;
}

/**
 * Percentile bootstrap confidence interval for any statistic of n rows (Efron & Tibshirani, 1993, ch. 13).
 *
 * Each of B replicates draws n row indices uniformly with replacement and evaluates `statistic` on them; the
 * interval is the α/2 and 1 − α/2 quantiles of the replicate values, with numpy's default linear interpolation
 * (`numpy.quantile(values, q)`: position q·(k − 1) in the sorted values). The standard error is the standard
 * deviation of the replicates. Cost O(B·(n + cost of statistic) + B log B). Deterministic for a given seed.
 *
 * Throws a RangeError unless sampleSize and replicates are integers ≥ 1 and confidence is in (0, 1).
 * @example
 * const values = [3.1, 2.4, 5.0, 4.2, 3.3];
 * const mean = (idx: Int32Array) => { let s = 0; for (const i of idx) s += values[i]!; return s / idx.length; };
 * bootstrapInterval({ sampleSize: values.length, statistic: mean, rng: createRandom(1) }); // { estimate: 3.6, lower: …, upper: … }
 */
export function bootstrapInterval(options: BootstrapIntervalOptions): BootstrapInterval {
  const fn = 'bootstrapInterval';
  const { sampleSize, statistic, rng } = options;
  const replicates = options.replicates ?? 1000;
  const confidence = options.confidence ?? 0.95;
  requireInteger(fn, 'sampleSize', sampleSize, 1, 0x7fffffff);
  requireInteger(fn, 'replicates', replicates, 1);
  requireInRange(fn, 'confidence', confidence, 0, 1);

  const indices = new Int32Array(sampleSize);
  for (let i = 0; i < sampleSize; i++) indices[i] = i;
  const estimate = statistic(indices);

  const values = new Float64Array(replicates);
  let kept = 0;
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < sampleSize; i++) indices[i] = rng.nextInt(sampleSize);
    const value = statistic(indices);
    if (Number.isFinite(value)) values[kept++] = value;
  }
  const skipped = replicates - kept;
  if (kept === 0) {
    return { estimate, lower: Number.NaN, upper: Number.NaN, confidence, replicates, skipped, standardError: Number.NaN };
  }

  const sorted = sortFloat64(values.subarray(0, kept));
  const alpha = 1 - confidence;
  let mean = 0;
  for (let i = 0; i < kept; i++) mean += sorted[i]!;
  mean /= kept;
  let sumSquares = 0;
  for (let i = 0; i < kept; i++) {
    const d = sorted[i]! - mean;
    sumSquares += d * d;
  }
  return {
    estimate,
    lower: quantileSorted(sorted, alpha / 2),
    upper: quantileSorted(sorted, 1 - alpha / 2),
    confidence,
    replicates,
    skipped,
    standardError: kept > 1 ? Math.sqrt(sumSquares / (kept - 1)) : Number.NaN,
  };
}
