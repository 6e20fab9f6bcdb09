import { describe, expect, it } from 'vitest';
import { collectClasses, confusionMatrix, requireBinaryLabels } from './confusion-matrix.js';

describe('confusionMatrix', () => {
  it('lays out 0/1 data as [[tn, fp], [fn, tp]]', () => {
    // sklearn.metrics.confusion_matrix([0,1,1,0,1], [0,1,0,1,1]) = [[1, 1], [1, 2]]
    expect(confusionMatrix([0, 1, 1, 0, 1], [0, 1, 0, 1, 1])).toEqual({ classes: [0, 1], matrix: [[1, 1], [1, 2]] });
  });

  it('uses the sorted union of classes, rows true and columns predicted', () => {
    // sklearn.metrics.confusion_matrix(['b','a','B','é'], ['a','a','b','é']) with classes ['B','a','b','é']
    expect(confusionMatrix(['b', 'a', 'B', 'é'], ['a', 'a', 'b', 'é'])).toEqual({
      classes: ['B', 'a', 'b', 'é'],
      matrix: [
        [0, 0, 1, 0],
        [0, 1, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 1],
      ],
    });
  });

  it('keeps the given class order and its classes even when absent', () => {
    const result = confusionMatrix([0, 0], [0, 0], { classes: [1, 0] });
    expect(result).toEqual({ classes: [1, 0], matrix: [[0, 0], [0, 2]] });
    expect(confusionMatrix([0, 0], [0, 0]).matrix).toEqual([[2]]);
  });

  it('has entries summing to n with row sums equal to class supports', () => {
    const labels = ['x', 'y', 'z', 'x', 'x', 'z'];
    const predictions = ['y', 'y', 'x', 'x', 'z', 'z'];
    const { matrix } = confusionMatrix(labels, predictions);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(6);
    expect(matrix.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([3, 1, 2]);
  });

  it('rejects empty, unpaired, mixed-kind, non-finite and unlisted labels', () => {
    expect(() => confusionMatrix([], [])).toThrow(/confusionMatrix: labels must not be empty/);
    expect(() => confusionMatrix([1, 0], [1])).toThrow(/labels has 2 values but predictions has 1/);
    expect(() => confusionMatrix([1, 'a'], [1, 1])).toThrow(/labels\[1\] is a string but earlier labels are numbers/);
    expect(() => confusionMatrix(['a', 'b'], ['a', 2])).toThrow(/predictions\[1\] is a number/);
    expect(() => confusionMatrix([1, Number.NaN], [1, 1])).toThrow(/labels\[1\] is NaN/);
    expect(() => confusionMatrix([1, 2], [1, 1], { classes: [1] })).toThrow(/labels\[1\] is 2, not one of options.classes/);
    expect(() => confusionMatrix([1, 1], [1, 3], { classes: [1] })).toThrow(/predictions\[1\] is 3/);
    expect(() => confusionMatrix([1], [1], { classes: [1, 1] })).toThrow(/lists 1 twice/);
    expect(() => confusionMatrix([1], [1], { classes: [] })).toThrow(/options.classes must not be empty/);
  });
});

describe('collectClasses', () => {
  it('sorts numbers numerically and strings by code point, as Python does', () => {
    expect(collectClasses('f', [10, 2], [3.5, 2])).toEqual([2, 3.5, 10]);
    // U+FF21 (fullwidth A) is a BMP character above the surrogates; 😀 (U+1F600) is astral: Python puts it last.
    expect(collectClasses('f', ['😀', 'Ａ'], ['b'])).toEqual(['b', 'Ａ', '😀']);
  });
});

describe('requireBinaryLabels', () => {
  it('accepts 0 and 1 only', () => {
    expect(() => requireBinaryLabels('f', 'labels', [0, 1, 1])).not.toThrow();
    expect(() => requireBinaryLabels('f', 'labels', [0, 2])).toThrow(/f: labels\[1\] is 2; labels must be 0 or 1/);
    expect(() => requireBinaryLabels('f', 'labels', [0.5])).toThrow(RangeError);
  });
});
