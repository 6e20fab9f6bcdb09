import { requireBinaryLabels } from './confusion-matrix.js';
import { sortFloat64 } from './sort-float64.js';
import { requireFiniteSample, requireSameLength, type NumericSample } from './validate-input.js';

/**
 * Area under the ROC curve of `scores` for 0/1 `labels`, as `sklearn.metrics.roc_auc_score`: the trapezoidal area
 * over distinct thresholds, which equals the Mann–Whitney probability P(score⁺ > score⁻) + ½·P(score⁺ = score⁻).
 * Scores may be any finite numbers (only their order matters). O(n log n) by two radix sorts and a merge; the
 * pair counts are exact integers, so the result is exact up to one rounding (for n·n below 2^53).
 *
 * Throws a RangeError when the inputs are empty or unpaired, a label is not 0 or 1, a score is not finite, or
 * only one class is present (scikit-learn raises too: the AUC is undefined).
 * @example rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // { auc: 0.75 }
 */
export function rocAuc(labels: ArrayLike<number>, scores: NumericSample): { auc: number } {
  const fn = 'rocAuc';
  const { positives, negatives } = splitScoresByLabel(fn, labels, scores);
  const pos = sortFloat64(positives);
  const neg = sortFloat64(negatives);
  const nNeg = neg.length;
  // For each positive v: 2·#(neg < v) + #(neg = v) = below + atOrBelow.
  let below = 0;
  let atOrBelow = 0;
  let twiceWins = 0;
  for (let i = 0; i < pos.length; i++) {
    const v = pos[i]!;
    while (below < nNeg && neg[below]! < v) below++;
    if (atOrBelow < below) atOrBelow = below;
    while (atOrBelow < nNeg && neg[atOrBelow]! <= v) atOrBelow++;
    twiceWins += below + atOrBelow;
  }
  return { auc: twiceWins / (2 * pos.length * nNeg) };
}

/**
 * Validates paired 0/1 labels and finite scores (both classes required) and returns the scores of each class.
 * Shared by ROC AUC and average precision.
 * @example splitScoresByLabel('rocAuc', [1, 0, 1], [0.9, 0.2, 0.4]); // { positives: [0.9, 0.4], negatives: [0.2] }
 */
export function splitScoresByLabel(
  fn: string,
  labels: ArrayLike<number>,
  scores: NumericSample,
): { positives: Float64Array; negatives: Float64Array } {
  requireSameLength(fn, 'labels', labels, 'scores', scores);
  if (labels.length === 0) throw new RangeError(`${fn}: labels must not be empty`);
  const n = labels.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (label === 1) nPos++;
    else if (label !== 0) requireBinaryLabels(fn, 'labels', labels);
    if (!Number.isFinite(scores[i]!)) requireFiniteSample(fn, 'scores', scores);
  }
  if (nPos === 0 || nPos === n) {
    throw new RangeError(`${fn}: labels hold only class ${nPos === 0 ? 0 : 1}; both classes 0 and 1 are needed`);
  }
  const positives = new Float64Array(nPos);
  const negatives = new Float64Array(n - nPos);
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) positives[p++] = scores[i]!;
    else negatives[q++] = scores[i]!;
  }
  return { positives, negatives };
}
