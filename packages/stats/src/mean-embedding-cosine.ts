import type { MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';

export interface MeanEmbeddingCosineResult {
  /**
   * cos(μ_ref, μ_cur) = μ_ref · μ_cur / (‖μ_ref‖ ‖μ_cur‖) in [−1, 1]; NaN when either mean vector is exactly zero
   * (the angle is undefined, as scipy.spatial.distance.cosine also answers NaN).
   */
  readonly cosineSimilarity: number;
  /** ‖μ_ref‖, the Euclidean norm of the reference mean vector. */
  readonly referenceMeanNorm: number;
  /** ‖μ_cur‖, the Euclidean norm of the current mean vector. */
  readonly currentMeanNorm: number;
}

/**
 * Cosine similarity of the mean vectors of two sets of embeddings: a cheap, O((m + n) · d) summary of how far the
 * centre of the current embeddings has turned away from the reference centre (1 = same direction). It ignores
 * spread and shape; use mmdPermutationTest for a full two-sample test. Equals 1 − scipy.spatial.distance.cosine
 * of the two means.
 *
 * Throws a RangeError for empty inputs, different dimensions or non-finite values.
 * @example
 * meanEmbeddingCosine([[1, 0], [1, 2]], [[0, 1], [2, 1]]).cosineSimilarity; // means (1, 1) and (1, 1) → 1
 */
export function meanEmbeddingCosine(reference: MatrixInput, current: MatrixInput): MeanEmbeddingCosineResult {
  const fn = 'meanEmbeddingCosine';
  const x = toMatrix(fn, 'reference', reference);
  const y = toMatrix(fn, 'current', current);
  if (x.cols !== y.cols) {
    throw new RangeError(`${fn}: reference vectors have ${x.cols} dimensions but current vectors have ${y.cols}; they must match`);
  }
  const mx = columnMeans(x.data, x.rows, x.cols);
  const my = columnMeans(y.data, y.rows, y.cols);
  // Scale by the largest magnitude first so the squared norms cannot overflow or underflow.
  const sx = maxAbs(mx);
  const sy = maxAbs(my);
  const nx2 = scaledDot(mx, sx, mx, sx);
  const ny2 = scaledDot(my, sy, my, sy);
  const referenceMeanNorm = sx * Math.sqrt(nx2);
  const currentMeanNorm = sy * Math.sqrt(ny2);
  if (sx === 0 || sy === 0) return { cosineSimilarity: Number.NaN, referenceMeanNorm, currentMeanNorm };
  // One square root of the product (both factors lie in [1, d] after scaling) rounds once, so parallel means give exactly ±1 more often.
  const cosine = scaledDot(mx, sx, my, sy) / Math.sqrt(nx2 * ny2);
  // Rounding can push |cos| a hair past 1.
  return { cosineSimilarity: Math.max(-1, Math.min(1, cosine)), referenceMeanNorm, currentMeanNorm };
}

function columnMeans(data: Float64Array, rows: number, cols: number): Float64Array {
  const sums = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) sums[c] = sums[c]! + data[o + c]!;
  }
  for (let c = 0; c < cols; c++) sums[c] = sums[c]! / rows;
  return sums;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

function scaledDot(a: Float64Array, sa: number, b: Float64Array, sb: number): number {
  if (sa === 0 || sb === 0) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! / sa) * (b[i]! / sb);
  return s;
}
