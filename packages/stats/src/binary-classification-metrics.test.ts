import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import type { BinaryClassificationCase } from '../test/reference-file.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { binaryClassificationMetrics } from './binary-classification-metrics.js';

const binaryCases = loadReferenceSection<BinaryClassificationCase[]>('binary_classification');

const METRICS = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier'] as const;

describe('binaryClassificationMetrics', () => {
  it('matches scikit-learn 1.2.1 on every reference case and metric', () => {
    expect(binaryCases.length).toBe(3);
    for (const c of binaryCases) {
      const result = binaryClassificationMetrics(c.labels, c.scores, { threshold: c.threshold });
      for (const metric of METRICS) expectClose(result[metric], c[metric]);
      expect(result.confusionMatrix).toEqual(c.confusionMatrix);
    }
  });

  it('computes threshold metrics by hand on a small case (score ≥ threshold is positive)', () => {
    // labels 1 1 0 0 1, scores .9 .5 .5 .2 .1 → predictions at 0.5: 1 1 1 0 0 → tp 2, fp 1, fn 1, tn 1.
    const result = binaryClassificationMetrics([1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.2, 0.1]);
    expect(result.confusionMatrix).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(result.accuracy).toBe(0.6);
    expect(result.precision).toBeCloseTo(2 / 3, 15);
    expect(result.recall).toBeCloseTo(2 / 3, 15);
    expect(result.f1).toBeCloseTo(2 / 3, 15);
  });

  it('moves predictions with options.threshold and uses zero_division = 0', () => {
    const labels = [1, 0, 1, 0];
    const scores = [0.6, 0.4, 0.7, 0.2];
    const none = binaryClassificationMetrics(labels, scores, { threshold: 0.95 });
    expect(none.confusionMatrix).toEqual([
      [2, 0],
      [2, 0],
    ]);
    expect(none.precision).toBe(0);
    expect(none.recall).toBe(0);
    expect(none.f1).toBe(0);
    expect(binaryClassificationMetrics(labels, scores, { threshold: 0 }).recall).toBe(1);
    // Ranking and probability metrics do not depend on the threshold.
    expect(none.rocAuc).toBe(binaryClassificationMetrics(labels, scores).rocAuc);
  });

  it('keeps every metric in its range', () => {
    const result = binaryClassificationMetrics([0, 1, 1, 0, 1, 0], [0.3, 0.8, 0.45, 0.55, 0.9, 0.05]);
    for (const metric of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'brier'] as const) {
      expect(result[metric]).toBeGreaterThanOrEqual(0);
      expect(result[metric]).toBeLessThanOrEqual(1);
    }
    expect(result.logLoss).toBeGreaterThan(0);
  });

  it('rejects a single class, out-of-range scores, bad labels, shapes and thresholds', () => {
    expect(() => binaryClassificationMetrics([1, 1], [0.2, 0.8])).toThrow(/labels hold only class 1/);
    expect(() => binaryClassificationMetrics([1, 0], [2, 0.8])).toThrow(
      /binaryClassificationMetrics: scores\[0\] must be in \[0, 1\]/,
    );
    expect(() => binaryClassificationMetrics([1, 5], [0.2, 0.8])).toThrow(/binaryClassificationMetrics: labels\[1\] is 5/);
    expect(() => binaryClassificationMetrics([1, 0], [0.2])).toThrow(/labels has 2 values but scores has 1/);
    expect(() => binaryClassificationMetrics([], [])).toThrow(/scores must not be empty/);
    expect(() => binaryClassificationMetrics([1, 0], [0.2, 0.8], { threshold: Number.NaN })).toThrow(
      /options.threshold must be a finite number, got NaN/,
    );
  });
});
