import { requireProbabilityScores } from './log-loss.js';
import type { NumericSample } from './validate-input.js';

/**
 * Brier score: the mean squared difference between the probability of class 1 and the 0/1 outcome,
 * (1/n)·Σ (yᵢ − pᵢ)², as `sklearn.metrics.brier_score_loss`. 0 is perfect; always predicting 0.5 scores 0.25. O(n).
 * Throws a RangeError for empty or unpaired inputs, labels other than 0/1, and scores outside [0, 1] or not finite.
 * @example brierScore([0, 1, 1], [0.1, 0.8, 0.6]); // { brier: 0.07 }
 */
export function brierScore(labels: ArrayLike<number>, scores: NumericSample): { brier: number } {
  requireProbabilityScores('brierScore', labels, scores);
  const n = labels.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = labels[i]! - scores[i]!;
    sum += d * d;
  }
  return { brier: sum / n };
}
