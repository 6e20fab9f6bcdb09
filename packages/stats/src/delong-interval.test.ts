import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import type { BinaryClassificationCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { delongInterval } from './delong-interval.js';
import { createRandom, sampleStandardNormal } from './random.js';
import { normalQuantile } from './special/normal-distribution.js';

const binaryCases = loadReferenceSection<BinaryClassificationCase[]>('binary_classification');

/** DeLong's variance straight from the definition: every ψ(Xᵢ, Yⱼ), O(mn). */
function naiveDelong(labels: readonly number[], scores: readonly number[]): { auc: number; variance: number } {
  const xs = scores.filter((_, i) => labels[i] === 1);
  const ys = scores.filter((_, i) => labels[i] === 0);
  const psi = (x: number, y: number): number => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = xs.map((x) => ys.reduce((s, y) => s + psi(x, y), 0) / ys.length);
  const v01 = ys.map((y) => xs.reduce((s, x) => s + psi(x, y), 0) / xs.length);
  const auc = v10.reduce((s, v) => s + v, 0) / xs.length;
  const sampleVariance = (v: number[]): number => v.reduce((s, a) => s + (a - auc) ** 2, 0) / (v.length - 1);
  return { auc, variance: sampleVariance(v10) / xs.length + sampleVariance(v01) / ys.length };
}

/** AUC as the Mann–Whitney U statistic over m·n, from midranks of the pooled sample (O(N²) ranking). */
function mannWhitneyAuc(labels: readonly number[], scores: readonly number[]): number {
  let rankSum = 0;
  let m = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    m++;
    let less = 0;
    let equal = 0;
    for (const s of scores) {
      if (s < scores[i]!) less++;
      else if (s === scores[i]) equal++;
    }
    rankSum += less + (equal + 1) / 2;
  }
  const n = scores.length - m;
  return (rankSum - (m * (m + 1)) / 2) / (m * n);
}

function randomCase(seed: number, size: number, shift: number, rounding: number): { labels: number[]; scores: number[] } {
  const rng = createRandom(seed);
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < size; i++) {
    const label = rng.nextFloat() < 0.35 ? 1 : 0;
    labels.push(label);
    scores.push(Math.round((sampleStandardNormal(rng) + shift * label) * rounding) / rounding);
  }
  if (!labels.includes(1)) labels[0] = 1;
  if (!labels.includes(0)) labels[1] = 0;
  return { labels, scores };
}

describe('delongInterval', () => {
  it('AUC matches sklearn roc_auc_score on the reference cases (ties included)', () => {
    for (const c of binaryCases) {
      expectClose(delongInterval(c.labels, c.scores).auc, c.rocAuc, { rel: 1e-9, abs: 0 });
    }
  });

  it('agrees with the O(mn) placement-value definition and with Mann–Whitney U', () => {
    const cases = [randomCase(1, 40, 1, 1e6), randomCase(2, 301, 0.7, 4), randomCase(3, 150, 0, 1), randomCase(4, 500, 2, 10)];
    for (const { labels, scores } of cases) {
      const result = delongInterval(labels, scores, { confidence: 0.9 });
      const naive = naiveDelong(labels, scores);
      expect(Math.abs(result.auc - naive.auc)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(result.auc - mannWhitneyAuc(labels, scores))).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(result.standardError - Math.sqrt(naive.variance))).toBeLessThanOrEqual(1e-12);
      const z = -normalQuantile(0.05);
      expect(result.lower).toBeCloseTo(Math.max(0, naive.auc - z * Math.sqrt(naive.variance)), 12);
      expect(result.upper).toBeCloseTo(Math.min(1, naive.auc + z * Math.sqrt(naive.variance)), 12);
      expect(result.positives + result.negatives).toBe(labels.length);
    }
  });

  it('by hand: 3 positives, 3 negatives', () => {
    // ψ matrix (positives 0.35, 0.8, 0.9 vs negatives 0.1, 0.2, 0.4): rows [1,1,0], [1,1,1], [1,1,1].
    // V10 = [2/3, 1, 1], V01 = [1, 1, 2/3]; AUC = 8/9; S10 = S01 = 1/27; Var = 2·(1/27)/3 = 2/81.
    const result = delongInterval([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]);
    expect(result.auc).toBeCloseTo(8 / 9, 15);
    expect(result.standardError).toBeCloseTo(Math.sqrt(2 / 81), 15);
    expect(result.upper).toBe(1);
    expect(result.confidence).toBe(0.95);
  });

  it('is invariant under monotone transforms of the scores and under row order', () => {
    const { labels, scores } = randomCase(5, 200, 1, 8);
    const base = delongInterval(labels, scores);
    const transformed = delongInterval(labels, scores.map((s) => Math.exp(s) * 3 - 1));
    expect(transformed.auc).toBe(base.auc);
    expect(transformed.standardError).toBeCloseTo(base.standardError, 14);
    const order = labels.map((_, i) => i).reverse();
    const reordered = delongInterval(order.map((i) => labels[i]!), order.map((i) => scores[i]!));
    expect(reordered.auc).toBe(base.auc);
    expect(reordered.standardError).toBeCloseTo(base.standardError, 14);
  });

  it('mirrors: flipping the scores gives 1 − AUC with the same standard error', () => {
    const { labels, scores } = randomCase(6, 120, 0.8, 5);
    const base = delongInterval(labels, scores);
    const flipped = delongInterval(labels, scores.map((s) => -s));
    expect(flipped.auc).toBeCloseTo(1 - base.auc, 14);
    expect(flipped.standardError).toBeCloseTo(base.standardError, 14);
  });

  it('perfect separation has zero standard error; constant scores give AUC ½', () => {
    const perfect = delongInterval([0, 0, 0, 1, 1], [1, 2, 3, 4, 5], { transform: 'logit' });
    expect(perfect).toMatchObject({ auc: 1, standardError: 0, lower: 1, upper: 1 });
    const constant = delongInterval([0, 1, 0, 1], [7, 7, 7, 7]);
    expect(constant).toMatchObject({ auc: 0.5, standardError: 0, lower: 0.5, upper: 0.5 });
  });

  it('the logit interval lies inside (0, 1), contains the AUC and is asymmetric near 1', () => {
    const { labels, scores } = randomCase(7, 60, 3, 100);
    const plain = delongInterval(labels, scores);
    const logit = delongInterval(labels, scores, { transform: 'logit' });
    expect(logit.auc).toBe(plain.auc);
    expect(logit.standardError).toBe(plain.standardError);
    expect(logit.lower).toBeGreaterThan(0);
    expect(logit.upper).toBeLessThan(1);
    expect(logit.lower).toBeLessThan(logit.auc);
    expect(logit.upper).toBeGreaterThan(logit.auc);
    expect(logit.auc - logit.lower).toBeGreaterThan(logit.upper - logit.auc);
  });

  it('widens with the confidence level', () => {
    const { labels, scores } = randomCase(8, 200, 0.5, 10);
    const narrow = delongInterval(labels, scores, { confidence: 0.8 });
    const wide = delongInterval(labels, scores, { confidence: 0.99 });
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });

  it('rejects bad input', () => {
    expect(() => delongInterval([0, 1, 0], [0.1, 0.2])).toThrow(/^delongInterval: labels has 3 values but scores has 2/);
    expect(() => delongInterval([1, 1, 1], [0.1, 0.2, 0.3])).toThrow(/^delongInterval: labels hold a single class/);
    expect(() => delongInterval([0, 0], [0.1, 0.2])).toThrow(/single class/);
    expect(() => delongInterval([], [])).toThrow(/^delongInterval: scores must not be empty/);
    expect(() => delongInterval([0, 1, 0, 0], [1, 2, 3, 4])).toThrow(/^delongInterval: the DeLong variance needs at least 2 positives/);
    expect(() => delongInterval([0, 1, 2, 1], [1, 2, 3, 4])).toThrow(/^delongInterval: labels\[2\] is 2; labels must be 0 or 1/);
    expect(() => delongInterval([0, 1, 0, 1], [1, Number.NaN, 3, 4])).toThrow(/^delongInterval: scores\[1\] is NaN/);
    expect(() => delongInterval([0, 1, 0, 1], [1, 2, Infinity, 4])).toThrow(/^delongInterval: scores\[2\] is Infinity/);
    for (const confidence of [0, 1, 2, Number.NaN]) {
      expect(() => delongInterval([0, 1, 0, 1], [1, 2, 3, 4], { confidence })).toThrow(/^delongInterval: confidence must be in/);
    }
    expect(() => delongInterval([0, 1, 0, 1], [1, 2, 3, 4], { transform: 'probit' as 'logit' })).toThrow(
      /^delongInterval: transform must be/,
    );
  });
});
