import { splitScoresByLabel } from './roc-auc.js';
import { sortFloat64 } from './sort-float64.js';
import type { NumericSample } from './validate-input.js';

/**
 * Average precision, as `sklearn.metrics.average_precision_score`: AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score
 * thresholds taken from high to low (Pₙ, Rₙ the precision and recall of predicting positive when score ≥
 * threshold n), without interpolation. Scores may be any finite numbers. O(n log n).
 *
 * Throws a RangeError when the inputs are empty or unpaired, a label is not 0 or 1, a score is not finite, or
 * only one class is present. (With no positives scikit-learn warns and returns −0.0, recall being undefined; with
 * only positives it returns 1. Both are refused here, as for ROC AUC, so a metrics report never shows them.)
 * @example averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // { averagePrecision: 0.8333333333333333 }
 */
export function averagePrecision(labels: ArrayLike<number>, scores: NumericSample): { averagePrecision: number } {
  const { positives, negatives } = splitScoresByLabel('averagePrecision', labels, scores);
  const pos = sortFloat64(positives);
  const neg = sortFloat64(negatives);
  const totalPos = pos.length;
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let sum = 0;
  while (i >= 0) {
    // Next threshold: the largest score not yet passed; take every positive and negative equal to it at once.
    const v = j >= 0 && neg[j]! > pos[i]! ? neg[j]! : pos[i]!;
    const tpBefore = tp;
    while (i >= 0 && pos[i] === v) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === v) {
      fp++;
      j--;
    }
    if (tp > tpBefore) sum += ((tp - tpBefore) / totalPos) * (tp / (tp + fp));
  }
  return { averagePrecision: sum };
}
