import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { chiSquaredTest } from './chi-squared-test.js';

const chi2Cases = loadReferenceSection<
  { referenceCounts: number[]; currentCounts: number[]; statistic: number; pValue: number; dof: number }[]
>('chi2_homogeneity');
/** Relative, also for the 1e-21 tails: no absolute floor may hide an error there. */
const P_VALUE_RELATIVE = { rel: 1e-6, abs: 0 };

describe('chiSquaredTest', () => {
  it('matches scipy.stats.chi2_contingency(correction=False) on the reference cases', () => {
    expect(chi2Cases.length).toBe(8);
    for (const c of chi2Cases) {
      const result = chiSquaredTest(c.referenceCounts, c.currentCounts);
      expectClose(result.statistic, c.statistic);
      expectClose(result.pValue, c.pValue, P_VALUE_RELATIVE);
      expect(result.dof).toBe(c.dof);
    }
  });

  it('works out a hand-checkable 2×3 table', () => {
    // Row totals 60 and 60, column totals 25, 45, 50: expected 12.5, 22.5, 25 in both rows, so
    // χ² = 2·(2.5²/12.5 + 2.5²/22.5 + 5²/25) = 32/9; scipy: pValue 0.16901331540606607.
    const result = chiSquaredTest([10, 20, 30], [15, 25, 20]);
    expectClose(result.statistic, 32 / 9, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.16901331540606607);
    expect(result.dof).toBe(2);
    expect(Array.from(result.expected[0])).toEqual([12.5, 22.5, 25]);
    expect(Array.from(result.expected[1])).toEqual([12.5, 22.5, 25]);
  });

  it('matches scipy on fractional counts, dof 1 without Yates correction, and a tiny tail', () => {
    // scipy 1.10.1 chi2_contingency([a, b], correction=False)
    const cases: [number[], number[], number, number, number][] = [
      [[3.5, 0.25, 7], [1.5, 2.75, 0.5], 7.285822113423093, 0.026176033030213083, 2],
      [[10, 20], [15, 25], 0.1296296296296296, 0.7188163610152828, 1],
      [[5, 0], [0, 5], 10.0, 0.001565402258002549, 1],
      [[100, 0], [0, 1], 100.99999999999999, 9.19834440770031e-24, 1],
      [[1000, 2000, 3000, 4000], [1400, 2000, 2600, 4000], 95.23809523809524, 1.6411419581209994e-20, 3],
    ];
    for (const [a, b, statistic, pValue, dof] of cases) {
      const result = chiSquaredTest(a, b);
      expectClose(result.statistic, statistic);
      expectClose(result.pValue, pValue, P_VALUE_RELATIVE);
      expect(result.dof).toBe(dof);
    }
  });

  it('drops categories that are empty in both samples', () => {
    // scipy raises on the zero column; the result equals scipy on the table without it.
    const withEmpty = chiSquaredTest([10, 0, 20, 30, 0], [15, 0, 25, 20, 0]);
    const without = chiSquaredTest([10, 20, 30], [15, 25, 20]);
    expect(withEmpty.statistic).toBe(without.statistic);
    expect(withEmpty.pValue).toBe(without.pValue);
    expect(withEmpty.dof).toBe(2);
    expect(Array.from(withEmpty.expected[0])).toEqual([12.5, 0, 22.5, 25, 0]);
  });

  it('returns statistic 0, pValue 1, dof 0 with fewer than two non-empty categories', () => {
    // scipy: chi2_contingency([[7], [9]]) = (0.0, 1.0, 0, ...)
    expect(chiSquaredTest([7], [9])).toMatchObject({ statistic: 0, pValue: 1, dof: 0 });
    expect(chiSquaredTest([0, 7, 0], [0, 9, 0])).toMatchObject({ statistic: 0, pValue: 1, dof: 0 });
  });

  it('gives statistic 0 and pValue 1 for proportional samples, and is symmetric and scale-aware', () => {
    const same = chiSquaredTest([10, 20, 30], [30, 60, 90]);
    expect(same.statistic).toBeCloseTo(0, 12);
    expect(same.pValue).toBeCloseTo(1, 12);
    const ab = chiSquaredTest([44, 165, 480, 30], [107, 206, 586, 220]);
    const ba = chiSquaredTest([107, 206, 586, 220], [44, 165, 480, 30]);
    expectClose(ba.statistic, ab.statistic, { rel: 1e-12, abs: 1e-12 });
    expectClose(ba.pValue, ab.pValue);
    // Doubling every count doubles χ² (Pearson's statistic is linear in the sample size for fixed proportions).
    const doubled = chiSquaredTest([88, 330, 960, 60], [214, 412, 1172, 440]);
    expectClose(doubled.statistic, 2 * ab.statistic, { rel: 1e-12, abs: 1e-12 });
    expect(doubled.pValue).toBeLessThan(ab.pValue);
  });

  it('rejects mismatched lengths, empty input, negative or non-finite counts and empty rows', () => {
    expect(() => chiSquaredTest([1, 2], [1, 2, 3])).toThrow(
      /^chiSquaredTest: referenceCounts has 2 values but currentCounts has 3; they must be paired/,
    );
    expect(() => chiSquaredTest([], [])).toThrow(/^chiSquaredTest: referenceCounts must not be empty/);
    expect(() => chiSquaredTest([1, -2], [1, 2])).toThrow(/^chiSquaredTest: referenceCounts\[1\] is -2; negative values/);
    expect(() => chiSquaredTest([1, 2], [1, Number.NaN])).toThrow(/^chiSquaredTest: currentCounts\[1\] is NaN/);
    expect(() => chiSquaredTest([1, 2], [Infinity, 2])).toThrow(/^chiSquaredTest: currentCounts\[0\] is Infinity/);
    expect(() => chiSquaredTest([0, 0], [1, 2])).toThrow(/^chiSquaredTest: referenceCounts sum to 0/);
    expect(() => chiSquaredTest([1, 2], [0, 0])).toThrow(/^chiSquaredTest: currentCounts sum to 0/);
  });
});
