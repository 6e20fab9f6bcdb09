import { describe, expect, it } from 'vitest';
import { expectClose, P_VALUE_TOLERANCE } from '../test/close-to.js';
import type { RegressionCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { pearsonCorrelation } from './pearson-correlation.js';

const regressionCases = loadReferenceSection<RegressionCase[]>('regression');

describe('pearsonCorrelation', () => {
  it('matches scipy.stats.pearsonr on the reference regression cases', () => {
    expect(regressionCases.length).toBeGreaterThan(0);
    for (const c of regressionCases) {
      const result = pearsonCorrelation(c.labels, c.predictions);
      expectClose(result.r, c.pearsonR);
      expectClose(result.pValue, c.pearsonPValue, P_VALUE_TOLERANCE);
    }
  });

  it('matches scipy.stats.pearsonr on small hand cases', () => {
    // scipy 1.10.1: pearsonr([1,2,3,4,5], [2,4,5,4,5]) = (0.7745966692414835, 0.12402706265755462)
    let result = pearsonCorrelation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expectClose(result.r, 0.7745966692414835, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.12402706265755462, { rel: 1e-10, abs: 1e-12 });
    // pearsonr([1,2,3], [1,2,3.5]) = (0.9933992677987828, 0.0731863950403274): n = 3, Beta(½, ½).
    result = pearsonCorrelation([1, 2, 3], [1, 2, 3.5]);
    expectClose(result.r, 0.9933992677987828, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.0731863950403274);
    result = pearsonCorrelation(
      [0.1, 0.5, 0.2, 0.9, 0.4, 0.3, 0.8, 0.6, 0.7, 0.05],
      [0.2, 0.45, 0.3, 0.7, 0.5, 0.1, 0.9, 0.6, 0.65, 0.0],
    );
    expectClose(result.r, 0.9180374913121934, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.00017867780667798775);
  });

  it('is symmetric, invariant to positive affine maps and flips sign under negation', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const y = [2, 7, 1, 8, 2, 8, 1, 8];
    const base = pearsonCorrelation(x, y);
    expectClose(pearsonCorrelation(y, x).r, base.r, { rel: 1e-14, abs: 1e-12 });
    const shifted = pearsonCorrelation(x.map((v) => 1e3 + 2.5 * v), y);
    expectClose(shifted.r, base.r, { rel: 1e-12, abs: 1e-12 });
    expectClose(shifted.pValue, base.pValue, { rel: 1e-10, abs: 1e-12 });
    const negated = pearsonCorrelation(x.map((v) => -v), y);
    expectClose(negated.r, -base.r, { rel: 1e-14, abs: 1e-12 });
    expectClose(negated.pValue, base.pValue, { rel: 1e-12, abs: 1e-12 });
    expect(Math.abs(base.r)).toBeLessThanOrEqual(1);
    expect(base.pValue).toBeGreaterThanOrEqual(0);
    expect(base.pValue).toBeLessThanOrEqual(1);
  });

  it('gives r = ±1 with p = 0 for exact linear relations (n > 2) and p = 1 for n = 2', () => {
    const perfect = pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8]);
    expect(perfect.r).toBe(1);
    expect(perfect.pValue).toBe(0);
    expect(pearsonCorrelation([1, 2], [3, 1])).toEqual({ r: -1, pValue: 1 });
  });

  it('returns NaN for a constant input (scipy warns ConstantInputWarning and returns NaN)', () => {
    const result = pearsonCorrelation([1, 1, 1], [1, 2, 3]);
    expect(result.r).toBeNaN();
    expect(result.pValue).toBeNaN();
    expect(pearsonCorrelation([1, 2, 3], [4, 4, 4]).r).toBeNaN();
  });

  it('rejects unpaired, short and non-finite inputs', () => {
    expect(() => pearsonCorrelation([1, 2, 3], [1, 2])).toThrow(/pearsonCorrelation: x has 3 values but y has 2/);
    expect(() => pearsonCorrelation([1], [2])).toThrow(/pearsonCorrelation: x needs at least 2 values/);
    expect(() => pearsonCorrelation([1, Number.NaN], [1, 2])).toThrow(/x\[1\] is NaN/);
    expect(() => pearsonCorrelation([1, 2], [1, -Infinity])).toThrow(/y\[1\] is -Infinity/);
  });
});
