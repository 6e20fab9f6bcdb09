import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { sortFloat64 } from './sort-float64.js';

function nativeSorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

function expectSameOrder(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`index ${i}: ${actual[i]} !== ${expected[i]}`);
  }
}

describe('sortFloat64', () => {
  it('orders like Float64Array.prototype.sort on small inputs (insertion path)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true })), (values) => {
        expectSameOrder(sortFloat64(values), nativeSorted(values));
      }),
    );
  });

  it('orders like Float64Array.prototype.sort on large inputs (radix path), with ±0, ±Infinity, subnormals and ties', () => {
    const rng = createRandom(11);
    const n = 50_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat() - 0.5;
      values[i] = i % 5 === 0 ? Math.round(u * 10) : i % 7 === 0 ? u * 1e-310 : u * 1e6;
    }
    values.set([-0, 0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE], 0);
    expectSameOrder(sortFloat64(values), nativeSorted(values));
  });

  it('handles large inputs where every value shares its high bits (skipped radix passes)', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => 1 + ((i * 7919) % 10_000) * Number.EPSILON);
    expectSameOrder(sortFloat64(values), nativeSorted(values));
  });

  it('returns a copy and leaves its input untouched', () => {
    const input = [3, 1, 2];
    const sorted = sortFloat64(input);
    expect(Array.from(sorted)).toEqual([1, 2, 3]);
    expect(input).toEqual([3, 1, 2]);
  });

  it('copies input that is already in order without reordering it, and still orders 0 before -0 as the native sort does', () => {
    const ordered = Float64Array.from({ length: 5000 }, (_, i) => i - 2500);
    const copy = sortFloat64(ordered);
    expect(copy).not.toBe(ordered);
    expectSameOrder(copy, ordered);
    const zeros = new Float64Array([-1, 0, -0, 1]);
    expectSameOrder(sortFloat64(zeros), nativeSorted(zeros));
  });
});
