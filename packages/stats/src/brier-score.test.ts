import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import type { BinaryClassificationCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { brierScore } from './brier-score.js';

const binaryCases = loadReferenceSection<BinaryClassificationCase[]>('binary_classification');

describe('brierScore', () => {
  it('matches sklearn.metrics.brier_score_loss on the reference cases', () => {
    expect(binaryCases.length).toBeGreaterThan(0);
    for (const c of binaryCases) {
      expectClose(brierScore(c.labels, c.scores).brier, c.brier, { rel: 1e-9, abs: 0 });
    }
  });

  it('matches hand-checkable cases', () => {
    // sklearn docs: brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) = 0.0375
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]).brier).toBeCloseTo(0.0375, 15);
    expect(brierScore([0, 1], [0.5, 0.5]).brier).toBe(0.25);
    expect(brierScore([0, 1], [0, 1]).brier).toBe(0);
    expect(brierScore([0, 1], [1, 0]).brier).toBe(1);
  });

  it('accepts a single class and is symmetric under swapping labels and 1 − p', () => {
    expect(brierScore([0, 0], [0.1, 0.3]).brier).toBeCloseTo(0.05, 15);
    const labels = [0, 1, 1, 0, 1];
    const scores = [0.2, 0.7, 0.4, 0.9, 0.6];
    expect(
      brierScore(
        labels.map((l) => 1 - l),
        scores.map((s) => 1 - s),
      ).brier,
    ).toBeCloseTo(brierScore(labels, scores).brier, 15);
  });

  it('rejects scores outside [0, 1], bad labels and bad shapes', () => {
    expect(() => brierScore([1, 0], [1.5, 0.1])).toThrow(/brierScore: scores\[0\] must be in \[0, 1\]/);
    expect(() => brierScore([1, 0], [0.5, Infinity])).toThrow(/brierScore: scores\[1\] is Infinity/);
    expect(() => brierScore([2, 0], [0.5, 0.5])).toThrow(/brierScore: labels\[0\] is 2/);
    expect(() => brierScore([1, 0], [0.5])).toThrow(/labels has 2 values but scores has 1/);
  });
});
