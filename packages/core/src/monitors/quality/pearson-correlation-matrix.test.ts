import { pearsonCorrelation } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import { pearsonCorrelationMatrix } from './pearson-correlation-matrix.js';

describe('pearsonCorrelationMatrix', () => {
  it('matches pearsonCorrelation on complete data and is symmetric with a unit diagonal', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const z = [9, 7, 8, 1, 2];
    const m = pearsonCorrelationMatrix([x, y, z].map((v) => Float64Array.from(v)));
    expect(m[0]![1]).toBeCloseTo(0.774597, 6); // scipy.stats.pearsonr([1,2,3,4,5], [2,4,5,4,5])
    expect(m[0]![2]).toBeCloseTo(pearsonCorrelation(x, z).r, 12);
    expect(m[1]![2]).toBeCloseTo(pearsonCorrelation(y, z).r, 12);
    for (let a = 0; a < 3; a++) {
      expect(m[a]![a]).toBe(1);
      for (let b = 0; b < 3; b++) expect(m[a]![b]).toBe(m[b]![a]);
    }
  });

  it('keeps full precision for values sharing a large offset', () => {
    const x = Float64Array.from([1, 2, 3, 4], (v) => 1e9 + v);
    const y = Float64Array.from([1, 3, 2, 4], (v) => 1e9 + v);
    expect(pearsonCorrelationMatrix([x, y])[0]![1]).toBeCloseTo(0.8, 12);
  });

  it('gives null for fewer than two complete pairs, constant pairs and ±1 for two points', () => {
    const m = pearsonCorrelationMatrix([
      Float64Array.from([1, Number.NaN, 3]),
      Float64Array.from([Number.NaN, 2, 7]),
      Float64Array.from([4, 4, Number.NaN]),
      Float64Array.from([5, 2, 1]),
    ]);
    expect(m[0]![1]).toBeNull(); // one complete pair
    expect(m[0]![2]).toBeNull(); // the third column is constant where the first is present
    expect(m[2]![2]).toBeNull();
    expect(m[0]![3]).toBe(-1); // rows 0 and 2: (1, 5), (3, 1)
  });

  it('reads evenly spaced rows beyond maxRows', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const y = Float64Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? i : -i));
    // maxRows 5 keeps rows 0, 2, 4, 6, 8, where y = x.
    expect(pearsonCorrelationMatrix([x, y], 5)[0]![1]).toBe(1);
    expect(pearsonCorrelationMatrix([x, y])[0]![1]).not.toBe(1);
  });

  it('rejects columns of unequal length', () => {
    expect(() => pearsonCorrelationMatrix([new Float64Array(3), new Float64Array(2)])).toThrow(/columns\[1\] has 2 values but columns\[0\] has 3/);
  });
});
