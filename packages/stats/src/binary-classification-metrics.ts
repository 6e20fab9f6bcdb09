import { averagePrecision } from './average-precision.js';
import { brierScore } from './brier-score.js';
import { logLoss, requireProbabilityScores } from './log-loss.js';
import { rocAuc } from './roc-auc.js';
import type { NumericSample } from './validate-input.js';

/** Every binary-classification metric for one set of labels and scores. */
export interface BinaryClassificationMetrics {
  /** (tp + tn) / n. */
  readonly accuracy: number;
  /** tp / (tp + fp); 0 when nothing is predicted positive. */
  readonly precision: number;
  /** tp / (tp + fn). */
  readonly recall: number;
  /** 2·precision·recall / (precision + recall); 0 when both are 0. */
  readonly f1: number;
  /** [[tn, fp], [fn, tp]]: rows are the true class 0, 1; columns the predicted class 0, 1. */
  readonly confusionMatrix: [[number, number], [number, number]];
  readonly rocAuc: number;
  readonly averagePrecision: number;
  readonly logLoss: number;
  readonly brier: number;
}

/**
 * Threshold metrics (predicted positive when score ≥ threshold) and ranking/probability metrics of `scores`
 * (probabilities of class 1) for 0/1 `labels`, equal to scikit-learn 1.2.1's `accuracy_score`,
 * `precision_score`, `recall_score`, `f1_score` (zero_division=0: a ratio with a zero denominator is 0),
 * `confusion_matrix`, `roc_auc_score`, `average_precision_score`, `log_loss` and `brier_score_loss`. O(n log n).
 *
 * Throws a RangeError for empty or unpaired inputs, labels other than 0/1, scores outside [0, 1] or not finite,
 * a threshold that is not a finite number, and labels of a single class (ROC AUC and AP are undefined).
 * @example binaryClassificationMetrics([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).rocAuc; // 0.75
 */
export function binaryClassificationMetrics(
  labels: ArrayLike<number>,
  scores: NumericSample,
  options: { readonly threshold?: number } = {},
): BinaryClassificationMetrics {
  const fn = 'binaryClassificationMetrics';
  const threshold = options.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) {
    throw new RangeError(`${fn}: options.threshold must be a finite number, got ${String(threshold)}`);
  }
  requireProbabilityScores(fn, labels, scores);
  const n = labels.length;
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const actual = labels[i] === 1;
    if (actual) positives++;
    if (scores[i]! >= threshold) {
      if (actual) tp++;
      else fp++;
    }
  }
  const fn_ = positives - tp;
  const tn = n - positives - fp;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = positives === 0 ? 0 : tp / positives;
  // scikit-learn forms F1 from precision and recall (not from counts); same value up to rounding.
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    accuracy: (tp + tn) / n,
    precision,
    recall,
    f1,
    confusionMatrix: [
      [tn, fp],
      [fn_, tp],
    ],
    rocAuc: rocAuc(labels, scores).auc,
    averagePrecision: averagePrecision(labels, scores).averagePrecision,
    logLoss: logLoss(labels, scores).logLoss,
    brier: brierScore(labels, scores).brier,
  };
}
