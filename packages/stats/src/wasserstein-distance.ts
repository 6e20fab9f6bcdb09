import { sortFloat64 } from './sort-float64.js';
import type { NumericSample } from './validate-input.js';
import { requireFiniteSample, requireNonNegative, requireSameLength } from './validate-input.js';

/** Optional weights per observation, as `u_weights` / `v_weights` of `scipy.stats.wasserstein_distance`. */
export interface WassersteinOptions {
  /** One non-negative weight per reference value; their sum must be positive. Default: all equal. */
  readonly referenceWeights?: NumericSample;
  /** One non-negative weight per current value; their sum must be positive. Default: all equal. */
  readonly currentWeights?: NumericSample;
}

export interface WassersteinResult {
  /** W₁ = ∫ |F_ref(x) − F_cur(x)| dx, in the units of the data (≥ 0). */
  readonly distance: number;
}

/**
 * First Wasserstein (earth mover's) distance between two one-dimensional empirical distributions,
 * W₁ = ∫ |F_ref(x) − F_cur(x)| dx, equal to `scipy.stats.wasserstein_distance(reference, current)`
 * (with `u_weights`/`v_weights` when weights are given).
 *
 * Both samples are radix-sorted and walked once in merged order, adding |F_ref − F_cur| times the gap to the next
 * value. Unweighted, the CDF difference is kept as the exact integer |i·m − j·n| and divided by n·m once at the end.
 * Cost: O(n + m) sort and merge (O((n + m) log(n + m)) with weights, which need an index sort).
 * The distance is in the data's units; divide by a scale (e.g. the reference standard deviation) to compare columns.
 *
 * @throws RangeError when a sample is empty or holds NaN/±Infinity, or weights are negative, non-finite, of the wrong
 *   length or sum to zero.
 * @example
 * wassersteinDistance([0, 1, 3], [5, 6, 8]).distance; // 5
 */
export function wassersteinDistance(
  reference: NumericSample,
  current: NumericSample,
  options: WassersteinOptions = {},
): WassersteinResult {
  const fn = 'wassersteinDistance';
  requireFiniteSample(fn, 'reference', reference);
  requireFiniteSample(fn, 'current', current);
  const { referenceWeights, currentWeights } = options;
  if (referenceWeights !== undefined) requireWeights(fn, 'referenceWeights', referenceWeights, 'reference', reference);
  if (currentWeights !== undefined) requireWeights(fn, 'currentWeights', currentWeights, 'current', current);
  if (referenceWeights === undefined && currentWeights === undefined) {
    return { distance: unweightedDistance(sortFloat64(reference), sortFloat64(current)) };
  }
  const ref = sortedWithCdf(reference, referenceWeights);
  const cur = sortedWithCdf(current, currentWeights);
  return { distance: weightedDistance(ref.values, ref.cdf, cur.values, cur.cdf) };
}

function requireWeights(fn: string, name: string, weights: NumericSample, valuesName: string, values: NumericSample): void {
  requireSameLength(fn, valuesName, values, name, weights);
  requireNonNegative(fn, name, weights);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  if (!(total > 0 && Number.isFinite(total))) {
    throw new RangeError(`${fn}: ${name} must have a positive, finite sum, got ${String(total)}`);
  }
}

function unweightedDistance(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  // F_u − F_v = (i·m − j·n)/(n·m) with i, j the counts taken so far: exact integers below 2^53 for any JS array size.
  let i = 0;
  let j = 0;
  let sum = 0;
  let a = u[0]!;
  let b = v[0]!;
  let cur = a <= b ? a : b;
  while (i < n && j < m) {
    if (a <= b) {
      sum += Math.abs(i * m - j * n) * (a - cur);
      cur = a;
      i++;
      if (i < n) a = u[i]!;
    } else {
      sum += Math.abs(i * m - j * n) * (b - cur);
      cur = b;
      j++;
      if (j < m) b = v[j]!;
    }
  }
  for (; i < n; i++) {
    const x = u[i]!;
    sum += Math.abs(i * m - j * n) * (x - cur);
    cur = x;
  }
  for (; j < m; j++) {
    const x = v[j]!;
    sum += Math.abs(i * m - j * n) * (x - cur);
    cur = x;
  }
  return sum / (n * m);
}

/** Sorted values and cdf[k] = weight of the k smallest values / total (cdf[0] = 0), as scipy's cumulative weights. */
function sortedWithCdf(values: NumericSample, weights: NumericSample | undefined): { values: Float64Array; cdf: Float64Array } {
  const n = values.length;
  const cdf = new Float64Array(n + 1);
  if (weights === undefined) {
    for (let k = 1; k <= n; k++) cdf[k] = k / n;
    return { values: sortFloat64(values), cdf };
  }
  const source = Float64Array.from(values);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((x, y) => source[x]! - source[y]! || x - y);
  const sorted = new Float64Array(n);
  let running = 0;
  for (let k = 0; k < n; k++) {
    const index = order[k]!;
    sorted[k] = source[index]!;
    running += weights[index]!;
    cdf[k + 1] = running;
  }
  for (let k = 1; k <= n; k++) cdf[k] = cdf[k]! / running;
  return { values: sorted, cdf };
}

function weightedDistance(u: Float64Array, cdfU: Float64Array, v: Float64Array, cdfV: Float64Array): number {
  const n = u.length;
  const m = v.length;
  let i = 0;
  let j = 0;
  let sum = 0;
  let cur = Math.min(u[0]!, v[0]!);
  while (i < n || j < m) {
    const takeU = j >= m || (i < n && u[i]! <= v[j]!);
    const x = takeU ? u[i]! : v[j]!;
    sum += Math.abs(cdfU[i]! - cdfV[j]!) * (x - cur);
    cur = x;
    if (takeU) i++;
    else j++;
  }
  return sum;
}
