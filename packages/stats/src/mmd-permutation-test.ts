import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import { MEDIAN_HEURISTIC_MAX_SAMPLES, pooledMedianSquaredDistance } from './median-heuristic-bandwidth.js';
import { resolveSigma } from './mmd-gaussian.js';
import type { RandomGenerator } from './random.js';
import { requireInteger } from './validate-input.js';

export interface MmdPermutationTestOptions {
  /** Kernel bandwidth σ > 0; default: the median heuristic on the pooled sample (see medianHeuristicBandwidth). */
  readonly sigma?: number;
  /** Number of random relabellings (default 200, at least 1). */
  readonly permutations?: number;
  /** Seeded generator for the relabellings (and the median heuristic's subsample). */
  readonly rng: RandomGenerator;
}

export interface MmdPermutationTestResult {
  /** The observed unbiased MMD² (as mmdGaussian's mmd2Unbiased). */
  readonly mmd2: number;
  /** (1 + #{permuted MMD² ≥ observed}) / (1 + permutations); never 0, at least 1 / (1 + permutations). */
  readonly pValue: number;
  /** The bandwidth used. */
  readonly sigma: number;
  /** The number of permutations drawn. */
  readonly permutations: number;
}

/** Largest pooled sample (m + n) whose kernel matrix we hold: 16,384 vectors → 134 M doubles ≈ 1 GiB. */
export const MMD_PERMUTATION_MAX_POOLED = 16384;

/**
 * Kernel two-sample test (Gretton et al. 2012) with a Gaussian kernel and a permutation p-value: the unbiased MMD²
 * of the two samples is compared with its values when the pooled vectors are randomly relabelled into groups of the
 * same sizes. p = (1 + #{permuted ≥ observed}) / (1 + permutations), the add-one form that is a valid p-value
 * (Phipson & Smyth 2010); "≥" allows a relative slack of 1e-14 for rounding, as scipy.stats.permutation_test does.
 *
 * The pooled kernel matrix (upper triangle) is computed once in O((m + n)² · d); each permutation then costs
 * O(min(m, n)²) additions. Memory O((m + n)²): at most 16,384 pooled vectors.
 *
 * Throws a RangeError for fewer than 2 vectors per sample, different dimensions, non-finite values, sigma ≤ 0,
 * permutations < 1 or more than 16,384 pooled vectors.
 * @example
 * const rng = createRandom(7);
 * const { mmd2, pValue } = mmdPermutationTest(referenceVectors, currentVectors, { permutations: 500, rng });
 */
export function mmdPermutationTest(reference: MatrixInput, current: MatrixInput, options: MmdPermutationTestOptions): MmdPermutationTestResult {
  const fn = 'mmdPermutationTest';
  const x = toMatrix(fn, 'reference', reference, 2);
  const y = toMatrix(fn, 'current', current, 2);
  if (x.cols !== y.cols) {
    throw new RangeError(`${fn}: reference vectors have ${x.cols} dimensions but current vectors have ${y.cols}; they must match`);
  }
  const permutations = options.permutations ?? 200;
  requireInteger(fn, 'permutations', permutations, 1);
  const rng = options.rng;
  const d = x.cols;
  const total = x.rows + y.rows;
  if (total > MMD_PERMUTATION_MAX_POOLED) {
    throw new RangeError(`${fn}: reference and current hold ${total} vectors together; at most ${MMD_PERMUTATION_MAX_POOLED} fit the kernel matrix (subsample first)`);
  }
  const sigma = resolveSigma(fn, options.sigma, () =>
    Math.sqrt(pooledMedianSquaredDistance(fn, x.data, x.rows, y.data, y.rows, d, MEDIAN_HEURISTIC_MAX_SAMPLES, rng) / 2),
  );

  const pooled = new Float64Array(total * d);
  pooled.set(x.data, 0);
  pooled.set(y.data, x.rows * d);
  const gamma = 1 / (2 * sigma * sigma);
  const { kernel, rowSums, offDiagonalHalfSum } = packedKernel(pooled, total, d, gamma);

  // MMD² is symmetric in the two groups, so the permuted quantity tracks the smaller one (label 1): cheaper passes.
  const n1 = Math.min(x.rows, y.rows);
  const n0 = total - n1;
  // Group-1 members as a sorted index list: each pass sums K over group-1 pairs only, O(n1²/2) gathers.
  const member = new Uint8Array(total);
  const group = new Int32Array(n1);
  const firstOfSmaller = y.rows <= x.rows ? x.rows : 0;
  for (let k = 0; k < n1; k++) group[k] = firstOfSmaller + k;
  const statistic = (): number => {
    // Q = Σ_{i<j, both in group 1} K_ij and R = Σ_{i in group 1} Σ_{j≠i} K_ij give every block sum:
    // S11 = 2Q, S10 = R − 2Q, S00 = 2T + 2Q − 2R with T = Σ_{i<j} K_ij.
    let q = 0;
    let r = 0;
    for (let a = 0; a < n1; a++) {
      const i = group[a]!;
      r += rowSums[i]!;
      // Row i of the packed strict upper triangle starts at i(N − 1) − i(i − 1)/2, holding columns i + 1 … N − 1.
      const base = i * (total - 1) - (i * (i - 1)) / 2 - i - 1;
      let s0 = 0;
      let s1 = 0;
      let b = a + 1;
      for (; b + 1 < n1; b += 2) {
        s0 += kernel[base + group[b]!]!;
        s1 += kernel[base + group[b + 1]!]!;
      }
      if (b < n1) s0 += kernel[base + group[b]!]!;
      q += s0 + s1;
    }
    const s11 = 2 * q;
    const s10 = r - 2 * q;
    const s00 = 2 * offDiagonalHalfSum + 2 * q - 2 * r;
    return s00 / (n0 * (n0 - 1)) + s11 / (n1 * (n1 - 1)) - (2 * s10) / (n0 * n1);
  };

  const observed = statistic();
  const slack = Math.abs(observed) * 1e-14;
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    // A partial Fisher–Yates shuffle draws a uniform subset of size n1 from any starting order.
    for (let k = 0; k < n1; k++) {
      const j = k + rng.nextInt(total - k);
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    // Sorting the subset (by marking, then scanning) keeps the gathers moving forward through memory.
    member.fill(0);
    for (let k = 0; k < n1; k++) member[order[k]!] = 1;
    let c = 0;
    for (let i = 0; i < total; i++) if (member[i] === 1) group[c++] = i;
    if (statistic() >= observed - slack) atLeast++;
  }
  return { mmd2: observed, pValue: (1 + atLeast) / (1 + permutations), sigma, permutations };
}

/** The strict upper triangle of the pooled Gaussian kernel matrix, row-packed, with full off-diagonal row sums. */
function packedKernel(
  pooled: Float64Array,
  total: number,
  d: number,
  gamma: number,
): { kernel: Float64Array; rowSums: Float64Array; offDiagonalHalfSum: number } {
  const kernel = new Float64Array((total * (total - 1)) / 2);
  const rowSums = new Float64Array(total);
  let offDiagonalHalfSum = 0;
  let p = 0;
  const d4 = d - (d % 4);
  for (let i = 0; i < total; i++) {
    const oi = i * d;
    let rowSum = 0;
    for (let j = i + 1; j < total; j++) {
      const oj = j * d;
      // Direct differences (not ‖x‖² + ‖y‖² − 2x·y, which cancels for close vectors); four accumulators for speed.
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let k = 0;
      for (; k < d4; k += 4) {
        const e0 = pooled[oi + k]! - pooled[oj + k]!;
        const e1 = pooled[oi + k + 1]! - pooled[oj + k + 1]!;
        const e2 = pooled[oi + k + 2]! - pooled[oj + k + 2]!;
        const e3 = pooled[oi + k + 3]! - pooled[oj + k + 3]!;
        a0 += e0 * e0;
        a1 += e1 * e1;
        a2 += e2 * e2;
        a3 += e3 * e3;
      }
      for (; k < d; k++) {
        const e = pooled[oi + k]! - pooled[oj + k]!;
        a0 += e * e;
      }
      const v = Math.exp(-gamma * (a0 + a1 + (a2 + a3)));
      kernel[p++] = v;
      rowSum += v;
      rowSums[j] = rowSums[j]! + v;
    }
    rowSums[i] = rowSums[i]! + rowSum;
    offDiagonalHalfSum += rowSum;
  }
  return { kernel, rowSums, offDiagonalHalfSum };
}
