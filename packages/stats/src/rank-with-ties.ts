import { sortFloat64 } from './sort-float64.js';
import { requireFiniteSample, type NumericSample } from './validate-input.js';

/**
 * Ranks 1…n of the values, tied values sharing the mean of the ranks they span (midranks, as
 * `scipy.stats.rankdata(values, method='average')`). O(n log n): one radix sort plus a binary search per value.
 * Throws a RangeError on NaN or ±Infinity; an empty input gives an empty result.
 * @example rankWithTies([10, 20, 10, 30]); // Float64Array [1.5, 3, 1.5, 4]
 */
export function rankWithTies(values: NumericSample): Float64Array {
  const n = values.length;
  if (n > 0) requireFiniteSample('rankWithTies', 'values', values);
  const sorted = sortFloat64(values);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // With `below` values < v and `atOrBelow` values ≤ v, v occupies ranks below+1 … atOrBelow; midrank is their mean.
    const below = lowerBound(sorted, v);
    const atOrBelow = upperBound(sorted, v, below);
    ranks[i] = (below + 1 + atOrBelow) / 2;
  }
  return ranks;
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, v: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
