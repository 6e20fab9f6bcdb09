import { chiSquaredSurvival } from './special/chi-squared-distribution.js';
import type { NumericSample } from './validate-input.js';
import { requireNonNegative, requireSameLength } from './validate-input.js';

/** Result of {@link chiSquaredTest}. */
export interface ChiSquaredTestResult {
  /** Pearson's χ² = Σ (observed − expected)² / expected over both rows of the 2×k table. */
  statistic: number;
  /** P(χ²(dof) ≥ statistic). */
  pValue: number;
  /** Degrees of freedom: the number of categories with a non-zero count, minus one. */
  dof: number;
  /**
   * Expected counts under homogeneity, in the input's category order: `expected[0]` for the reference row,
   * `expected[1]` for the current row (0 for categories dropped because both counts are 0).
   */
  expected: [Float64Array, Float64Array];
}

/**
 * Pearson's chi-squared test of homogeneity: do two samples of a categorical variable, given as counts per
 * category in the same order, come from the same distribution? Equal to
 * `scipy.stats.chi2_contingency([referenceCounts, currentCounts], correction=False)` on the 2×k table
 * (no Yates correction, also at dof = 1). Counts need not be integers (weights are allowed). O(k).
 *
 * Edge cases: categories where both counts are 0 are dropped (scipy raises because an expected count is 0; for
 * monitoring an unseen category carries no evidence) and do not count towards dof. With fewer than two non-empty
 * categories there is nothing to compare: the result is statistic 0, pValue 1, dof 0 (as scipy returns for a 2×1
 * table).
 * @throws RangeError when the arrays differ in length or are empty, a count is negative, NaN or infinite, or either
 *   row sums to 0.
 * @example
 * const { statistic, pValue, dof } = chiSquaredTest([244, 1956], [342, 3041]);
 * // statistic ≈ 1.3671, pValue ≈ 0.2423, dof = 1
 */
export function chiSquaredTest(referenceCounts: NumericSample, currentCounts: NumericSample): ChiSquaredTestResult {
  const fn = 'chiSquaredTest';
  requireSameLength(fn, 'referenceCounts', referenceCounts, 'currentCounts', currentCounts);
  requireNonNegative(fn, 'referenceCounts', referenceCounts);
  requireNonNegative(fn, 'currentCounts', currentCounts);
  const k = referenceCounts.length;
  let referenceTotal = 0;
  let currentTotal = 0;
  let nonEmpty = 0;
  for (let i = 0; i < k; i++) {
    const r = referenceCounts[i]!;
    const c = currentCounts[i]!;
    referenceTotal += r;
    currentTotal += c;
    if (r + c > 0) nonEmpty++;
  }
  if (referenceTotal === 0) throw new RangeError(`${fn}: referenceCounts sum to 0; at least one count must be positive`);
  if (currentTotal === 0) throw new RangeError(`${fn}: currentCounts sum to 0; at least one count must be positive`);

  const total = referenceTotal + currentTotal;
  const expectedReference = new Float64Array(k);
  const expectedCurrent = new Float64Array(k);
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const r = referenceCounts[i]!;
    const c = currentCounts[i]!;
    const column = r + c;
    if (column === 0) continue;
    // Expected cell = row total · column total / grand total, as scipy.stats.contingency.expected_freq forms it.
    const er = (referenceTotal * column) / total;
    const ec = (currentTotal * column) / total;
    expectedReference[i] = er;
    expectedCurrent[i] = ec;
    statistic += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec;
  }
  const expected: [Float64Array, Float64Array] = [expectedReference, expectedCurrent];
  const dof = nonEmpty - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof: 0, expected };
  return { statistic, pValue: chiSquaredSurvival(statistic, dof), dof, expected };
}
