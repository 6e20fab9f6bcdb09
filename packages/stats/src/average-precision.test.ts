import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import type { BinaryClassificationCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { averagePrecision } from './average-precision.js';
import { createRandom } from './random.js';

const binaryCases = loadReferenceSection<BinaryClassificationCase[]>('binary_classification');

// Σ (Rₙ − Rₙ₋₁)·Pₙ straight from the definition: for each distinct threshold, count predictions with score ≥ it.
function definitionAp(labels: readonly number[], scores: readonly number[]): number {
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  const positives = labels.filter((l) => l === 1).length;
  let previousRecall = 0;
  let ap = 0;
  for (const t of thresholds) {
    let tp = 0;
    let predicted = 0;
    for (let i = 0; i < labels.length; i++) {
      if (scores[i]! >= t) {
        predicted++;
        if (labels[i] === 1) tp++;
      }
    }
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / predicted);
    previousRecall = recall;
  }
  return ap;
}

describe('averagePrecision', () => {
  it('matches sklearn.metrics.average_precision_score on the reference cases', () => {
    expect(binaryCases.length).toBeGreaterThan(0);
    for (const c of binaryCases) {
      expectClose(averagePrecision(c.labels, c.scores).averagePrecision, c.averagePrecision, { rel: 1e-9, abs: 0 });
    }
  });

  it('matches hand-checkable cases', () => {
    // sklearn docs: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333333333333333
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).averagePrecision).toBeCloseTo(0.8333333333333333, 15);
    // average_precision_score([1,0,1,0,1,1], [0.5,0.5,0.5,0.2,0.9,0.2]) = 0.7916666666666666 (tied thresholds)
    expect(averagePrecision([1, 0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.2, 0.9, 0.2]).averagePrecision).toBeCloseTo(
      0.7916666666666666,
      15,
    );
    expect(averagePrecision([0, 1, 1], [0.1, 0.7, 0.9]).averagePrecision).toBe(1);
  });

  it('equals the definition on random tied data and stays in [0, 1]', () => {
    const rng = createRandom(21);
    for (const n of [50, 2500]) {
      const labels: number[] = [];
      const scores: number[] = [];
      for (let i = 0; i < n; i++) {
        const label = rng.nextFloat() < 0.3 ? 1 : 0;
        labels.push(label);
        scores.push(Math.round((0.2 * label + rng.nextFloat()) * 50) / 50);
      }
      const ap = averagePrecision(labels, scores).averagePrecision;
      expect(ap).toBeCloseTo(definitionAp(labels, scores), 12);
      expect(ap).toBeGreaterThanOrEqual(0);
      expect(ap).toBeLessThanOrEqual(1);
      expect(averagePrecision(labels, scores.map((s) => 3 * s ** 3 + 1)).averagePrecision).toBe(ap);
    }
  });

  it('equals the prevalence when all scores tie (a single threshold)', () => {
    expect(averagePrecision([1, 0, 0, 0], [0.5, 0.5, 0.5, 0.5]).averagePrecision).toBe(0.25);
  });

  it('rejects a single class, labels other than 0/1, non-finite scores and bad shapes', () => {
    expect(() => averagePrecision([0, 0], [0.1, 0.2])).toThrow(/averagePrecision: labels hold only class 0/);
    expect(() => averagePrecision([1, 1], [0.1, 0.2])).toThrow(/only class 1/);
    expect(() => averagePrecision([0, -1], [0.1, 0.2])).toThrow(/labels\[1\] is -1/);
    expect(() => averagePrecision([0, 1], [0.1, Number.NaN])).toThrow(/scores\[1\] is NaN/);
    expect(() => averagePrecision([0, 1, 1], [0.1, 0.2])).toThrow(/labels has 3 values but scores has 2/);
  });
});
