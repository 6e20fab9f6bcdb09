import type { NumericSample } from './validate-input.js';
import { requireFiniteSample, requireSameLength } from './validate-input.js';

/** Variance inflation factors of a set of features. */
export interface VarianceInflationResult {
  /**
   * VIF_j = 1 / (1 − R²_j) per feature, in input order: ≥ 1, Infinity when feature j is (numerically) an exact linear
   * combination of the others, NaN when feature j is constant.
   */
  vif: Float64Array;
  /** R²_j of the least-squares regression of feature j on all the other features plus an intercept (NaN for a constant feature). */
  rSquared: Float64Array;
  /** Numerical rank of the centred non-constant features (their number when none is collinear). */
  rank: number;
}

const EPSILON = 2 ** -52;
// A column counts as part of an exact dependency when its share of a dependent column exceeds √ε (see the docs).
const INVOLVEMENT_TOLERANCE = Math.sqrt(EPSILON);

/**
 * Variance inflation factors: VIF_j = 1 / (1 − R²_j), R²_j from regressing feature j on the other features with an
 * intercept. Equal to statsmodels' `variance_inflation_factor(exog, j)` when `exog` holds a constant column, and to the
 * diagonal of the inverse correlation matrix. Computed from a Householder QR with column pivoting of the centred,
 * unit-scaled features (the correlation matrix is never formed, so its squared condition number is avoided):
 * with Z·P = Q·R, VIF_j = ‖z_j‖² · ((RᵀR)⁻¹)_jj. Cost O(n·p²) time, O(n·p) memory.
 * A numerical rank is taken as numpy's `lstsq` does (diagonal of R below max(n, p)·ε·|R₁₁|); features that take part in
 * an exact linear dependency get Infinity (R² = 1); the others are unaffected by the redundant ones. A constant feature
 * gets NaN (its R² is 0/0; the intercept already explains it) and is left out of the other features' regressions, as
 * statsmodels' pseudo-inverse does.
 * @param columns one array per feature (all of one length n ≥ 2), finite numbers.
 * @example
 * const x1 = [1, 2, 3, 4, 5], x2 = [2, 1, 4, 3, 5], x3 = [1, 3, 2, 5, 4];
 * varianceInflationFactors([x1, x2, x3]).vif; // Float64Array [65, 25.714…, 25.714…] (to rounding)
 */
export function varianceInflationFactors(columns: ReadonlyArray<NumericSample>): VarianceInflationResult {
  const fn = 'varianceInflationFactors';
  const p = columns.length;
  if (p === 0) throw new RangeError(`${fn}: columns must not be empty`);
  const first = columns[0]!;
  for (let j = 0; j < p; j++) {
    const column = columns[j]!;
    requireSameLength(fn, `columns[${j}]`, column, 'columns[0]', first);
    requireFiniteSample(fn, `columns[${j}]`, column, 2);
  }
  const n = first.length;
  const vif = new Float64Array(p).fill(Number.NaN);
  const rSquared = new Float64Array(p).fill(Number.NaN);

  // Centre and scale every non-constant column to unit length, stored column-major.
  const kept: number[] = [];
  for (let j = 0; j < p; j++) {
    const column = columns[j]!;
    let constant = true;
    for (let i = 1; i < n && constant; i++) constant = column[i] === column[0];
    if (!constant) kept.push(j);
  }
  const q = kept.length;
  const z = new Float64Array(q * n);
  const totalSquares = new Float64Array(q);
  for (let c = 0; c < q; c++) {
    const column = columns[kept[c]!]!;
    const offset = c * n;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i]!;
    let mean = sum / n;
    // Second pass corrects the rounding of the first mean.
    let correction = 0;
    for (let i = 0; i < n; i++) correction += column[i]! - mean;
    mean += correction / n;
    let maxAbs = 0;
    for (let i = 0; i < n; i++) {
      const d = column[i]! - mean;
      z[offset + i] = d;
      if (Math.abs(d) > maxAbs) maxAbs = Math.abs(d);
    }
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = z[offset + i]! / maxAbs;
      z[offset + i] = d;
      squares += d * d;
    }
    const norm = Math.sqrt(squares);
    let tss = 0;
    for (let i = 0; i < n; i++) {
      const d = z[offset + i]! / norm;
      z[offset + i] = d;
      tss += d * d;
    }
    totalSquares[c] = tss;
  }
  if (q === 0) return { vif, rSquared, rank: 0 };

  const { order, rank, r } = pivotedQr(z, n, q);
  // Columns order[rank..q) are combinations of order[0..rank): their VIF is infinite.
  const inverse = invertUpperTriangular(r, q, rank);
  const inverseRowSquares = new Float64Array(rank);
  for (let i = 0; i < rank; i++) {
    let s = 0;
    for (let k = i; k < rank; k++) s += inverse[i * rank + k]! ** 2;
    inverseRowSquares[i] = s;
  }
  const involved = new Uint8Array(q);
  for (let k = rank; k < q; k++) {
    involved[k] = 1;
    // T = R11⁻¹·R12 expresses dependent column k in the basis columns; b_i takes part when |T_ik| times b_i's residual
    // norm given the other basis columns, 1/√((R11ᵀR11)⁻¹)_ii, is above the tolerance.
    for (let i = 0; i < rank; i++) {
      let t = 0;
      for (let m = i; m < rank; m++) t += inverse[i * rank + m]! * r[m * q + k]!;
      if (Math.abs(t) / Math.sqrt(inverseRowSquares[i]!) > INVOLVEMENT_TOLERANCE) involved[i] = 1;
    }
  }
  for (let position = 0; position < q; position++) {
    const c = order[position]!;
    const j = kept[c]!;
    if (involved[position] === 1) {
      vif[j] = Number.POSITIVE_INFINITY;
      rSquared[j] = 1;
    } else {
      // ‖z‖²·((RᵀR)⁻¹)_jj = TSS / RSS ≥ 1 in exact arithmetic.
      const v = Math.max(1, totalSquares[c]! * inverseRowSquares[position]!);
      vif[j] = v;
      rSquared[j] = (v - 1) / v;
    }
  }
  return { vif, rSquared, rank };
}

/**
 * Householder QR with column pivoting (Businger & Golub 1965) of the n×q column-major matrix `a`, overwritten.
 * Returns the column order, the numerical rank and R (q×q row-major, rows ≥ rank left zero) in pivoted order.
 */
function pivotedQr(a: Float64Array, n: number, q: number): { order: Int32Array; rank: number; r: Float64Array } {
  const order = new Int32Array(q);
  for (let c = 0; c < q; c++) order[c] = c;
  const r = new Float64Array(q * q);
  const steps = Math.min(n, q);
  let rank = 0;
  let tolerance = 0;
  // Squared norms of each column below row k, downdated by R_kj² after every step and recomputed when cancellation
  // has eaten most of their digits (the safeguard of LAPACK's xGEQP3).
  const partial = new Float64Array(q);
  const lastComputed = new Float64Array(q);
  const columnSquares = (offset: number, from: number): number => {
    let s = 0;
    for (let i = from; i < n; i++) {
      const v = a[offset + i]!;
      s += v * v;
    }
    return s;
  };
  for (let c = 0; c < q; c++) {
    partial[c] = columnSquares(c * n, 0);
    lastComputed[c] = partial[c]!;
  }
  for (let k = 0; k < steps; k++) {
    let best = k;
    let bestNorm = -1;
    for (let position = k; position < q; position++) {
      const c = order[position]!;
      if (k > 0 && partial[c]! <= 1e-4 * lastComputed[c]!) {
        partial[c] = columnSquares(c * n, k);
        lastComputed[c] = partial[c]!;
      }
      if (partial[c]! > bestNorm) {
        bestNorm = partial[c]!;
        best = position;
      }
    }
    // The reflector needs the pivot's norm to full precision, not the downdated estimate.
    const norm = k === 0 ? Math.sqrt(bestNorm) : Math.sqrt(columnSquares(order[best]! * n, k));
    if (k === 0) tolerance = Math.max(n, q) * EPSILON * norm;
    if (norm <= tolerance) break;
    const swap = order[k]!;
    order[k] = order[best]!;
    order[best] = swap;
    // Swap the already computed R entries of the two columns too.
    for (let i = 0; i < k; i++) {
      const t = r[i * q + k]!;
      r[i * q + k] = r[i * q + best]!;
      r[i * q + best] = t;
    }
    const vOffset = order[k]! * n;
    const x0 = a[vOffset + k]!;
    const alpha = x0 >= 0 ? -norm : norm;
    // H = I − β·v·vᵀ with v = x − α·e₁ and β = 1 / (‖x‖·(‖x‖ + |x₀|)).
    a[vOffset + k] = x0 - alpha;
    const beta = 1 / (norm * (norm + Math.abs(x0)));
    r[k * q + k] = alpha;
    for (let position = k + 1; position < q; position++) {
      const offset = order[position]! * n;
      let s = 0;
      for (let i = k; i < n; i++) s += a[vOffset + i]! * a[offset + i]!;
      s *= beta;
      for (let i = k; i < n; i++) a[offset + i] = a[offset + i]! - s * a[vOffset + i]!;
      const rkj = a[offset + k]!;
      r[k * q + position] = rkj;
      const c = order[position]!;
      partial[c] = Math.max(0, partial[c]! - rkj * rkj);
    }
    rank = k + 1;
  }
  return { order, rank, r };
}

/** The inverse of the leading rank×rank upper-triangular block of R (row-major, stride q), by back substitution. */
function invertUpperTriangular(r: Float64Array, q: number, rank: number): Float64Array {
  const inverse = new Float64Array(rank * rank);
  for (let col = rank - 1; col >= 0; col--) {
    inverse[col * rank + col] = 1 / r[col * q + col]!;
    for (let row = col - 1; row >= 0; row--) {
      let s = 0;
      for (let m = row + 1; m <= col; m++) s += r[row * q + m]! * inverse[m * rank + col]!;
      inverse[row * rank + col] = -s / r[row * q + row]!;
    }
  }
  return inverse;
}
