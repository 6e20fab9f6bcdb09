import { describe, expect, it } from 'vitest';
import { makeDataset } from '@bothub/testkit';
import { selectRows } from './select-rows.js';

describe('selectRows', () => {
  it('keeps the chosen rows of every column, aligned, and recounts missing values', () => {
    const dataset = makeDataset('d.csv', {
      age: { type: 'numerical', values: [30, null, 50, 60] },
      region: { type: 'categorical', values: ['n', 's', null, 'n'] },
      emb: { type: 'embedding', values: [[1, 0], [0, 1], null, [1, 1]] },
    });
    const subset = selectRows(dataset, Int32Array.of(1, 2, 3), 'd.csv [x]');
    expect(subset.source).toBe('d.csv [x]');
    expect(subset.sampledRows).toBe(3);
    const age = subset.columns.get('age')!;
    expect(age.values.storage === 'numeric' && Array.from(age.values.values)).toEqual([Number.NaN, 50, 60]);
    expect(age.counts.missing).toBe(1);
    const region = subset.columns.get('region')!;
    expect(region.values.storage === 'categorical' && Array.from(region.values.codes, (c) => (c < 0 ? null : region.values.storage === 'categorical' ? region.values.dictionary[c] : null))).toEqual(['s', null, 'n']);
    const emb = subset.columns.get('emb')!;
    expect(emb.values.storage === 'embedding' && Array.from(emb.values.vectors.data)).toEqual([0, 1, 0, 0, 1, 1]);
    expect(emb.counts.missing).toBe(1);
  });
});
