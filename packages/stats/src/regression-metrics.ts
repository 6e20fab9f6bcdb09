import { pearsonCorrelation, type PearsonCorrelationResult } from './pearson-correlation.js';
import { spearmanCorrelation, type SpearmanCorrelationResult } from './spearman-correlation.js';
import { requireFiniteSample, requireSameLength, type NumericSample } from './validate-input.js';

export interface RegressionMetrics {
  /** Mean absolute error, (1/n)·Σ|yᵢ − ŷᵢ|. */
  readonly mae: number;
  /** Root mean squared error, √((1/n)·Σ(yᵢ − ŷᵢ)²). */
  readonly rmse: number;
  /** Mean absolute percentage error as a fraction (not ×100): (1/n)·Σ|yᵢ − ŷᵢ| / max(|yᵢ|, ε). */
  readonly mape: number;
  /** Coefficient of determination, 1 − SS_res / SS_tot. */
  readonly r2: number;
  readonly pearson: PearsonCorrelationResult;
  readonly spearman: SpearmanCorrelationResult;
}

/**
 * Regression metrics of `predictions` against true `labels`, equal to scikit-learn 1.2.1's
 * `mean_absolute_error`, `sqrt(mean_squared_error)`, `mean_absolute_percentage_error` (ε = 2⁻⁵², so a zero label
 * gives a huge but finite term) and `r2_score` (force_finite: constant labels give 1 for a perfect fit, else 0),
 * plus `scipy.stats.pearsonr` and `scipy.stats.spearmanr` (scipy 1.10.1). O(n log n).
 *
 * Constant labels or predictions make the correlations NaN (see `pearsonCorrelation`). Throws a RangeError for
 * fewer than 2 pairs, unequal lengths, NaN or ±Infinity.
 * @example regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]).r2; // 0.9486081370449679
 */
export function regressionMetrics(labels: NumericSample, predictions: NumericSample): RegressionMetrics {
  const fn = 'regressionMetrics';
  requireSameLength(fn, 'labels', labels, 'predictions', predictions);
  requireFiniteSample(fn, 'labels', labels, 2);
  requireFiniteSample(fn, 'predictions', predictions, 2);
  const n = labels.length;
  let sumAbs = 0;
  let sumSquared = 0;
  let sumPercentage = 0;
  let sumLabels = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const error = y - predictions[i]!;
    const absError = Math.abs(error);
    sumAbs += absError;
    sumSquared += error * error;
    sumPercentage += absError / Math.max(Math.abs(y), Number.EPSILON);
    sumLabels += y;
  }
  const meanLabel = sumLabels / n;
  // Constant labels have SS_tot = 0 exactly, even where the rounded mean differs from their common value.
  let constantLabels = true;
  for (let i = 1; i < n && constantLabels; i++) constantLabels = labels[i] === labels[0];
  let totalSquares = 0;
  if (!constantLabels) {
    for (let i = 0; i < n; i++) {
      const d = labels[i]! - meanLabel;
      totalSquares += d * d;
    }
  }
  let r2: number;
  if (totalSquares !== 0) r2 = 1 - sumSquared / totalSquares;
  else r2 = sumSquared === 0 ? 1 : 0;
  return {
    mae: sumAbs / n,
    rmse: Math.sqrt(sumSquared / n),
    mape: sumPercentage / n,
    r2,
    pearson: pearsonCorrelation(labels, predictions),
    spearman: spearmanCorrelation(labels, predictions),
  };
}
