import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { multiclassClassificationMetrics } from './multiclass-classification-metrics.js';

type Averages = 'macro' | 'micro' | 'weighted';
type MulticlassCase = { labels: string[]; predictions: string[]; accuracy: number } & Record<
  `${'precision' | 'recall' | 'f1'}_${Averages}`,
  number
>;
const multiclassCases = loadReferenceSection<MulticlassCase[]>('multiclass_classification');

describe('multiclassClassificationMetrics', () => {
  it('matches scikit-learn 1.2.1 (zero_division=0) on the reference cases', () => {
    expect(multiclassCases.length).toBe(2);
    for (const c of multiclassCases) {
      const result = multiclassClassificationMetrics(c.labels, c.predictions);
      expectClose(result.accuracy, c.accuracy);
      for (const metric of ['precision', 'recall', 'f1'] as const) {
        for (const average of ['macro', 'micro', 'weighted'] as const) {
          expectClose(result[metric][average], c[`${metric}_${average}`]);
        }
      }
    }
  });

  it('matches the scikit-learn documentation example', () => {
    // precision_recall_fscore_support([0,1,2,0,1,2], [0,2,1,0,0,1]): macro P 0.2222, R 0.3333, F1 0.2667;
    // micro all 0.3333; weighted P 0.2222, F1 0.2667.
    const result = multiclassClassificationMetrics([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1]);
    expect(result.classes).toEqual([0, 1, 2]);
    expectClose(result.precision.macro, 2 / 9);
    expectClose(result.recall.macro, 1 / 3);
    expectClose(result.f1.macro, 4 / 15);
    expectClose(result.precision.micro, 1 / 3);
    expectClose(result.f1.micro, 1 / 3);
    expectClose(result.precision.weighted, 2 / 9);
    expectClose(result.f1.weighted, 4 / 15);
    expect(result.confusionMatrix).toEqual([
      [2, 0, 0],
      [1, 0, 1],
      [0, 2, 0],
    ]);
  });

  it('counts classes seen only in predictions, with zero recall and zero precision where undefined', () => {
    // scikit-learn: y = [a b c a b], ŷ = [a c c d b] → per class P [1, 1, .5, 0], R [.5, .5, 1, 0],
    // macro (0.625, 0.5, 0.5), micro 0.6, weighted (0.9, 0.6, 0.6666666666666666).
    const result = multiclassClassificationMetrics(['a', 'b', 'c', 'a', 'b'], ['a', 'c', 'c', 'd', 'b']);
    expect(result.classes).toEqual(['a', 'b', 'c', 'd']);
    expect(result.perClass.map((m) => [m.precision, m.recall, m.support])).toEqual([
      [1, 0.5, 2],
      [1, 0.5, 2],
      [0.5, 1, 1],
      [0, 0, 0],
    ]);
    expectClose(result.precision.macro, 0.625);
    expectClose(result.recall.macro, 0.5);
    expectClose(result.f1.macro, 0.5);
    expectClose(result.precision.micro, 0.6);
    expectClose(result.precision.weighted, 0.9);
    expectClose(result.recall.weighted, 0.6);
    expectClose(result.f1.weighted, 0.6666666666666666);
  });

  it('gives micro precision = recall = F1 = accuracy, and 1 everywhere for perfect predictions', () => {
    const labels = ['x', 'y', 'z', 'x', 'y', 'y', 'z'];
    const result = multiclassClassificationMetrics(labels, ['x', 'y', 'x', 'x', 'z', 'y', 'z']);
    expectClose(result.precision.micro, result.accuracy);
    expectClose(result.recall.micro, result.accuracy);
    expectClose(result.f1.micro, result.accuracy);
    const perfect = multiclassClassificationMetrics(labels, labels);
    for (const metric of ['precision', 'recall', 'f1'] as const) {
      expect(perfect[metric]).toEqual({ macro: 1, micro: 1, weighted: 1 });
    }
  });

  it('rejects empty, unpaired, mixed-kind and non-finite labels', () => {
    expect(() => multiclassClassificationMetrics([], [])).toThrow(/multiclassClassificationMetrics: labels must not be empty/);
    expect(() => multiclassClassificationMetrics(['a'], ['a', 'b'])).toThrow(/labels has 1 values but predictions has 2/);
    expect(() => multiclassClassificationMetrics(['a', 1], ['a', 'a'])).toThrow(/do not mix strings and numbers/);
    expect(() => multiclassClassificationMetrics([1, Number.NaN], [1, 1])).toThrow(/labels\[1\] is NaN/);
  });
});
