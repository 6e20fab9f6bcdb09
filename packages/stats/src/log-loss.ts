import { requireBinaryLabels } from './confusion-matrix.js';
import { requireFiniteSample, requireInRange, requireSameLength, type NumericSample } from './validate-input.js';

/**
 * Throws a RangeError unless labels and probabilities are paired, non-empty, the labels 0/1 and every probability
 * a finite number in [0, 1]. Shared by log loss and the Brier score.
 * @example requireProbabilityScores('logLoss', [0, 1], [0.2, 0.9]);
 */
export function requireProbabilityScores(fn: string, labels: ArrayLike<number>, scores: NumericSample): void {
  requireSameLength(fn, 'labels', labels, 'scores', scores);
  requireFiniteSample(fn, 'scores', scores);
  requireBinaryLabels(fn, 'labels', labels);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s < 0 || s > 1) requireInRange(fn, `scores[${i}]`, s, 0, 1, true);
  }
}

/**
 * Mean binary cross-entropy of probabilities `scores` (of class 1) for 0/1 `labels`, as
 * `sklearn.metrics.log_loss(labels, scores)` in scikit-learn 1.2.1 (eps='auto'): each p is clipped to
 * [ε, 1 − ε] with ε = 2⁻⁵² (float64 machine epsilon), the row (1 − p, p) is renormalised by its sum, and
 * loss = −mean(y·ln p + (1 − y)·ln(1 − p)). Natural logarithm. O(n).
 *
 * The classes are always {0, 1}, so a single-class input is accepted (scikit-learn would need `labels=[0, 1]`).
 * Throws a RangeError for empty or unpaired inputs, labels other than 0/1, and scores outside [0, 1] or not finite.
 * @example logLoss([0, 1, 1], [0.1, 0.8, 0.6]); // ≈ { logLoss: 0.279777 }
 */
export function logLoss(labels: ArrayLike<number>, scores: NumericSample): { logLoss: number } {
  const fn = 'logLoss';
  requireProbabilityScores(fn, labels, scores);
  const lowest = Number.EPSILON;
  const highest = 1 - Number.EPSILON;
  const n = labels.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(highest, Math.max(lowest, scores[i]!));
    const q = 1 - p;
    // scikit-learn divides the clipped row (1 − p, p) by its float sum, which can differ from 1 by one ulp.
    const rowSum = q + p;
    sum -= Math.log((labels[i] === 1 ? p : q) / rowSum);
  }
  return { logLoss: sum / n };
}
