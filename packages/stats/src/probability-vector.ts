import type { NumericSample } from './validate-input.js';
import { requireNonNegative } from './validate-input.js';

/**
 * Validates a pair of non-negative weight vectors (counts, frequencies or probabilities) and returns each divided by
 * its sum, as scipy's distribution distances do before comparing them.
 *
 * @throws RangeError (message starting with `fn`) when a vector is empty, holds a negative, NaN or ±Infinity entry,
 *   the two lengths differ, or a vector sums to zero (or overflows to Infinity).
 * @example toProbabilityVectors('hellingerDistance', [1, 3], [2, 2]); // [Float64Array [0.25, 0.75], Float64Array [0.5, 0.5]]
 */
export function toProbabilityVectors(fn: string, p: NumericSample, q: NumericSample): [Float64Array, Float64Array] {
  requireNonNegative(fn, 'p', p);
  requireNonNegative(fn, 'q', q);
  if (p.length !== q.length) {
    throw new RangeError(`${fn}: p has ${p.length} entries but q has ${q.length}; they must describe the same categories`);
  }
  return [normalize(fn, 'p', p), normalize(fn, 'q', q)];
}

function normalize(fn: string, name: string, values: NumericSample): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  if (!(total > 0 && Number.isFinite(total))) {
    throw new RangeError(`${fn}: ${name} must have a positive, finite sum, got ${String(total)}`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]! / total;
  return out;
}

/** x·ln(x/y) with the conventions of `scipy.special.rel_entr`: 0 when x = 0, +Infinity when y = 0 < x. */
export function relativeEntropyTerm(x: number, y: number): number {
  if (x > 0) return y > 0 ? x * Math.log(x / y) : Infinity;
  return 0;
}
