import { relativeEntropyTerm, toProbabilityVectors } from './probability-vector.js';
import type { NumericSample } from './validate-input.js';
import { requireInRange } from './validate-input.js';

export interface KlDivergenceOptions {
  /**
   * Smoothing: after normalising, every share below `floor` is raised to it and each vector is normalised again,
   * so the divergence stays finite when q has empty categories. In (0, 1). Default: none (scipy's behaviour).
   */
  readonly floor?: number;
  /** Logarithm base (2 gives bits). Default: e (nats), as scipy. */
  readonly base?: number;
}

export interface KlDivergenceResult {
  /** KL(p‖q) ≥ 0; +Infinity when some q_i = 0 < p_i and no `floor` is set. */
  readonly divergence: number;
}

/**
 * Kullback–Leibler divergence KL(p‖q) = Σ p_i ln(p_i / q_i) of two discrete distributions, each divided by its sum
 * first; equal to `scipy.stats.entropy(p, q)`. Terms with p_i = 0 count 0; a category with q_i = 0 < p_i makes the
 * divergence +Infinity (use `floor` to smooth). Not symmetric: p is the reference, q the approximation.
 * Cost: O(k) for k categories.
 *
 * @param p non-negative weights per category (counts or probabilities), the reference distribution.
 * @param q non-negative weights for the same categories, in the same order.
 * @throws RangeError when a vector is empty, holds a negative or non-finite entry, sums to 0, the lengths differ,
 *   `floor` is outside (0, 1), or `base` is not a finite number > 0 other than 1.
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]).divergence; // ≈ 0.5108
 * klDivergence([0.5, 0.5], [1, 0]).divergence; // Infinity
 * klDivergence([0.5, 0.5], [1, 0], { floor: 1e-4 }).divergence; // ≈ 3.91, finite
 */
export function klDivergence(p: NumericSample, q: NumericSample, options: KlDivergenceOptions = {}): KlDivergenceResult {
  const fn = 'klDivergence';
  const { floor, base } = options;
  if (floor !== undefined) requireInRange(fn, 'floor', floor, 0, 1);
  if (base !== undefined && !(Number.isFinite(base) && base > 0 && base !== 1)) {
    throw new RangeError(`${fn}: base must be a finite number > 0 other than 1, got ${String(base)}`);
  }
  let [pn, qn] = toProbabilityVectors(fn, p, q);
  if (floor !== undefined) {
    pn = floorAndRenormalize(pn, floor);
    qn = floorAndRenormalize(qn, floor);
  }
  let divergence = 0;
  for (let i = 0; i < pn.length; i++) divergence += relativeEntropyTerm(pn[i]!, qn[i]!);
  if (base !== undefined) divergence /= Math.log(base);
  return { divergence };
}

function floorAndRenormalize(shares: Float64Array, floor: number): Float64Array {
  let total = 0;
  for (let i = 0; i < shares.length; i++) {
    const s = Math.max(shares[i]!, floor);
    shares[i] = s;
    total += s;
  }
  for (let i = 0; i < shares.length; i++) shares[i] = shares[i]! / total;
  return shares;
}
