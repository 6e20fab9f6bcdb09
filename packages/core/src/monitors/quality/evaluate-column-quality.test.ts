import { makeDataset } from '@bothub/testkit';
import type { ColumnSpec } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { DatasetColumn } from '../../dataset.js';
import { evaluateColumnQuality } from './evaluate-column-quality.js';

function column(spec: ColumnSpec): DatasetColumn {
  return makeDataset('test', { x: spec }).columns.get('x')!;
}

describe('evaluateColumnQuality', () => {
  it('describes a numerical column on both sides and the share of current values outside the reference range', () => {
    const q = evaluateColumnQuality(
      column({ type: 'numerical', values: [1, 2, 3, 4, null] }),
      column({ type: 'numerical', values: [2, 5, null, null, 0] }),
    );
    expect(q.reference).toMatchObject({ rows: 5, missing: 1, missingShare: 0.2, typeMismatches: 0, distinct: 4, constant: false, nearConstant: false, min: 1, max: 4, mean: 2.5 });
    expect(q.reference.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(q.current).toMatchObject({ rows: 5, missing: 2, missingShare: 0.4, distinct: 3, min: 0, max: 5 });
    expect(q.current.mean).toBeCloseTo(7 / 3, 12);
    // Deviations −1/3, 8/3, −7/3: squares sum to 38/3, over n − 1 = 2.
    expect(q.current.std).toBeCloseTo(Math.sqrt(19 / 3), 12);
    expect(q.outOfRangeShare).toBeCloseTo(2 / 3, 12); // 5 and 0 lie outside [1, 4]
    expect(q.unseenCategoryShare).toBeNull();
    expect(q.unseenCategories).toEqual([]);
    expect(q.missingShareChange).toBeCloseTo(0.2, 12);
  });

  it('detects a rise in missing values even when the non-missing values are identical', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const q = evaluateColumnQuality(
      column({ type: 'numerical', values }),
      column({ type: 'numerical', values: [...values, null, null, null, null, null, null, null, null, null, null] }),
    );
    expect(q.outOfRangeShare).toBe(0);
    expect(q.current.mean).toBe(q.reference.mean);
    expect(q.missingShareChange).toBe(0.5);
  });

  it('takes the reference range from the exact counts over all rows when the reader gave them', () => {
    const ref = column({ type: 'numerical', values: [1, 2, 3] });
    const widened: DatasetColumn = { ...ref, counts: { ...ref.counts, rows: 1000, min: -10, max: 10 } };
    const q = evaluateColumnQuality(widened, column({ type: 'numerical', values: [5, 9, 11] }));
    expect(q.reference.min).toBe(-10);
    expect(q.reference.max).toBe(10);
    expect(q.outOfRangeShare).toBeCloseTo(1 / 3, 12);
  });

  it('passes type mismatches through from the counts', () => {
    const cur = column({ type: 'numerical', values: [1, null, null] });
    const q = evaluateColumnQuality(column({ type: 'numerical', values: [1, 2, 3] }), { ...cur, counts: { ...cur.counts, typeMismatches: 2 } });
    expect(q.current.typeMismatches).toBe(2);
    expect(q.reference.typeMismatches).toBe(0);
  });

  it('finds categories unseen in the reference, matching labels across separate dictionaries', () => {
    const q = evaluateColumnQuality(
      column({ type: 'categorical', values: ['a', 'a', 'b', null] }),
      column({ type: 'categorical', values: ['d', 'c', 'a', 'c', 'b', null] }),
    );
    expect(q.reference).toMatchObject({ rows: 4, missing: 1, missingShare: 0.25, distinct: 2, constant: false, nearConstant: false });
    expect(q.reference.min).toBeUndefined();
    expect(q.current.distinct).toBe(4);
    expect(q.unseenCategoryShare).toBeCloseTo(3 / 5, 12);
    expect(q.unseenCategories).toEqual(['c', 'd']); // c twice, then d
    expect(q.outOfRangeShare).toBeNull();
  });

  it('lists at most 20 unseen categories, most frequent first and ties by label', () => {
    const current: string[] = [];
    for (let k = 0; k < 25; k++) for (let r = 0; r <= k % 5; r++) current.push(`u${String(k).padStart(2, '0')}`);
    const q = evaluateColumnQuality(column({ type: 'categorical', values: ['seen'] }), column({ type: 'categorical', values: current }));
    expect(q.unseenCategoryShare).toBe(1);
    expect(q.unseenCategories).toHaveLength(20);
    // Labels with k % 5 = 4 occur 5 times: u04, u09, u14, u19, u24 come first in label order.
    expect(q.unseenCategories.slice(0, 6)).toEqual(['u04', 'u09', 'u14', 'u19', 'u24', 'u03']);
  });

  it('labels unseen boolean values true/false', () => {
    const q = evaluateColumnQuality(column({ type: 'boolean', values: [true, true, true] }), column({ type: 'boolean', values: [true, false, null] }));
    expect(q.reference).toMatchObject({ distinct: 1, constant: true, nearConstant: true, min: 1, max: 1 });
    expect(q.unseenCategoryShare).toBe(0.5);
    expect(q.unseenCategories).toEqual(['false']);
    expect(q.outOfRangeShare).toBeNull();
  });

  it('calls a column near-constant when one value covers at least 95 % of the non-missing values', () => {
    const nineteen = [...Array<string>(19).fill('x'), 'y', null];
    const eighteen = [...Array<string>(18).fill('x'), 'y', 'z'];
    const q = evaluateColumnQuality(column({ type: 'categorical', values: nineteen }), column({ type: 'categorical', values: [...eighteen, null] }));
    expect(q.reference).toMatchObject({ distinct: 2, constant: false, nearConstant: true });
    expect(q.current).toMatchObject({ distinct: 3, constant: false, nearConstant: false });
    const numeric = evaluateColumnQuality(column({ type: 'numerical', values: [...Array<number>(19).fill(7), 8] }), column({ type: 'numerical', values: [7, 7] }));
    expect(numeric.reference.nearConstant).toBe(true);
    expect(numeric.current).toMatchObject({ constant: true, nearConstant: true, distinct: 1, std: 0 });
  });

  it('treats an all-missing column as constant with no statistics', () => {
    const q = evaluateColumnQuality(column({ type: 'numerical', values: [1, 2] }), column({ type: 'numerical', values: [null, null] }));
    expect(q.current).toMatchObject({ missing: 2, missingShare: 1, distinct: 0, constant: true, nearConstant: false, min: null, max: null, mean: null, std: null });
    expect(q.outOfRangeShare).toBeNull();
    expect(q.missingShareChange).toBe(1);
  });

  it('gives embedding columns missing counts and no distinct count', () => {
    const q = evaluateColumnQuality(column({ type: 'embedding', values: [[1, 0], null] }), column({ type: 'embedding', values: [[0, 1], [1, 1]] }));
    expect(q.reference).toMatchObject({ missing: 1, missingShare: 0.5, distinct: null, constant: false, nearConstant: false });
    expect(q.missingShareChange).toBe(-0.5);
  });

  it('does not compute a range for datetime columns', () => {
    const q = evaluateColumnQuality(column({ type: 'datetime', values: [0, 1000] }), column({ type: 'datetime', values: [5000] }));
    expect(q.outOfRangeShare).toBeNull();
    expect(q.current.min).toBe(5000);
  });

  it('rejects columns whose type differs between the datasets, naming the column', () => {
    expect(() => evaluateColumnQuality(column({ type: 'numerical', values: [1] }), column({ type: 'categorical', values: ['a'] }))).toThrow(
      /column "x" is numerical in the reference but categorical in the current data/,
    );
  });
});
