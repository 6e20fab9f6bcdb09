import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { inferTask } from './infer-task.js';

const column = (type: 'numerical' | 'categorical' | 'boolean', values: (number | string | null)[]) => makeDataset('d', { t: { type, values } }).columns.get('t')!;

describe('inferTask', () => {
  it('treats two classes as binary, more as multiclass', () => {
    expect(inferTask(column('categorical', ['a', 'b', null]), {})).toBe('binary_classification');
    expect(inferTask(column('boolean', [0, 1]), {})).toBe('binary_classification');
    expect(inferTask(column('categorical', ['a', 'b', 'c']), {})).toBe('multiclass_classification');
    expect(inferTask(column('numerical', [0, 1, 2, 3]), {})).toBe('multiclass_classification');
  });
  it('treats a numeric target with a fraction or more than 10 distinct values as regression', () => {
    expect(inferTask(column('numerical', [0, 1, 1.5]), {})).toBe('regression');
    expect(inferTask(column('numerical', Array.from({ length: 11 }, (_, i) => i)), {})).toBe('regression');
    expect(inferTask(column('numerical', Array.from({ length: 10 }, (_, i) => i)), {})).toBe('multiclass_classification');
  });
  it('counts classes over every column given, and keeps classification when scores are given', () => {
    expect(inferTask(column('numerical', [0, 1]), {}, column('numerical', [2]))).toBe('multiclass_classification');
    expect(inferTask(column('numerical', [0, 1, 0.5]), { score: 's' })).toBe('multiclass_classification');
  });
});
