import { describe, expect, it } from 'vitest';
import { expectClose, P_VALUE_TOLERANCE } from '../test/close-to.js';
import type { RegressionCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { spearmanCorrelation } from './spearman-correlation.js';

const regressionCases = loadReferenceSection<RegressionCase[]>('regression');

describe('spearmanCorrelation', () => {
  it('matches scipy.stats.spearmanr on the reference regression cases', () => {
    expect(regressionCases.length).toBeGreaterThan(0);
    for (const c of regressionCases) {
      const result = spearmanCorrelation(c.labels, c.predictions);
      expectClose(result.rho, c.spearmanRho);
      expectClose(result.pValue, c.spearmanPValue, P_VALUE_TOLERANCE);
    }
  });

  it('matches scipy.stats.spearmanr on hand cases, with and without ties', () => {
    // scipy 1.10.1: spearmanr([1,2,3,4,5], [5,6,7,8,7]) = (0.8207826816681233, 0.08858700531354381)
    let result = spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expectClose(result.rho, 0.8207826816681233, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.08858700531354381, { rel: 1e-10, abs: 1e-12 });
    // spearmanr([1,2,2,3,4,4,4,9], [3,1,2,2,5,6,5,4]) = (0.6647116801916952, 0.07212432362439619)
    result = spearmanCorrelation([1, 2, 2, 3, 4, 4, 4, 9], [3, 1, 2, 2, 5, 6, 5, 4]);
    expectClose(result.rho, 0.6647116801916952, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.07212432362439619, { rel: 1e-10, abs: 1e-12 });
    // n = 200: spearmanr(arange(200), arange(200) + 300 sin(arange(200))) = (0.26339158478961977, 0.00016434293443977937)
    const x = Array.from({ length: 200 }, (_, i) => i);
    result = spearmanCorrelation(
      x,
      x.map((i) => i + 300 * Math.sin(i)),
    );
    expectClose(result.rho, 0.26339158478961977, { rel: 1e-12, abs: 1e-12 });
    expectClose(result.pValue, 0.00016434293443977937);
  });

  it('is invariant to strictly increasing transforms of either input', () => {
    const x = [0.3, 2.2, 1.1, 5.4, 3.3, 0.9, 4.1];
    const y = [1, 3, 2, 7, 4, 4, 6];
    const base = spearmanCorrelation(x, y);
    const transformed = spearmanCorrelation(
      x.map((v) => Math.exp(v)),
      y.map((v) => v ** 3 - 10),
    );
    expect(transformed.rho).toBe(base.rho);
    expect(transformed.pValue).toBe(base.pValue);
    expectClose(spearmanCorrelation(y, x).rho, base.rho, { rel: 1e-14, abs: 1e-12 });
  });

  it('gives ρ = ±1 with p = 0 for monotone data and p = NaN for n = 2 (zero degrees of freedom, as scipy)', () => {
    expect(spearmanCorrelation([1, 2, 3], [3, 2, 1])).toEqual({ rho: -1, pValue: 0 });
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 8, 27, 64]).rho).toBe(1);
    const two = spearmanCorrelation([1, 2], [3, 1]);
    expect(two.rho).toBe(-1);
    expect(two.pValue).toBeNaN();
  });

  it('returns NaN for a constant input (scipy warns ConstantInputWarning and returns NaN)', () => {
    const result = spearmanCorrelation([2, 2, 2, 2], [1, 2, 3, 4]);
    expect(result.rho).toBeNaN();
    expect(result.pValue).toBeNaN();
  });

  it('rejects unpaired, short and non-finite inputs', () => {
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow(/spearmanCorrelation: x has 3 values but y has 2/);
    expect(() => spearmanCorrelation([], [])).toThrow(/spearmanCorrelation: x needs at least 2 values/);
    expect(() => spearmanCorrelation([1, 2], [Number.NaN, 2])).toThrow(/y\[0\] is NaN/);
  });
});
