import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import type { RandomGenerator } from './random.js';
import { createRandom } from './random.js';
import { medianInPlace } from './median-in-place.js';
import { requireInteger } from './validate-input.js';

export interface MedianHeuristicOptions {
  /**
   * Largest number of pooled vectors whose pairwise distances are computed (default 1,000, i.e. ≈ 500,000 pairs).
   * Above it a uniform subsample of this many vectors (without replacement) is drawn with `rng`.
   */
  readonly maxSamples?: number;
  /** Generator for the subsample; default `createRandom(0)`, so the result is reproducible without one. */
  readonly rng?: RandomGenerator;
}

export interface MedianHeuristicResult {
  /** The bandwidth σ = √(median ‖xᵢ − xⱼ‖² / 2), for the kernel exp(−‖x − y‖² / (2σ²)). */
  readonly sigma: number;
  /** The median of the pairwise squared distances (numpy's median: the mean of the two middle values for an even count). */
  readonly medianSquaredDistance: number;
  /** Number of pooled vectors the pairs were taken from (≤ maxSamples). */
  readonly samplesUsed: number;
}

/** Default `maxSamples` for the median heuristic. */
export const MEDIAN_HEURISTIC_MAX_SAMPLES = 1000;

/**
 * The median heuristic for the Gaussian kernel bandwidth: σ = √(m / 2) where m is the median of the squared
 * Euclidean distances over all distinct pairs i < j of the pooled sample (reference and current together).
 * With this σ the kernel exp(−d² / (2σ²)) = exp(−d² / m) equals e⁻¹ at the median pair distance. (Gretton et al.
 * 2012 state the heuristic as σ = median distance, which is √2 times larger; we use the squared-distance form.)
 * Above `maxSamples` pooled vectors, a seeded uniform subsample keeps the cost at O(maxSamples² · d).
 *
 * Throws a RangeError for empty inputs, non-finite values, different dimensions, fewer than 2 pooled vectors,
 * or when every pairwise distance median is 0 (σ would be 0: e.g. more than half the pairs are identical vectors).
 * @example
 * medianHeuristicBandwidth([[0, 0], [1, 0]], [[0, 1]]).sigma; // pairs d² = 1, 1, 2 → median 1 → σ = √0.5
 */
export function medianHeuristicBandwidth(
  reference: MatrixInput,
  current: MatrixInput,
  options: MedianHeuristicOptions = {},
): MedianHeuristicResult {
  const fn = 'medianHeuristicBandwidth';
  const x = toMatrix(fn, 'reference', reference);
  const y = toMatrix(fn, 'current', current);
  if (x.cols !== y.cols) {
    throw new RangeError(`${fn}: reference vectors have ${x.cols} dimensions but current vectors have ${y.cols}; they must match`);
  }
  const maxSamples = options.maxSamples ?? MEDIAN_HEURISTIC_MAX_SAMPLES;
  requireInteger(fn, 'maxSamples', maxSamples, 2);
  const medianSquaredDistance = pooledMedianSquaredDistance(fn, x.data, x.rows, y.data, y.rows, x.cols, maxSamples, options.rng);
  return { sigma: Math.sqrt(medianSquaredDistance / 2), medianSquaredDistance, samplesUsed: Math.min(x.rows + y.rows, maxSamples) };
}

/** @internal Shared with the MMD functions, which have already validated their matrices. */
export function pooledMedianSquaredDistance(
  fn: string,
  xData: Float64Array,
  xRows: number,
  yData: Float64Array,
  yRows: number,
  d: number,
  maxSamples: number,
  rng: RandomGenerator | undefined,
): number {
  const total = xRows + yRows;
  if (total < 2) throw new RangeError(`${fn}: the median heuristic needs at least 2 pooled vectors, got ${total}`);
  const used = Math.min(total, maxSamples);
  // Pooled row indices; a partial Fisher–Yates shuffle picks a uniform subset when there are too many.
  const index = new Int32Array(total);
  for (let i = 0; i < total; i++) index[i] = i;
  if (used < total) {
    const gen = rng ?? createRandom(0);
    for (let i = 0; i < used; i++) {
      const j = i + gen.nextInt(total - i);
      const t = index[i]!;
      index[i] = index[j]!;
      index[j] = t;
    }
  }
  const pooled = new Float64Array(used * d);
  for (let r = 0; r < used; r++) {
    const src = index[r]!;
    if (src < xRows) pooled.set(xData.subarray(src * d, src * d + d), r * d);
    else pooled.set(yData.subarray((src - xRows) * d, (src - xRows) * d + d), r * d);
  }
  const pairs = new Float64Array((used * (used - 1)) / 2);
  let p = 0;
  for (let i = 0; i < used; i++) {
    const oi = i * d;
    for (let j = i + 1; j < used; j++) {
      const oj = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) {
        const diff = pooled[oi + k]! - pooled[oj + k]!;
        s += diff * diff;
      }
      pairs[p++] = s;
    }
  }
  const median = medianInPlace(pairs);
  if (!(median > 0)) {
    throw new RangeError(`${fn}: the median pairwise squared distance is 0 (most vectors are identical), so the median heuristic gives σ = 0; pass sigma explicitly`);
  }
  return median;
}
