import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regressionMetrics } from './regression-metrics.js';

interface RegressionCase {
  labels: number[];
  predictions: number[];
  mae: number;
  rmse: number;
  r2: number;
  mape: number;
  pearsonR: number;
  pearsonPValue: number;
  spearmanRho: number;
  spearmanPValue: number;
}
const referencePath =
  process.env.BOTHUB_STATS_REFERENCE ?? path.resolve(import.meta.dirname, '../../..', '../shared/reference/stats-reference.json');
const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as { regression: RegressionCase[] };

function expectClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(rel * Math.abs(expected), 1e-12));
}

describe('regressionMetrics', () => {
  it('matches scikit-learn 1.2.1 and scipy 1.10.1 on the reference cases', () => {
    expect(reference.regression.length).toBe(2);
    for (const c of reference.regression) {
      const result = regressionMetrics(c.labels, c.predictions);
      expectClose(result.mae, c.mae, 1e-9);
      expectClose(result.rmse, c.rmse, 1e-9);
      expectClose(result.r2, c.r2, 1e-9);
      expectClose(result.mape, c.mape, 1e-9);
      expectClose(result.pearson.r, c.pearsonR, 1e-9);
      expectClose(result.pearson.pValue, c.pearsonPValue, 1e-6);
      expectClose(result.spearman.rho, c.spearmanRho, 1e-9);
      expectClose(result.spearman.pValue, c.spearmanPValue, 1e-6);
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
