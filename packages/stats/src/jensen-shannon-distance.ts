import { relativeEntropyTerm, toProbabilityVectors } from './probability-vector.js';
import type { NumericSample } from './validate-input.js';

export interface JensenShannonOptions {
  /** Logarithm base (e.g. 2 for bits, which bounds the distance by 1). Default: e (natural log), as scipy. */
  readonly base?: number;
}

export interface JensenShannonResult {
  /** √JSD, in [0, √ln 2] with natural log ([0, 1] with base 2). */
  readonly distance: number;
}

/**
 * Jensen–Shannon distance between two discrete distributions, equal to
 * `scipy.spatial.distance.jensenshannon(p, q, base)`: p and q are divided by their sums, m = (p + q)/2, and
 * distance = √((KL(p‖m) + KL(q‖m)) / 2) with KL(a‖b) = Σ a_i ln(a_i / b_i) (terms with a_i = 0 count 0).
 * Symmetric, always finite (m_i > 0 wherever p_i or q_i is), and a metric; use it for categorical or binned drift.
 * Cost: O(k) for k categories.
 *
 * Where rounding would make the divergence a tiny negative number, it is taken as 0 (scipy returns NaN there).
 *
 * @param p non-negative weights per category (counts or probabilities).
 * @param q non-negative weights for the same categories, in the same order.
 * @throws RangeError when a vector is empty, holds a negative or non-finite entry, sums to 0, the lengths differ,
 *   or `base` is not a finite number > 0 other than 1.
 * @example
 * jensenShannonDistance([1, 0], [0, 1]).distance; // √ln 2 ≈ 0.8326
 * jensenShannonDistance([1, 0], [0, 1], { base: 2 }).distance; // 1
 */
export function jensenShannonDistance(
  p: NumericSample,
  q: NumericSample,
  options: JensenShannonOptions = {},
): JensenShannonResult {
  const fn = 'jensenShannonDistance';
  const { base } = options;
  if (base !== undefined && !(Number.isFinite(base) && base > 0 && base !== 1)) {
    throw new RangeError(`${fn}: base must be a finite number > 0 other than 1, got ${String(base)}`);
  }
  const [pn, qn] = toProbabilityVectors(fn, p, q);
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const a = pn[i]!;
    const b = qn[i]!;
    const m = (a + b) / 2;
    left += relativeEntropyTerm(a, m);
    right += relativeEntropyTerm(b, m);
  }
  let divergence = left + right;
  if (base !== undefined) divergence /= Math.log(base);
  return { distance: Math.sqrt(Math.max(0, divergence / 2)) };
}
