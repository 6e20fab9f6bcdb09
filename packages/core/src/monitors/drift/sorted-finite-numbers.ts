import { sortFloat64 } from '@bothub/stats';
import type { ReferenceMemo } from '../../reference-memo.js';
import { remember } from '../../reference-memo.js';
import { dropMissingNumbers } from './drop-missing-numbers.js';

/**
 * The finite values of a numeric column in ascending order, remembered in `memo` when given. The drift statistics
 * and quantiles only need the values, not their rows, and sort what they get: sorted input costs them a copy, so a
 * reference sorted once serves every window.
 * @example sortedFiniteNumbers(new Float64Array([3, Number.NaN, 1])); // Float64Array [1, 3]
 */
export function sortedFiniteNumbers(values: Float64Array, memo?: ReferenceMemo): Float64Array {
  return remember(memo, [values], 'sorted-finite-numbers', () => sortFloat64(dropMissingNumbers(values)));
}
