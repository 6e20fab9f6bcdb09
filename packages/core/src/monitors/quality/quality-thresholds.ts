/**
 * The thresholds behind the data-quality findings. Shares are fractions (0.05 = 5 %); "points" are differences of
 * shares. Every finding's message states the threshold it crossed.
 *
 * - Missing values: current missing share − reference missing share ≥ `missingShareWarning` (5 points) → warning,
 *   ≥ `missingShareCritical` (20 points) → critical; any missing value in a column that had none in the reference
 *   (below the warning rise) → info.
 * - Unseen categories (categorical, boolean): share of current values whose category the reference never shows
 *   > 0 → info, ≥ `unseenWarning` (1 %) → warning, ≥ `unseenCritical` (10 %) → critical.
 * - Out of range (numerical): share of current values outside the reference [min, max] > 0 → info,
 *   ≥ max(`outOfRangeWarning` 1 %, 2 × 2/(n + 1)) → warning, ≥ max(`outOfRangeCritical` 10 %, 10 × 2/(n + 1)) →
 *   critical, where n is the reference's non-missing count: 2/(n + 1) is the chance that a new value from the same
 *   distribution falls outside the range of n values, so small references are not flagged for chance alone.
 * - Constant columns: constant in the current data but not in the reference → critical; constant in both, or only in
 *   the reference → info. Near-constant (the top value covers ≥ 95 % of the non-missing values) in the current data
 *   but not in the reference → warning; in both → info.
 * - Type mismatches (cells that do not parse as the column's type): any in the current data → warning, share of
 *   rows ≥ `typeMismatchCritical` (5 %) → critical; only in the reference → info.
 * - Duplicate rows: current duplicate share ≥ reference share + `duplicateRowsWarning` (1 point) → warning; any other
 *   duplicates in the current data → info.
 * - Duplicate ids (columns of type id): any repeated value in the current data → warning, ≥ `duplicateIdsCritical`
 *   (1 % of the non-missing ids) → critical.
 * - Variance inflation (numerical features): current VIF > `vifWarning` (10), or infinite (an exact linear
 *   dependency) → warning.
 * @example
 * if (vif > QUALITY_THRESHOLDS.vifWarning) findings.push(…);
 */
export const QUALITY_THRESHOLDS = {
  missingShareWarning: 0.05,
  missingShareCritical: 0.2,
  unseenWarning: 0.01,
  unseenCritical: 0.1,
  outOfRangeWarning: 0.01,
  outOfRangeCritical: 0.1,
  typeMismatchCritical: 0.05,
  duplicateRowsWarning: 0.01,
  duplicateIdsCritical: 0.01,
  vifWarning: 10,
} as const;
