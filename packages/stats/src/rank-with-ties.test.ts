import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { rankWithTies } from './rank-with-ties.js';

function naiveMidranks(values: readonly number[]): number[] {
  return values.map((v) => {
    let below = 0;
    let equal = 0;
    for (const w of values) {
      if (w < v) below++;
      else if (w === v) equal++;
    }
    return below + (equal + 1) / 2;
  });
}

describe('rankWithTies', () => {
  it('ranks distinct values 1…n', () => {
    expect(Array.from(rankWithTies([30, 10, 20]))).toEqual([3, 1, 2]);
  });

  it('gives tied values the mean of their ranks (scipy.stats.rankdata average)', () => {
    // scipy.stats.rankdata([10, 20, 10, 30, 20, 20]) = [1.5, 4, 1.5, 6, 4, 4]
    expect(Array.from(rankWithTies([10, 20, 10, 30, 20, 20]))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect(Array.from(rankWithTies([5, 5, 5, 5]))).toEqual([2.5, 2.5, 2.5, 2.5]);
  });

  it('treats −0 and 0 as equal', () => {
    expect(Array.from(rankWithTies([0, -0, -1]))).toEqual([2.5, 2.5, 1]);
  });

  it('agrees with a quadratic count on large inputs (radix-sort path) and sums to n(n+1)/2', () => {
    const rng = createRandom(11);
    const values = Array.from({ length: 3000 }, () => Math.round((rng.nextFloat() - 0.5) * 400) / 10);
    const ranks = rankWithTies(values);
    expect(Array.from(ranks)).toEqual(naiveMidranks(values));
    expect(ranks.reduce((s, r) => s + r, 0)).toBe((3000 * 3001) / 2);
  });

  it('accepts typed arrays and returns an empty result for an empty input', () => {
    expect(Array.from(rankWithTies(new Float64Array([2, 1])))).toEqual([2, 1]);
    expect(rankWithTies([]).length).toBe(0);
  });

  it('rejects NaN and infinities', () => {
    expect(() => rankWithTies([1, Number.NaN])).toThrow(/rankWithTies: values\[1\] is NaN/);
    expect(() => rankWithTies([Infinity])).toThrow(RangeError);
  });
});
