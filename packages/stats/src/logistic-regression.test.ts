import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from './logistic-regression.js';
import { createRandom, sampleStandardNormal } from './random.js';

/** The gradient of the penalized negative log-likelihood at (intercept, coefficients): zero at the optimum (KKT). */
function penalizedGradient(x: number[][], y: number[], intercept: number, coefficients: ArrayLike<number>, l2: number): number[] {
  const g = new Array<number>(coefficients.length + 1).fill(0);
  x.forEach((row, i) => {
    const eta = row.reduce((s, v, j) => s + v * coefficients[j]!, intercept);
    const r = 1 / (1 + Math.exp(-eta)) - y[i]!;
    g[0]! += r;
    row.forEach((v, j) => (g[j + 1]! += r * v));
  });
  for (let j = 0; j < coefficients.length; j++) g[j + 1]! += l2 * coefficients[j]!;
  return g;
}

const X = [
  [0.5, 1.2], [1.1, -0.3], [1.9, 0.8], [2.4, 2.2], [3.0, -1.1], [3.3, 0.4],
  [0.2, -0.7], [1.5, 1.9], [2.8, 1.0], [0.9, 0.1], [3.7, -0.2], [2.0, -1.5],
];
const Y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0];

describe('fitLogisticRegression', () => {
  it('agrees with scikit-learn LogisticRegression(C=1, lbfgs) on a small fixed data set', () => {
    // scikit-learn 1.2.1 (Debian python3-sklearn), /usr/bin/python3:
    //   m = LogisticRegression(C=1.0, solver='lbfgs', tol=1e-12, max_iter=100000).fit(X, y)
    //   m.intercept_[0] == -2.642864658023744; m.coef_[0] == [1.1363897758557655, 1.2007935952451971]
    // lbfgs stops with a gradient of ~2.6e-6 there, so the two agree to about 1e-5 (Newton goes further: see the KKT test).
    const fit = fitLogisticRegression(X, Y);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-2.642864658023744, 5);
    expect(fit.coefficients[0]).toBeCloseTo(1.1363897758557655, 5);
    expect(fit.coefficients[1]).toBeCloseTo(1.2007935952451971, 5);
  });

  it('returns a point where the gradient of the penalized log-likelihood is zero (KKT) for several penalties', () => {
    const rng = createRandom(11);
    const x = Array.from({ length: 200 }, () => [sampleStandardNormal(rng), sampleStandardNormal(rng) * 3, sampleStandardNormal(rng) + 1]);
    const y = x.map((row) => (rng.nextFloat() < 1 / (1 + Math.exp(-(0.5 + row[0]! - 0.3 * row[1]!))) ? 1 : 0));
    for (const l2 of [0, 0.1, 1, 10]) {
      const fit = fitLogisticRegression(x, y, { l2 });
      expect(fit.converged).toBe(true);
      for (const g of penalizedGradient(x, y, fit.intercept, fit.coefficients, l2)) expect(Math.abs(g)).toBeLessThan(1e-8);
    }
  });

  it('gives a finite slope on separable data with a penalty, and reports no convergence without one', () => {
    const x = [[0.1], [0.2], [0.3], [0.6], [0.7], [0.8]];
    const y = [0, 0, 0, 1, 1, 1];
    const penalized = fitLogisticRegression(x, y, { l2: 1 });
    expect(penalized.converged).toBe(true);
    expect(Number.isFinite(penalized.coefficients[0]!)).toBe(true);
    expect(penalized.coefficients[0]!).toBeGreaterThan(0);
    for (const g of penalizedGradient(x, y, penalized.intercept, penalized.coefficients, 1)) expect(Math.abs(g)).toBeLessThan(1e-8);
    // Without a penalty the likelihood has no maximum: the slope grows until the Hessian is singular.
    expect(fitLogisticRegression(x, y, { l2: 0, maxIterations: 50 }).converged).toBe(false);
  });

  it('gives intercept 0 on data symmetric about the origin', () => {
    const x = [[-3], [-2], [-1], [-0.5], [0.5], [1], [2], [3]];
    const y = [0, 0, 1, 0, 1, 0, 1, 1];
    const fit = fitLogisticRegression(x, y);
    expect(fit.intercept).toBeCloseTo(0, 12);
    expect(fit.coefficients[0]!).toBeGreaterThan(0);
  });

  it('shrinks the coefficients towards zero as the penalty grows, leaving the intercept free', () => {
    const slopes = [0.01, 1, 100].map((l2) => Math.abs(fitLogisticRegression(X, Y, { l2 }).coefficients[0]!));
    expect(slopes[0]!).toBeGreaterThan(slopes[1]!);
    expect(slopes[1]!).toBeGreaterThan(slopes[2]!);
    // With a huge penalty the model is the intercept alone: log(6/6) = 0 for 6 positives of 12.
    expect(fitLogisticRegression(X, Y, { l2: 1e12 }).intercept).toBeCloseTo(0, 6);
  });

  it('rejects invalid input with RangeErrors naming the cause', () => {
    expect(() => fitLogisticRegression([[1], [2]], [0, 2])).toThrow(/y\[1\] is 2/);
    expect(() => fitLogisticRegression([[1], [2]], [1, 1])).toThrow(/both outcomes/);
    expect(() => fitLogisticRegression([[1], [2]], [0, 1, 1])).toThrow(RangeError);
    expect(() => fitLogisticRegression([[1], [Number.NaN]], [0, 1])).toThrow(/finite/);
    expect(() => fitLogisticRegression([[1], [2]], [0, 1], { l2: -1 })).toThrow(/l2/);
  });
});
