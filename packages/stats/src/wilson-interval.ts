import { normalQuantile } from './special/normal-distribution.js';
import { requireInRange, requireInteger } from './validate-input.js';

/** A confidence interval for a binomial proportion. */
export interface ProportionInterval {
  /** The observed proportion successes / trials. */
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
}

export interface WilsonIntervalOptions {
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/**
 * The Wilson score interval for a binomial proportion (Wilson, 1927), as
 * `statsmodels.stats.proportion.proportion_confint(successes, trials, alpha, method='wilson')`.
 *
 * With p̂ = x/n and z = Φ⁻¹(1 − α/2): centre = (p̂ + z²/2n) / (1 + z²/n),
 * half-width = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n). Unlike the normal (Wald) interval it stays inside [0, 1]
 * and keeps a useful width at 0 or n successes. Bounds are clamped to [0, 1] to absorb rounding. O(1).
 *
 * Throws a RangeError unless trials is an integer ≥ 1, successes an integer in [0, trials] and confidence in (0, 1).
 * @example wilsonInterval(8, 10); // { estimate: 0.8, lower: 0.4901…, upper: 0.9433…, confidence: 0.95 }
 */
export function wilsonInterval(successes: number, trials: number, options: WilsonIntervalOptions = {}): ProportionInterval {
  const confidence = options.confidence ?? 0.95;
  requireInteger('wilsonInterval', 'trials', trials, 1);
  requireInteger('wilsonInterval', 'successes', successes, 0);
  if (successes > trials) {
    throw new RangeError(`wilsonInterval: successes (${successes}) must not exceed trials (${trials})`);
  }
  requireInRange('wilsonInterval', 'confidence', confidence, 0, 1);

  const estimate = successes / trials;
  // Upper-tail quantile through the lower tail, so a confidence near 1 keeps its precision.
  const z = -normalQuantile((1 - confidence) / 2);
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (estimate + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((estimate * (1 - estimate)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    estimate,
    lower: Math.max(0, centre - halfWidth),
    upper: Math.min(1, centre + halfWidth),
    confidence,
  };
}
