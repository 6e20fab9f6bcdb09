import { describe, expect, it } from 'vitest';
import { expectClose, P_VALUE_TOLERANCE } from '../test/close-to.js';
import { normalSample } from '../test/normal-samples.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { cramerVonMisesTest } from './cramer-von-mises-test.js';

const cvmCases = loadReferenceSection<{ reference: number[]; current: number[]; statistic: number; pValue: number }[]>(
  'cramervonmises_2samp',
);
/** Strictly relative: the reference p-values (1.4e-9 … 1.2e-7) are the truncation error of scipy's series. */
const P_VALUE_RELATIVE = { rel: 1e-6, abs: 0 };
const TIGHT = { rel: 1e-12, abs: 1e-12 };

describe('cramerVonMisesTest', () => {
  it("matches scipy.stats.cramervonmises_2samp(method='asymptotic') on the reference cases", () => {
    expect(cvmCases.length).toBe(3);
    for (const c of cvmCases) {
      const result = cramerVonMisesTest(c.reference, c.current);
      expectClose(result.statistic, c.statistic);
      expectClose(result.pValue, c.pValue, P_VALUE_RELATIVE);
    }
  });

  it('matches scipy on small cases with ties and on a hand-checkable one', () => {
    // x = [1, 2], y = [3, 4]: ranks 1, 2 | 3, 4, U = 2·0 + 2·(2² + 2²) = 16, T = 16/16 − 15/24 = 0.375.
    // Expected values from scipy 1.10.1 cramervonmises_2samp(x, y, method='asymptotic').
    const cases: [number[], number[], number, number][] = [
      [[1, 2], [3, 4], 0.375, 0.08291486010994986],
      [[1, 2, 2, 3, 5, 5, 5, 8], [2, 3, 3, 4, 5, 9, 9], 0.10347222222222197, 0.6396620970863806],
      [[1, 2, 3, 4, 5], [3.5, 6, 7, 8, 9, 10], 0.6636363636363638, 0.014457741981466321],
      [
        [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5],
        [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
        0.44696969696969724,
        0.05458439380269342,
      ],
    ];
    for (const [x, y, statistic, pValue] of cases) {
      const result = cramerVonMisesTest(x, y);
      expectClose(result.statistic, statistic);
      expectClose(result.pValue, pValue, P_VALUE_TOLERANCE);
    }
  });

  it('reproduces the floor of scipy near 1e-7 for completely separated large samples', () => {
    // Regression guard for the stopping rule: summing the limiting cdf to convergence would give ~0 here, while scipy
    // stops at the first term below 1e-7 and returns 8.774318505100354e-08 for x = 0…999, y = 1000…2999.
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const y = Float64Array.from({ length: 2000 }, (_, i) => 1000 + i);
    const result = cramerVonMisesTest(x, y);
    expectClose(result.statistic, 222.22227777777772);
    expectClose(result.pValue, 8.774318505100354e-8, P_VALUE_RELATIVE);
  });

  it('gives statistic 0 and pValue 1 for identical samples', () => {
    // scipy: (0.0, 1.0); tn < 0.003 takes scipy's early return of 1.
    const result = cramerVonMisesTest([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);
    expect(result.statistic).toBeCloseTo(0, 12);
    expect(result.pValue).toBe(1);
  });

  it('is symmetric in its samples and invariant under increasing transforms and input order', () => {
    const x = normalSample(11, 300);
    const y = normalSample(12, 410, 0.2);
    const base = cramerVonMisesTest(x, y);
    const swapped = cramerVonMisesTest(y, x);
    expectClose(swapped.statistic, base.statistic, TIGHT);
    expectClose(swapped.pValue, base.pValue, TIGHT);
    const transformed = cramerVonMisesTest(x.map(Math.exp), y.map(Math.exp));
    expect(transformed.statistic).toBe(base.statistic);
    expect(transformed.pValue).toBe(base.pValue);
    const reversed = cramerVonMisesTest(Array.from(x).reverse(), y);
    expect(reversed.statistic).toBe(base.statistic);
    expect(base.pValue).toBeGreaterThanOrEqual(0);
    expect(base.pValue).toBeLessThanOrEqual(1);
  });

  it('grows with the shift between the samples and accepts typed arrays over 2048 values (radix sort path)', () => {
    let previous = -Infinity;
    let previousP = Infinity;
    for (const shift of [0, 0.05, 0.1, 0.2, 0.4]) {
      const result = cramerVonMisesTest(normalSample(21, 3000), normalSample(22, 2500, shift));
      expect(result.statistic).toBeGreaterThan(previous);
      // Below ~1e-6 the p-value is the truncation error of scipy's series and need not decrease any more.
      if (result.pValue > 1e-5) expect(result.pValue).toBeLessThanOrEqual(previousP);
      previous = result.statistic;
      previousP = result.pValue;
    }
  });

  it('rejects samples with fewer than two values or non-finite values', () => {
    expect(() => cramerVonMisesTest([1], [1, 2])).toThrow(/^cramerVonMisesTest: reference needs at least 2 values, got 1/);
    expect(() => cramerVonMisesTest([1, 2], [])).toThrow(/^cramerVonMisesTest: current needs at least 2 values, got 0/);
    expect(() => cramerVonMisesTest([1, Number.NaN], [1, 2])).toThrow(/^cramerVonMisesTest: reference\[1\] is NaN/);
    expect(() => cramerVonMisesTest([1, 2], [-Infinity, 2])).toThrow(/^cramerVonMisesTest: current\[0\] is -Infinity/);
  });
});
