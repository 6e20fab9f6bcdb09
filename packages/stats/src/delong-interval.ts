import { normalQuantile } from './special/normal-distribution.js';
import { sortFloat64 } from './sort-float64.js';
import type { NumericSample } from './validate-input.js';
import { requireFiniteSample, requireInRange, requireSameLength } from './validate-input.js';

export interface DelongIntervalOptions {
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
  /**
   * `'none'` (default): AUC ± z·SE, clipped to [0, 1]. `'logit'`: the interval is built on logit(AUC) with the
   * delta-method standard error SE / (AUC(1 − AUC)) and mapped back, so it always lies inside (0, 1) and is
   * asymmetric near the ends.
   */
  readonly transform?: 'none' | 'logit';
}

/** ROC AUC with its DeLong standard error and confidence interval. */
export interface AucInterval {
  readonly auc: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly positives: number;
  readonly negatives: number;
}

/**
 * ROC AUC with the DeLong, DeLong & Clarke-Pearson (1988) nonparametric variance and a normal confidence interval.
 *
 * For positives X₁…X_m and negatives Y₁…Y_n, with ψ(x, y) = 1 if x > y, ½ if x = y, 0 otherwise, the placement
 * values are V₁₀(Xᵢ) = (1/n)Σⱼ ψ(Xᵢ, Yⱼ) and V₀₁(Yⱼ) = (1/m)Σᵢ ψ(Xᵢ, Yⱼ). AUC = mean V₁₀ = mean V₀₁ (the
 * Mann–Whitney U / mn, equal to `sklearn.metrics.roc_auc_score`), and
 * Var(AUC) = S₁₀/m + S₀₁/n with S₁₀, S₀₁ the sample variances (denominator m − 1, n − 1) of the placement values.
 * The interval is AUC ± Φ⁻¹(1 − α/2)·SE, clipped to [0, 1] (or on the logit scale with `transform: 'logit'`).
 *
 * The placement values come from the two sorted classes with one merge pass, which is Sun & Xu's (2014) midrank
 * algorithm (V₁₀(Xᵢ) = (rank of Xᵢ among all − rank among positives)/n with midranks): O(N log N) for N = m + n.
 *
 * Labels must be 0 or 1 (1 = positive); higher scores mean more likely positive. Throws a RangeError on length
 * mismatch, non-finite scores, other labels, fewer than 2 positives or 2 negatives (the variance needs two of
 * each; a single class has no AUC at all) or a confidence outside (0, 1).
 * @example delongInterval([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]); // { auc: 0.8889, standardError: 0.1571, lower: 0.5809, upper: 1, … }
 */
export function delongInterval(
  labels: ArrayLike<number>,
  scores: NumericSample,
  options: DelongIntervalOptions = {},
): AucInterval {
  const fn = 'delongInterval';
  const confidence = options.confidence ?? 0.95;
  // Typed as string: callers from plain JavaScript can pass anything.
  const transform: string = options.transform ?? 'none';
  requireSameLength(fn, 'labels', labels, 'scores', scores);
  requireFiniteSample(fn, 'scores', scores);
  requireInRange(fn, 'confidence', confidence, 0, 1);
  if (transform !== 'none' && transform !== 'logit') {
    throw new RangeError(`${fn}: transform must be 'none' or 'logit', got ${transform}`);
  }

  const total = labels.length;
  let m = 0;
  for (let i = 0; i < total; i++) {
    const label = labels[i];
    if (label === 1) m++;
    else if (label !== 0) throw new RangeError(`${fn}: labels[${i}] is ${String(label)}; labels must be 0 or 1`);
  }
  const n = total - m;
  if (m === 0 || n === 0) {
    throw new RangeError(`${fn}: labels hold a single class (${m} positives, ${n} negatives); AUC needs both`);
  }
  if (m < 2 || n < 2) {
    throw new RangeError(`${fn}: the DeLong variance needs at least 2 positives and 2 negatives, got ${m} and ${n}`);
  }

  const positiveScores = new Float64Array(m);
  const negativeScores = new Float64Array(n);
  for (let i = 0, p = 0, q = 0; i < total; i++) {
    if (labels[i] === 1) positiveScores[p++] = scores[i]!;
    else negativeScores[q++] = scores[i]!;
  }
  const positives = sortFloat64(positiveScores);
  const negatives = sortFloat64(negativeScores);

  // Twice the placement counts (2·#below + #tied) are integers, exact in double precision below 2^53.
  const twiceV10 = new Float64Array(m);
  let twiceSum = 0;
  for (let i = 0, below = 0, atOrBelow = 0; i < m; i++) {
    const x = positives[i]!;
    while (below < n && negatives[below]! < x) below++;
    if (atOrBelow < below) atOrBelow = below;
    while (atOrBelow < n && negatives[atOrBelow]! <= x) atOrBelow++;
    const twice = below + atOrBelow;
    twiceV10[i] = twice;
    twiceSum += twice;
  }
  const twiceV01 = new Float64Array(n);
  for (let j = 0, below = 0, atOrBelow = 0; j < n; j++) {
    const y = negatives[j]!;
    while (below < m && positives[below]! < y) below++;
    if (atOrBelow < below) atOrBelow = below;
    while (atOrBelow < m && positives[atOrBelow]! <= y) atOrBelow++;
    // 2·#above + #tied = 2m − (#below + #at-or-below).
    twiceV01[j] = 2 * m - below - atOrBelow;
  }

  const auc = twiceSum / (2 * m * n);
  let s10 = 0;
  for (let i = 0; i < m; i++) {
    const d = twiceV10[i]! / (2 * n) - auc;
    s10 += d * d;
  }
  let s01 = 0;
  for (let j = 0; j < n; j++) {
    const d = twiceV01[j]! / (2 * m) - auc;
    s01 += d * d;
  }
  const variance = s10 / ((m - 1) * m) + s01 / ((n - 1) * n);
  const standardError = Math.sqrt(variance);
  const z = -normalQuantile((1 - confidence) / 2);

  let lower: number;
  let upper: number;
  if (transform === 'logit' && standardError > 0 && auc > 0 && auc < 1) {
    const centre = Math.log(auc / (1 - auc));
    const halfWidth = (z * standardError) / (auc * (1 - auc));
    lower = 1 / (1 + Math.exp(-(centre - halfWidth)));
    upper = 1 / (1 + Math.exp(-(centre + halfWidth)));
  } else {
    // AUC of exactly 0 or 1 forces every placement value equal, so SE = 0 and the interval is the point.
    lower = Math.max(0, auc - z * standardError);
    upper = Math.min(1, auc + z * standardError);
  }
  return { auc, standardError, lower, upper, confidence, positives: m, negatives: n };
}
