import { describe, expect, it } from 'vitest';
import { countDistinctValues } from './count-distinct-values.js';

describe('countDistinctValues', () => {
  it('counts distinct finite values and the most frequent one, skipping NaN and infinities', () => {
    const result = countDistinctValues(Float64Array.from([3, 1, 2, 2, Number.NaN, 3, 3, Number.POSITIVE_INFINITY, -0, 0]));
    expect(result.present).toBe(8);
    expect(result.distinct).toBe(4); // 3, 1, 2, 0 (−0 and 0 are one value)
    expect(result.topCount).toBe(3);
    expect([...result.values].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  it('agrees with a Set through the table growing past many distinct values', () => {
    const values = Float64Array.from({ length: 50_000 }, (_, i) => Math.round(Math.sin(i) * 3000) / 100);
    const result = countDistinctValues(values);
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect(result.distinct).toBe(counts.size);
    expect(result.topCount).toBe(Math.max(...counts.values()));
    expect(new Set(result.values)).toEqual(new Set(counts.keys()));
  });

  it('returns zeros for an empty or all-missing sample', () => {
    expect(countDistinctValues([Number.NaN])).toEqual({ present: 0, distinct: 0, topCount: 0, values: new Float64Array(0) });
  });
});
