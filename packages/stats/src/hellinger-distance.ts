import { toProbabilityVectors } from './probability-vector.js';
import type { NumericSample } from './validate-input.js';

export interface HellingerResult {
  /** H in [0, 1]: 0 for identical distributions, 1 for disjoint supports. */
  readonly distance: number;
}

/**
 * Hellinger distance between two discrete distributions (each divided by its sum first):
 * H = √(1 − Σ √(p_i q_i)) = (1/√2)·‖√p − √q‖₂. The second form is the one computed: its terms are non-negative, so it
 * stays accurate when p ≈ q, where 1 − Σ √(p_i q_i) cancels. Symmetric, bounded in [0, 1], a metric; zero bins are
 * fine (no logarithms). Cost: O(k) for k categories.
 *
 * @param p non-negative weights per category (counts or probabilities).
 * @param q non-negative weights for the same categories, in the same order.
 * @throws RangeError when a vector is empty, holds a negative or non-finite entry, sums to 0, or the lengths differ.
 * @example
 * hellingerDistance([1, 0], [0, 1]).distance; // 1
 * hellingerDistance([0.5, 0.5], [0.5, 0.5]).distance; // 0
 */
export function hellingerDistance(p: NumericSample, q: NumericSample): HellingerResult {
  const [pn, qn] = toProbabilityVectors('hellingerDistance', p, q);
  let sum = 0;
  for (let i = 0; i < pn.length; i++) {
    const d = Math.sqrt(pn[i]!) - Math.sqrt(qn[i]!);
    sum += d * d;
  }
  return { distance: Math.sqrt(Math.min(1, sum / 2)) };
}
