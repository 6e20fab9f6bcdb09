import type { NumericSample } from './validate-input.js';
import { requireFiniteSample, requireInteger } from './validate-input.js';

/** Counts per bin, plus the values that fell outside the edges. */
export interface HistogramResult {
  /** counts[i] = number of values in bin i: [edges[i], edges[i+1]) for i < last, [edges[last−1], edges[last]] for the last. */
  readonly counts: Float64Array;
  /** Values below edges[0] (not counted in any bin). */
  readonly below: number;
  /** Values above the last edge (not counted in any bin). */
  readonly above: number;
}

/**
 * Counts `values` into the bins given by `edges` with `numpy.histogram`'s rule: bins are half-open [a, b) except
 * the last, which is closed [a, b]. Values outside [edges[0], edges[last]] go to no bin and are reported as
 * `below` / `above`. Edges must be non-decreasing (±Infinity allowed); a repeated edge makes an empty bin, as in
 * numpy (a value equal to a repeated edge falls in the bin that starts at its last copy).
 *
 * Cost: O(n log b) for n values and b bins (binary search per value).
 *
 * @throws RangeError when a value is NaN/±Infinity, or `edges` has fewer than 2 entries, holds NaN or decreases.
 * @example
 * histogram([0, 1, 1.5, 2, 3, 9], [0, 1, 2, 3]); // { counts: [1, 2, 2], below: 0, above: 1 }
 */
export function histogram(values: NumericSample, edges: NumericSample): HistogramResult {
  requireFiniteSample('histogram', 'values', values, 0);
  requireEdges('histogram', edges);
  const bins = edges.length - 1;
  const first = edges[0]!;
  const last = edges[bins]!;
  const counts = new Float64Array(bins);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < first) {
      below++;
    } else if (v > last) {
      above++;
    } else if (v === last) {
      counts[bins - 1]!++;
    } else {
      // Largest bin index whose left edge is ≤ v; v < last guarantees it is below `bins`.
      let lo = 0;
      let hi = bins;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (edges[mid]! <= v) lo = mid;
        else hi = mid;
      }
      counts[lo]!++;
    }
  }
  return { counts, below, above };
}

/**
 * {@link histogram} for values already sorted ascending: O(b log n) by binary search of each edge in the data
 * (the order is trusted, not checked). Same bins and counts as {@link histogram}.
 *
 * @example histogramSorted(new Float64Array([0, 1, 1.5, 2, 3, 9]), [0, 1, 2, 3]); // counts [1, 2, 2], above 1
 */
export function histogramSorted(sorted: NumericSample, edges: NumericSample): HistogramResult {
  requireFiniteSample('histogramSorted', 'sorted', sorted, 0);
  requireEdges('histogramSorted', edges);
  const bins = edges.length - 1;
  const n = sorted.length;
  const counts = new Float64Array(bins);
  // Cumulative counts: #(x < edge) for every edge but the last, #(x ≤ edge) for the last (closed last bin).
  let previous = countBelow(sorted, edges[0]!, false);
  const below = previous;
  for (let i = 1; i <= bins; i++) {
    const cumulative = countBelow(sorted, edges[i]!, i === bins);
    counts[i - 1] = cumulative - previous;
    previous = cumulative;
  }
  return { counts, below, above: n - previous };
}

/**
 * `bins` equal-width edges spanning the data, as `numpy.histogram_bin_edges(values, bins)`: from min to max
 * (widened by ±0.5 when all values are equal), edge i = min + i·((max − min)/bins), the last edge exactly max.
 *
 * @throws RangeError when `values` is empty or holds NaN/±Infinity, or `bins` is not an integer ≥ 1.
 * @example histogramEdges([1, 2, 3, 5], 4); // Float64Array [1, 2, 3, 4, 5]
 */
export function histogramEdges(values: NumericSample, bins: number): Float64Array {
  requireFiniteSample('histogramEdges', 'values', values);
  requireInteger('histogramEdges', 'bins', bins, 1, 1 << 30);
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  // numpy.linspace: step = (stop − start)/div, y_i = i·step + start, then the end point set exactly.
  const step = (max - min) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = i * step + min;
  edges[bins] = max;
  return edges;
}

function requireEdges(fn: string, edges: NumericSample): void {
  if (edges.length < 2) throw new RangeError(`${fn}: edges needs at least 2 values, got ${edges.length}`);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    if (Number.isNaN(e)) throw new RangeError(`${fn}: edges[${i}] is NaN`);
    if (i > 0 && e < edges[i - 1]!) {
      throw new RangeError(`${fn}: edges must not decrease, but edges[${i}] = ${e} < edges[${i - 1}] = ${edges[i - 1]!}`);
    }
  }
}

/** Number of sorted values < x (or ≤ x when `inclusive`). */
function countBelow(sorted: NumericSample, x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v < x || (inclusive && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
