import { makeDataset } from '@bothub/testkit';
import type { ColumnSpec } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { DatasetColumn } from '../../dataset.js';
import { columnDistribution } from './column-distribution.js';

function column(spec: ColumnSpec): DatasetColumn {
  return makeDataset('test', { x: spec }).columns.get('x')!;
}

describe('columnDistribution', () => {
  it('bins numbers on 20 shared equal-width edges over both samples, tails in the outer bins', () => {
    // 0…100 in both: the 0.5 % and 99.5 % quantiles are 0.5 and 99.5, so 20 bins of width 4.95.
    const values = Array.from({ length: 101 }, (_, i) => i);
    const result = columnDistribution(column({ type: 'numerical', values: [...values, null] }), column({ type: 'numerical', values }));
    if (result.kind !== 'histogram') throw new Error('expected a histogram');
    expect(result.edges).toHaveLength(21);
    expect(result.edges[0]).toBeCloseTo(0.5, 12);
    expect(result.edges[20]).toBe(99.5);
    expect(result.edges[1]).toBeCloseTo(5.45, 12);
    // First bin: 0 (tail), 1…5 → 6 of 101; shares sum to 1.
    expect(result.reference[0]).toBeCloseTo(6 / 101, 12);
    expect(result.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.current).toEqual(result.reference);
  });

  it('widens a constant column by ±0.5 as numpy does', () => {
    const result = columnDistribution(column({ type: 'numerical', values: [3, 3] }), column({ type: 'numerical', values: [3] }));
    if (result.kind !== 'histogram') throw new Error('expected a histogram');
    expect(result.edges[0]).toBe(2.5);
    expect(result.edges[20]).toBe(3.5);
    expect(result.reference[10]).toBe(1);
  });

  it('gives category shares aligned by label, the rest under "(other)"', () => {
    const labels = Array.from({ length: 22 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    // c00 … c21, c00 twice as frequent; current adds "new" 3 times.
    const ref = column({ type: 'categorical', values: [...labels, 'c00', null] });
    const cur = column({ type: 'categorical', values: [...labels, 'new', 'new', 'new'] });
    const result = columnDistribution(ref, cur);
    if (result.kind !== 'categories') throw new Error('expected categories');
    expect(result.categories).toHaveLength(21);
    expect(result.categories.slice(0, 2)).toEqual(['c00', 'new']);
    expect(result.categories[20]).toBe('(other)');
    expect(result.reference[0]).toBeCloseTo(2 / 23, 12);
    expect(result.current[1]).toBeCloseTo(3 / 25, 12);
    expect(result.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('shows booleans as false/true and nothing for text, id and embedding', () => {
    expect(columnDistribution(column({ type: 'boolean', values: [true, false, false, false] }), column({ type: 'boolean', values: [true, true] }))).toEqual({
      kind: 'categories',
      categories: ['false', 'true'],
      reference: [0.75, 0.25],
      current: [0, 1],
    });
    const text = column({ type: 'text', values: ['a b c'] });
    expect(columnDistribution(text, text)).toEqual({ kind: 'none' });
    const empty = column({ type: 'numerical', values: [null] });
    expect(columnDistribution(empty, empty)).toEqual({ kind: 'none' });
  });
});
