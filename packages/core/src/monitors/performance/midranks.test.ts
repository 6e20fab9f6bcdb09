import { createRandom, pearsonCorrelation, rankWithTies } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import { midranks, pearsonOver } from './midranks.js';

describe('midranks', () => {
  it('gives ties their mean rank', () => {
    expect(Array.from(midranks([10, 20, 10, 5]))).toEqual([2.5, 4, 2.5, 1]);
  });
  it('orders negatives, zeros (−0 with 0) and large magnitudes as rankWithTies', () => {
    const values = [-1e300, 3, -0, 0, -2.5, 1e-300, 3, Number.MAX_VALUE, -Number.MIN_VALUE];
    expect(Array.from(midranks(values))).toEqual(Array.from(rankWithTies(values)));
  });
  it('equals rankWithTies on random data with many ties', () => {
    const rng = createRandom(7);
    const values = Float64Array.from({ length: 5000 }, () => Math.round(sampleish(rng) * 50) / 10);
    expect(Array.from(midranks(values))).toEqual(Array.from(rankWithTies(values)));
  });
});

describe('pearsonOver', () => {
  it('equals pearsonCorrelation on the rows it is given, and NaN for constant input', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5);
    const y = Float64Array.of(2, 4, 5, 4, 5);
    expect(pearsonOver(x, y, Int32Array.of(0, 1, 2, 3, 4))).toBeCloseTo(pearsonCorrelation(x, y).r, 14);
    expect(pearsonOver(x, y, Int32Array.of(0, 0, 4))).toBeCloseTo(pearsonCorrelation([1, 1, 5], [2, 2, 5]).r, 14);
    expect(pearsonOver(x, y, Int32Array.of(2, 2))).toBeNaN();
  });
});

function sampleish(rng: { nextFloat(): number }): number {
  return rng.nextFloat() * 2 - 1;
}
