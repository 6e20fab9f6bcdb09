import { describe, expect, it } from 'vitest';
import { expectClose, P_VALUE_TOLERANCE } from '../test/close-to.js';
import type { RegressionCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { regressionMetrics } from './regression-metrics.js';

const regressionCases = loadReferenceSection<RegressionCase[]>('regression');

describe('regressionMetrics', () => {
  it('matches scikit-learn 1.2.1 and scipy 1.10.1 on the reference cases', () => {
    expect(regressionCases.length).toBe(2);
    for (const c of regressionCases) {
      const result = regressionMetrics(c.labels, c.predictions);
      expectClose(result.mae, c.mae);
      expectClose(result.rmse, c.rmse);
      expectClose(result.r2, c.r2);
      expectClose(result.mape, c.mape);
      expectClose(result.pearson.r, c.pearsonR);
      expectClose(result.pearson.pValue, c.pearsonPValue, P_VALUE_TOLERANCE);
      expectClose(result.spearman.rho, c.spearmanRho);
      expectClose(result.spearman.pValue, c.spearmanPValue, P_VALUE_TOLERANCE);
    }
  });

  it('matches the scikit-learn documentation examples', () => {
    // y = [3, -0.5, 2, 7], ŷ = [2.5, 0, 2, 8]: MAE 0.5, MSE 0.375, R² 0.9486081370449679, MAPE 0.3273809523809524.
    const result = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    expect(result.mae).toBe(0.5);
    expect(result.rmse).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(result.r2).toBeCloseTo(0.9486081370449679, 15);
    expect(result.mape).toBeCloseTo(0.3273809523809524, 15);
  });

  it('follows scikit-learn on degenerate labels: constant labels give R² 1 (perfect) or 0, zero labels use ε', () => {
    expect(regressionMetrics([0.1, 0.1, 0.1], [0.1, 0.1, 0.1]).r2).toBe(1);
    expect(regressionMetrics([0.1, 0.1, 0.1], [0.1, 0.2, 0.1]).r2).toBe(0);
    // mean_absolute_percentage_error([0, 1], [1, 1]) = 2251799813685248.0 (1 / 2⁻⁵², halved)
    expect(regressionMetrics([0, 1], [1, 1]).mape).toBe(2251799813685248);
    const constant = regressionMetrics([2, 2, 2], [1, 2, 3]);
    expect(constant.pearson.r).toBeNaN();
    expect(constant.spearman.rho).toBeNaN();
  });

  it('gives zero errors and R² = 1 for perfect predictions, and R² < 0 for worse than the mean', () => {
    const perfect = regressionMetrics([1, 4, 2, 8], [1, 4, 2, 8]);
    expect([perfect.mae, perfect.rmse, perfect.mape, perfect.r2]).toEqual([0, 0, 0, 1]);
    expect(regressionMetrics([1, 2, 3], [3, 2, 1]).r2).toBeLessThan(0);
    const shifted = regressionMetrics([1, 2, 3, 4], [2, 3, 4, 5]);
    expect(shifted.mae).toBe(1);
    expect(shifted.rmse).toBe(1);
    expect(shifted.rmse).toBeGreaterThanOrEqual(shifted.mae);
  });

  it('rejects unpaired, short and non-finite inputs', () => {
    expect(() => regressionMetrics([1, 2, 3], [1, 2])).toThrow(/regressionMetrics: labels has 3 values but predictions has 2/);
    expect(() => regressionMetrics([1], [1])).toThrow(/regressionMetrics: labels needs at least 2 values/);
    expect(() => regressionMetrics([1, Number.NaN], [1, 2])).toThrow(/labels\[1\] is NaN/);
    expect(() => regressionMetrics([1, 2], [1, Infinity])).toThrow(/predictions\[1\] is Infinity/);
  });
});
