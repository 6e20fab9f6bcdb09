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
    throw new RangeError(`${fn}: reference and current hold ${total} vectors together; at most ${MMD_PERMUTATION_MAX_POOLED} fit the kernel matrix (subsample first, or use mmdLinearTime)`);
  }
  const sigma = resolveSigma(fn, options.sigma, () =>
    Math.sqrt(pooledMedianSquaredDistance(fn, x.data, x.rows, y.data, y.rows, d, MEDIAN_HEURISTIC_MAX_SAMPLES, rng) / 2),
  );

  const pooled = new Float64Array(total * d);
  pooled.set(x.data, 0);
  pooled.set(y.data, x.rows * d);
  const gamma = 1 / (2 * sigma * sigma);
  const { kernel, rowSums, offDiagonalHalfSum } = packedKernel(pooled, total, d, gamma);

  // MMD² is symmetric in the two groups, so the relabellings track the smaller one, "group 1" (cheaper sums).
  // With Q = Σ_{i<j, both in group 1} K_ij, R = Σ_{i in group 1} Σ_{j≠i} K_ij and T = Σ_{i<j} K_ij, the ordered
  // block sums are S11 = 2Q, S10 = R − 2Q, S00 = 2T + 2Q − 2R.
  const n1 = Math.min(x.rows, y.rows);
  const n0 = total - n1;
  const statistic = (q: number, r: number): number => {
    const s11 = 2 * q;
    const s10 = r - 2 * q;
    const s00 = 2 * offDiagonalHalfSum + 2 * q - 2 * r;
    return s00 / (n0 * (n0 - 1)) + s11 / (n1 * (n1 - 1)) - (2 * s10) / (n0 * n1);
  };

  // Relabellings are scored in batches: the group-1 members of each (sorted) are gathered tile by tile of K, so a
  // tile is read from memory once per batch instead of once per permutation.
  const batch = Math.min(PERMUTATION_BATCH, permutations + 1);
  const groups = new Int32Array(batch * n1);
  const q = new Float64Array(batch);
  const r = new Float64Array(batch);
  const member = new Uint8Array(total);
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const firstOfSmaller = y.rows <= x.rows ? x.rows : 0;
  let observed = Number.NaN;
  let slack = 0;
  let atLeast = 0;
  // Slot 0 of the first batch is the observed labelling; then come the permutations.
  for (let done = -1; done < permutations; ) {
    const count = Math.min(batch, permutations - done);
    for (let b = 0; b < count; b++) {
      const g = b * n1;
      if (done + b === -1) {
        for (let k = 0; k < n1; k++) groups[g + k] = firstOfSmaller + k;
      } else {
        // A partial Fisher–Yates shuffle draws a uniform subset of size n1 from any starting order.
        for (let k = 0; k < n1; k++) {
          const j = k + rng.nextInt(total - k);
          const t = order[k]!;
          order[k] = order[j]!;
          order[j] = t;
        }
        member.fill(0);
        for (let k = 0; k < n1; k++) member[order[k]!] = 1;
        let c = g;
        for (let i = 0; i < total; i++) if (member[i] === 1) groups[c++] = i;
      }
      let rowTotal = 0;
      for (let k = 0; k < n1; k++) rowTotal += rowSums[groups[g + k]!]!;
      r[b] = rowTotal;
    }
    groupPairSums(kernel, total, groups, n1, count, q);
    for (let b = 0; b < count; b++) {
      const stat = statistic(q[b]!, r[b]!);
      if (done + b === -1) {
        observed = stat;
        slack = Math.abs(observed) * 1e-14;
      } else if (stat >= observed - slack) {
        atLeast++;
      }
    }
    done += count;
  }
  return { mmd2: observed, pValue: (1 + atLeast) / (1 + permutations), sigma, permutations };
}

/** Relabellings scored per pass over the kernel matrix. */
const PERMUTATION_BATCH = 256;
/** Tile edge: a TILE × TILE block of K (128 KiB) stays in cache while every labelling of the batch reads it. */
const TILE = 128;

/**
 * q[b] = Σ_{i<j, both in groups[b]} K_ij for the first `count` sorted index lists of length n1 in `groups`,
 * visiting K tile by tile.
 */
function groupPairSums(kernel: Float64Array, total: number, groups: Int32Array, n1: number, count: number, q: Float64Array): void {
  const tiles = Math.ceil(total / TILE);
  // cut[b · (tiles + 1) + t] = position in groups[b] of the first member ≥ t · TILE.
  const cut = new Int32Array(count * (tiles + 1));
  for (let b = 0; b < count; b++) {
    const g = b * n1;
    const o = b * (tiles + 1);
    let a = 0;
    for (let t = 0; t <= tiles; t++) {
      const limit = t * TILE;
      while (a < n1 && groups[g + a]! < limit) a++;
      cut[o + t] = g + a;
    }
    q[b] = 0;
  }
  for (let ti = 0; ti < tiles; ti++) {
    for (let tj = ti; tj < tiles; tj++) {
      for (let b = 0; b < count; b++) {
        const o = b * (tiles + 1);
        const rowEnd = cut[o + ti + 1]!;
        const colStart = cut[o + tj]!;
        const colEnd = cut[o + tj + 1]!;
        let sum = 0;
        for (let a = cut[o + ti]!; a < rowEnd; a++) {
          const i = groups[a]!;
          const base = packedRowBase(i, total);
          let s0 = 0;
          let s1 = 0;
          // On a diagonal tile only the columns after row i (j > i) belong to the strict upper triangle.
          let c = ti === tj ? a + 1 : colStart;
          for (; c + 1 < colEnd; c += 2) {
            s0 += kernel[base + groups[c]!]!;
            s1 += kernel[base + groups[c + 1]!]!;
          }
          if (c < colEnd) s0 += kernel[base + groups[c]!]!;
          sum += s0 + s1;
        }
        q[b] = q[b]! + sum;
      }
    }
  }
}

/** The strict upper triangle of the pooled Gaussian kernel matrix, row-packed, with full off-diagonal row sums. */
function packedKernel(
  z: Float64Array,
  total: number,
  d: number,
  gamma: number,
): { kernel: Float64Array; rowSums: Float64Array; offDiagonalHalfSum: number } {
  const kernel = new Float64Array((total * (total - 1)) / 2);
  const rowSums = new Float64Array(total);
  let offDiagonalHalfSum = 0;
  // Squared distances from direct differences (‖x‖² + ‖y‖² − 2x·y cancels for close vectors), two rows against two
  // columns at a time so each loaded coordinate serves two pairs.
  for (let i = 0; i + 1 < total; i += 2) {
    const i1 = i + 1;
    const oi = i * d;
    const oi1 = i1 * d;
    const bi = packedRowBase(i, total);
    const bi1 = packedRowBase(i1, total);
    let sumI = 0;
    let sumI1 = 0;
    let s = 0;
    for (let k = 0; k < d; k++) {
      const e = z[oi + k]! - z[oi1 + k]!;
      s += e * e;
    }
    const inner = Math.exp(-gamma * s);
    kernel[bi + i1] = inner;
    sumI += inner;
    let j = i + 2;
    for (; j + 1 < total; j += 2) {
      const j1 = j + 1;
      const oj = j * d;
      const oj1 = j1 * d;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let k = 0; k < d; k++) {
        const a = z[oi + k]!;
        const b = z[oi1 + k]!;
        const c = z[oj + k]!;
        const e = z[oj1 + k]!;
        const t0 = a - c;
        const t1 = a - e;
        const t2 = b - c;
        const t3 = b - e;
        s00 += t0 * t0;
        s01 += t1 * t1;
        s10 += t2 * t2;
        s11 += t3 * t3;
      }
      const k00 = Math.exp(-gamma * s00);
      const k01 = Math.exp(-gamma * s01);
      const k10 = Math.exp(-gamma * s10);
      const k11 = Math.exp(-gamma * s11);
      kernel[bi + j] = k00;
      kernel[bi + j1] = k01;
      kernel[bi1 + j] = k10;
      kernel[bi1 + j1] = k11;
      sumI += k00 + k01;
      sumI1 += k10 + k11;
      rowSums[j] = rowSums[j]! + (k00 + k10);
      rowSums[j1] = rowSums[j1]! + (k01 + k11);
    }
    if (j < total) {
      const oj = j * d;
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < d; k++) {
        const c = z[oj + k]!;
        const t0 = z[oi + k]! - c;
        const t1 = z[oi1 + k]! - c;
        s0 += t0 * t0;
        s1 += t1 * t1;
      }
      const k0 = Math.exp(-gamma * s0);
      const k1 = Math.exp(-gamma * s1);
      kernel[bi + j] = k0;
      kernel[bi1 + j] = k1;
      sumI += k0;
      sumI1 += k1;
      rowSums[j] = rowSums[j]! + (k0 + k1);
    }
    rowSums[i] = rowSums[i]! + sumI;
    // Entry (i, i + 1) belongs to both rows' sums but only once to the half sum.
    rowSums[i1] = rowSums[i1]! + sumI1 + inner;
    offDiagonalHalfSum += sumI + sumI1;
  }
  return { kernel, rowSums, offDiagonalHalfSum };
}

/** K[i][j] (i < j) of the row-packed strict upper triangle sits at packedRowBase(i, N) + j. */
function packedRowBase(i: number, total: number): number {
  // Row i starts after Σ_{r<i} (N − 1 − r) = i(N − 1) − i(i − 1)/2 entries and holds columns i + 1 … N − 1.
  return i * (total - 1) - (i * (i - 1)) / 2 - i - 1;
}
