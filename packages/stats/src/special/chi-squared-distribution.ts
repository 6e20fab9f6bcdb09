import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';

function requireArguments(fn: string, x: number, dof: number): void {
  if (!(dof > 0) || dof === Infinity) throw new RangeError(`${fn}: dof must be a finite number > 0, got ${String(dof)}`);
  if (Number.isNaN(x)) throw new RangeError(`${fn}: x is NaN`);
}

/**
 * P(X > x) for X ~ χ²(dof): Q(dof/2, x/2), the same as `scipy.stats.chi2.sf(x, dof)`. Small upper tails keep full
 * relative precision (see `regularizedGammaQ`). 1 for x ≤ 0.
 * @throws RangeError when dof is not a finite number > 0 or x is NaN.
 * @example chiSquaredSurvival(3.841458820694124, 1); // ≈ 0.05
 */
export function chiSquaredSurvival(x: number, dof: number): number {
  requireArguments('chiSquaredSurvival', x, dof);
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

/**
 * P(X ≤ x) for X ~ χ²(dof): P(dof/2, x/2), the same as `scipy.stats.chi2.cdf(x, dof)`. 0 for x ≤ 0.
 * @throws RangeError when dof is not a finite number > 0 or x is NaN.
 * @example chiSquaredCdf(2, 2); // 1 − e⁻¹ ≈ 0.6321205588285577
 */
export function chiSquaredCdf(x: number, dof: number): number {
  requireArguments('chiSquaredCdf', x, dof);
  if (x <= 0) return 0;
  return regularizedGammaP(dof / 2, x / 2);
}
