import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import { MEDIAN_HEURISTIC_MAX_SAMPLES, pooledMedianSquaredDistance } from './median-heuristic-bandwidth.js';
import { resolveSigma } from './mmd-gaussian.js';
import type { RandomGenerator } from './random.js';
import { normalSurvival } from './special/normal-distribution.js';

export interface MmdLinearTimeOptions {
  /** Kernel bandwidth σ > 0; default: the median heuristic on (a subsample of) the pooled sample. */
  readonly sigma?: number;
  /**
   * When given, the vectors are paired in a random order drawn from it (and it drives the median heuristic's
   * subsample). Without it, consecutive vectors are paired in the order given (and the heuristic uses createRandom(0)).
   */
  readonly rng?: RandomGenerator;
}

export interface MmdLinearTimeResult {
  /** The linear-time MMD² estimate: the mean of h over the P = ⌊min(m, n) / 2⌋ pairs; unbiased. */
  readonly mmd2: number;
  /** Its standard error, sd(h) / √P (sample standard deviation, P − 1 in the denominator). */
  readonly standardError: number;
  /** One-sided normal p-value P(Z ≥ mmd2 / standardError); 0 or 1 when the standard error is 0 (mmd2 > 0 or not). */
  readonly pValue: number;
  /** The bandwidth used. */
  readonly sigma: number;
  /** P, the number of h terms averaged. */
  readonly pairs: number;
}

/**
 * The linear-time MMD² estimator of Gretton et al. 2012 (Lemma 14, Corollary 16) with a Gaussian kernel:
 * with P = ⌊min(m, n) / 2⌋ pairs, MMD²ₗ = (1/P) Σᵢ h((x₂ᵢ₋₁, y₂ᵢ₋₁), (x₂ᵢ, y₂ᵢ)) where
 * h((x, y), (x′, y′)) = k(x, x′) + k(y, y′) − k(x, y′) − k(x′, y). It is an unbiased estimate of MMD², asymptotically
 * normal, so the test is one-sided: p = P(Z ≥ MMD²ₗ / SE). It uses only 2P vectors of each sample, O(P · d) time and
 * O(P) memory, at the price of a much larger variance than the quadratic-time estimate (mmdGaussian).
 *
 * Throws a RangeError for fewer than 4 vectors in either sample, different dimensions, non-finite values or sigma ≤ 0.
 * @example
 * const { mmd2, pValue } = mmdLinearTime(referenceVectors, currentVectors, { rng: createRandom(1) });
 */
export function mmdLinearTime(reference: MatrixInput, current: MatrixInput, options: MmdLinearTimeOptions = {}): MmdLinearTimeResult {
  const fn = 'mmdLinearTime';
  const x = toMatrix(fn, 'reference', reference, 4);
  const y = toMatrix(fn, 'current', current, 4);
  if (x.cols !== y.cols) {
    throw new RangeError(`${fn}: reference vectors have ${x.cols} dimensions but current vectors have ${y.cols}; they must match`);
  }
  const d = x.cols;
  const rng = options.rng;
  const sigma = resolveSigma(fn, options.sigma, () =>
    Math.sqrt(pooledMedianSquaredDistance(fn, x.data, x.rows, y.data, y.rows, d, MEDIAN_HEURISTIC_MAX_SAMPLES, rng) / 2),
  );
  const gamma = 1 / (2 * sigma * sigma);
  const pairs = Math.floor(Math.min(x.rows, y.rows) / 2);
  const xIndex = pickRows(x.rows, 2 * pairs, rng);
  const yIndex = pickRows(y.rows, 2 * pairs, rng);
  const xd = x.data;
  const yd = y.data;
  const h = new Float64Array(pairs);
  let sum = 0;
  for (let p = 0; p < pairs; p++) {
    const x1 = xIndex[2 * p]! * d;
    const x2 = xIndex[2 * p + 1]! * d;
    const y1 = yIndex[2 * p]! * d;
    const y2 = yIndex[2 * p + 1]! * d;
    let dxx = 0;
    let dyy = 0;
    let dxy = 0;
    let dyx = 0;
    for (let k = 0; k < d; k++) {
      const a = xd[x1 + k]!;
      const b = xd[x2 + k]!;
      const c = yd[y1 + k]!;
      const e = yd[y2 + k]!;
      const t0 = a - b;
      const t1 = c - e;
      const t2 = a - e;
      const t3 = b - c;
      dxx += t0 * t0;
      dyy += t1 * t1;
      dxy += t2 * t2;
      dyx += t3 * t3;
    }
    const v = Math.exp(-gamma * dxx) + Math.exp(-gamma * dyy) - Math.exp(-gamma * dxy) - Math.exp(-gamma * dyx);
    h[p] = v;
    sum += v;
  }
  const mmd2 = sum / pairs;
  let ss = 0;
  for (let p = 0; p < pairs; p++) {
    const e = h[p]! - mmd2;
    ss += e * e;
  }
  const standardError = Math.sqrt(ss / (pairs - 1) / pairs);
  const pValue = standardError > 0 ? normalSurvival(mmd2 / standardError) : mmd2 > 0 ? 0 : 1;
  return { mmd2, standardError, pValue, sigma, pairs };
}

/** Row indices to pair: the first `count` in order, or a uniform random subset in random order when rng is given. */
function pickRows(rows: number, count: number, rng: RandomGenerator | undefined): Int32Array {
  const index = new Int32Array(rng === undefined ? count : rows);
  for (let i = 0; i < index.length; i++) index[i] = i;
  if (rng === undefined) return index;
  for (let i = 0; i < count; i++) {
    const j = i + rng.nextInt(rows - i);
    const t = index[i]!;
    index[i] = index[j]!;
    index[j] = t;
  }
  return index.subarray(0, count);
}
