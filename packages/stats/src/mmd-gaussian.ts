import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import { MEDIAN_HEURISTIC_MAX_SAMPLES, pooledMedianSquaredDistance } from './median-heuristic-bandwidth.js';
import type { RandomGenerator } from './random.js';

export interface MmdGaussianOptions {
  /** Kernel bandwidth σ > 0 for k(x, y) = exp(−‖x − y‖² / (2σ²)); default: the median heuristic (see medianHeuristicBandwidth). */
  readonly sigma?: number;
  /** Generator for the median heuristic's subsample when more than 1,000 vectors are pooled; default createRandom(0). */
  readonly rng?: RandomGenerator;
}

export interface MmdGaussianResult {
  /** The biased V-statistic: mean(Kxx) + mean(Kyy) − 2·mean(Kxy), diagonals included; ≥ 0. */
  readonly mmd2Biased: number;
  /** The unbiased U-statistic: the Kxx and Kyy means leave out their diagonals; may be slightly negative. */
  readonly mmd2Unbiased: number;
  /** The bandwidth used. */
  readonly sigma: number;
}

/**
 * Squared maximum mean discrepancy between two multivariate samples with a Gaussian kernel
 * (Gretton et al. 2012, "A Kernel Two-Sample Test", eq. 3 and 5). Exact, O((m + n)² · d) time, O(d) memory.
 * Both the biased and the unbiased estimate are returned; each sample needs at least 2 vectors.
 *
 * Throws a RangeError for fewer than 2 vectors, different dimensions, non-finite values or sigma ≤ 0.
 * @example
 * const { mmd2Unbiased } = mmdGaussian([[0, 0], [0, 1], [1, 0]], [[3, 3], [3, 4]], { sigma: 1 });
 */
export function mmdGaussian(reference: MatrixInput, current: MatrixInput, options: MmdGaussianOptions = {}): MmdGaussianResult {
  const fn = 'mmdGaussian';
  const x = toMatrix(fn, 'reference', reference, 2);
  const y = toMatrix(fn, 'current', current, 2);
  if (x.cols !== y.cols) {
    throw new RangeError(`${fn}: reference vectors have ${x.cols} dimensions but current vectors have ${y.cols}; they must match`);
  }
  const d = x.cols;
  const sigma = resolveSigma(fn, options.sigma, () =>
    Math.sqrt(pooledMedianSquaredDistance(fn, x.data, x.rows, y.data, y.rows, d, MEDIAN_HEURISTIC_MAX_SAMPLES, options.rng) / 2),
  );
  const gamma = 1 / (2 * sigma * sigma);
  const m = x.rows;
  const n = y.rows;
  const sxx = sumKernelWithin(x.data, m, d, gamma);
  const syy = sumKernelWithin(y.data, n, d, gamma);
  const sxy = sumKernelBetween(x.data, m, y.data, n, d, gamma);
  // k(x, x) = 1, so the diagonals contribute m and n to the biased sums.
  const mmd2Biased = (2 * sxx + m) / (m * m) + (2 * syy + n) / (n * n) - (2 * sxy) / (m * n);
  const mmd2Unbiased = (2 * sxx) / (m * (m - 1)) + (2 * syy) / (n * (n - 1)) - (2 * sxy) / (m * n);
  return { mmd2Biased, mmd2Unbiased, sigma };
}

/** @internal Validates a given sigma or computes the default. */
export function resolveSigma(fn: string, sigma: number | undefined, fallback: () => number): number {
  if (sigma === undefined) return fallback();
  if (!Number.isFinite(sigma) || sigma <= 0) throw new RangeError(`${fn}: sigma must be a finite number > 0, got ${String(sigma)}`);
  return sigma;
}

/** Σ_{i<j} k(aᵢ, aⱼ), accumulated per row to keep the rounding error small. */
function sumKernelWithin(a: Float64Array, rows: number, d: number, gamma: number): number {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const oi = i * d;
    let row = 0;
    for (let j = i + 1; j < rows; j++) {
      const oj = j * d;
      let s = 0;
      // Direct differences: ‖x‖² + ‖y‖² − 2x·y would cancel badly for close vectors.
      for (let k = 0; k < d; k++) {
        const diff = a[oi + k]! - a[oj + k]!;
        s += diff * diff;
      }
      row += Math.exp(-gamma * s);
    }
    total += row;
  }
  return total;
}

/** Σ_{i,j} k(aᵢ, bⱼ). */
function sumKernelBetween(a: Float64Array, aRows: number, b: Float64Array, bRows: number, d: number, gamma: number): number {
  let total = 0;
  for (let i = 0; i < aRows; i++) {
    const oi = i * d;
    let row = 0;
    for (let j = 0; j < bRows; j++) {
      const oj = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) {
        const diff = a[oi + k]! - b[oj + k]!;
        s += diff * diff;
      }
      row += Math.exp(-gamma * s);
    }
    total += row;
  }
  return total;
}
