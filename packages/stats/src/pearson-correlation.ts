import { incompleteBetaTails } from './special/incomplete-beta.js';
import { requireFiniteSample, requireSameLength, type NumericSample } from './validate-input.js';

/** Pearson's correlation coefficient and its two-sided p-value. */
export interface PearsonCorrelationResult {
  /** Correlation coefficient in [−1, 1]; NaN when either input is constant. */
  readonly r: number;
  /** Two-sided p-value for H₀: no correlation (normal data); NaN when either input is constant. */
  readonly pValue: number;
}

/**
 * Pearson's product-moment correlation r = Σ(x−x̄)(y−ȳ) / (‖x−x̄‖·‖y−ȳ‖) with the two-sided p-value of
 * `scipy.stats.pearsonr` (scipy 1.10.1): under H₀, r follows a Beta(n/2 − 1, n/2 − 1) distribution on [−1, 1],
 * so p = 2·I_{(1−|r|)/2}(n/2 − 1, n/2 − 1). O(n).
 *
 * Edge cases (as scipy): n = 2 gives r = ±1 and p = 1; a constant x or y gives r = NaN and p = NaN (scipy warns
 * with ConstantInputWarning and returns NaN too). Throws a RangeError for fewer than 2 pairs, unequal lengths,
 * NaN or ±Infinity.
 * @example pearsonCorrelation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]); // ≈ { r: 0.774597, pValue: 0.124027 }
 */
export function pearsonCorrelation(x: NumericSample, y: NumericSample): PearsonCorrelationResult {
  const fn = 'pearsonCorrelation';
  requireSameLength(fn, 'x', x, 'y', y);
  requireFiniteSample(fn, 'x', x, 2);
  requireFiniteSample(fn, 'y', y, 2);
  return correlateFinite(x, y);
}

/**
 * Pearson r and p for validated, paired, finite inputs of length ≥ 2. Shared with Spearman's rank correlation
 * (which only needs r).
 * @example correlateFinite([1, 2, 3], [2, 4, 7]).r; // ≈ 0.9934
 */
export function correlateFinite(x: NumericSample, y: NumericSample): PearsonCorrelationResult {
  const n = x.length;
  if (isConstant(x) || isConstant(y)) return { r: Number.NaN, pValue: Number.NaN };
  if (n === 2) return { r: Math.sign(x[1]! - x[0]!) * Math.sign(y[1]! - y[0]!), pValue: 1 };
  const meanX = mean(x);
  const meanY = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // One square root of the product keeps exact ±1 for y = c·x with c a power of two (e.g. reversed ranks);
  // separate roots guard against overflow or underflow of the product.
  let norm = Math.sqrt(sxx * syy);
  if (!Number.isFinite(norm) || norm === 0) norm = Math.sqrt(sxx) * Math.sqrt(syy);
  const r = Math.max(-1, Math.min(1, sxy / norm));
  const shape = n / 2 - 1;
  const absR = Math.abs(r);
  // Two-sided: 2·P(R > |r|) with R ~ Beta(shape, shape) on [−1, 1], i.e. 2·I_{(1−|r|)/2}(shape, shape).
  const pValue = 2 * incompleteBetaTails((1 - absR) / 2, (1 + absR) / 2, shape, shape).lower;
  return { r, pValue: Math.min(1, pValue) };
}

function isConstant(values: NumericSample): boolean {
  const first = values[0]!;
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

// Mean with one correction pass (the residual sum), accurate even when the values share a large offset.
function mean(values: NumericSample): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const first = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += values[i]! - first;
  return first + residual / n;
}
