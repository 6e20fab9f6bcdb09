import { sortFloat64 } from './sort-float64.js';
import type { NumericSample } from './validate-input.js';
import { requireFiniteSample } from './validate-input.js';

/**
 * Quantiles of a sample by linear interpolation between order statistics (Hyndman & Fan type 7), the default
 * method of `numpy.quantile` (`method='linear'`), computed with numpy's own floating-point steps so results
 * agree bit for bit: virtual index h = (n − 1)·q, lower neighbour ⌊h⌋, weight γ = h − ⌊h⌋, and the value
 * a + (b − a)·γ when γ < 0.5, otherwise b − (b − a)·(1 − γ).
 *
 * Cost: O(n) to copy and radix-sort, then O(1) per level. Call {@link quantileSorted} when the data are already
 * sorted.
 *
 * @param values finite numbers (at least one).
 * @param q a level in [0, 1], or several; a single level returns a number, several a Float64Array in their order.
 * @throws RangeError when `values` is empty or holds NaN/±Infinity, or a level lies outside [0, 1].
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 * quantile([1, 2, 3, 4], [0, 0.25, 1]); // Float64Array [1, 1.75, 4]
 */
export function quantile(values: NumericSample, q: number): number;
export function quantile(values: NumericSample, q: ArrayLike<number>): Float64Array;
export function quantile(values: NumericSample, q: number | ArrayLike<number>): number | Float64Array {
  requireFiniteSample('quantile', 'values', values);
  requireLevels('quantile', q);
  const sorted = sortFloat64(values);
  return typeof q === 'number' ? interpolate(sorted, q) : interpolateAll(sorted, q);
}

/**
 * {@link quantile} for data already sorted in ascending order: no copy, O(1) per level. The order is trusted, not
 * checked (only length and finiteness are).
 *
 * @example quantileSorted(new Float64Array([1, 2, 3, 4]), 0.75); // 3.25
 */
export function quantileSorted(sorted: NumericSample, q: number): number;
export function quantileSorted(sorted: NumericSample, q: ArrayLike<number>): Float64Array;
export function quantileSorted(sorted: NumericSample, q: number | ArrayLike<number>): number | Float64Array {
  requireFiniteSample('quantileSorted', 'sorted', sorted);
  requireLevels('quantileSorted', q);
  return typeof q === 'number' ? interpolate(sorted, q) : interpolateAll(sorted, q);
}

function requireLevels(fn: string, q: number | ArrayLike<number>): void {
  if (typeof q === 'number') {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`${fn}: q must be in [0, 1], got ${String(q)}`);
    return;
  }
  for (let i = 0; i < q.length; i++) {
    const level = q[i]!;
    if (!(level >= 0 && level <= 1)) throw new RangeError(`${fn}: q[${i}] must be in [0, 1], got ${String(level)}`);
  }
}

function interpolateAll(sorted: NumericSample, q: ArrayLike<number>): Float64Array {
  const out = new Float64Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = interpolate(sorted, q[i]!);
  return out;
}

function interpolate(sorted: NumericSample, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * q;
  // numpy clamps virtual indexes at or past the last position to the maximum.
  if (h >= n - 1) return sorted[n - 1]!;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  const gamma = h - lo;
  const diff = b - a;
  // numpy's _lerp: interpolate from the nearer end so the result is monotone in q and exact at the ends.
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
