import { correlateFinite } from './pearson-correlation.js';
import { rankWithTies } from './rank-with-ties.js';
import { incompleteBetaTails } from './special/incomplete-beta.js';
import { requireFiniteSample, requireSameLength, type NumericSample } from './validate-input.js';

/** Spearman's rank correlation and its two-sided p-value. */
export interface SpearmanCorrelationResult {
  /** Rank correlation in [−1, 1]; NaN when either input is constant. */
  readonly rho: number;
  /** Two-sided p-value (Student t approximation); NaN when either input is constant or n = 2. */
  readonly pValue: number;
}

/**
 * Spearman's rank correlation: Pearson's r of the midranks (ties share the mean rank), with the two-sided
 * p-value of `scipy.stats.spearmanr` (scipy 1.10.1): t = ρ·√((n−2)/(1−ρ²)) against Student's t with n − 2
 * degrees of freedom, i.e. p = I_{1−ρ²}((n−2)/2, 1/2). O(n log n).
 *
 * Edge cases (as scipy): a constant x or y gives ρ = NaN and p = NaN (scipy warns with ConstantInputWarning);
 * n = 2 gives ρ = ±1 and p = NaN (zero degrees of freedom); |ρ| = 1 with n > 2 gives p = 0. Throws a
 * RangeError for fewer than 2 pairs, unequal lengths, NaN or ±Infinity.
 * @example spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]); // ≈ { rho: 0.820783, pValue: 0.088587 }
 */
export function spearmanCorrelation(x: NumericSample, y: NumericSample): SpearmanCorrelationResult {
  const fn = 'spearmanCorrelation';
  requireSameLength(fn, 'x', x, 'y', y);
  requireFiniteSample(fn, 'x', x, 2);
  requireFiniteSample(fn, 'y', y, 2);
  const n = x.length;
  const { r } = correlateFinite(rankWithTies(x), rankWithTies(y));
  if (Number.isNaN(r)) return { rho: r, pValue: Number.NaN };
  if (n === 2) return { rho: r, pValue: Number.NaN };
  const absRho = Math.abs(r);
  // With t² = (n−2)ρ²/(1−ρ²): ν/(ν+t²) = 1 − ρ² and t²/(ν+t²) = ρ², so both arguments are formed exactly.
  const pValue = incompleteBetaTails((1 - absRho) * (1 + absRho), absRho * absRho, (n - 2) / 2, 0.5).lower;
  return { rho: r, pValue };
}
