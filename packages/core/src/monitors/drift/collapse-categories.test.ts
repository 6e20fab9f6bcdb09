import { describe, expect, it } from 'vitest';
import { collapseCategories } from './collapse-categories.js';
import type { CategoryTable } from './count-categories.js';

function table(labels: string[], reference: number[], current: number[]): CategoryTable {
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  return { labels, reference: Float64Array.from(reference), current: Float64Array.from(current), referenceTotal: sum(reference), currentTotal: sum(current) };
}

describe('collapseCategories', () => {
  it('returns the table unchanged when every category qualifies', () => {
    const t = table(['a', 'b'], [50, 50], [40, 60]);
    const out = collapseCategories(t, { maxCategories: 20, minExpected: 5 });
    expect(out.labels).toEqual(['a', 'b']);
    expect(out.pooled).toBe(0);
  });

  it('keeps the most frequent categories over both samples and pools the rest', () => {
    // pooled counts: a 10, b 30, c 5, d 25 → keep b, d; pool a and c.
    const t = table(['a', 'b', 'c', 'd'], [5, 20, 3, 0], [5, 10, 2, 25]);
    const out = collapseCategories(t, { maxCategories: 2, minExpected: 0 });
    expect(out.labels).toEqual(['b', 'd', '(other)']);
    expect([...out.reference]).toEqual([20, 0, 8]);
    expect([...out.current]).toEqual([10, 25, 7]);
    expect(out.pooled).toBe(2);
  });

  it("pools categories whose expected count in the smaller sample is below Cochran's 5", () => {
    // n_ref = 990, n_cur = 99: expected in current = 99 · pooled / 1089 = pooled / 11; c has 44 / 11 = 4 < 5.
    const t = table(['a', 'b', 'c'], [600, 350, 40], [60, 35, 4]);
    const out = collapseCategories(t, { maxCategories: 20, minExpected: 5 });
    expect(out.labels).toEqual(['a', 'b', '(other)']);
    expect([...out.current]).toEqual([60, 35, 4]);
    expect(collapseCategories(t, { maxCategories: 20, minExpected: 4 }).labels).toEqual(['a', 'b', 'c']);
  });
});
