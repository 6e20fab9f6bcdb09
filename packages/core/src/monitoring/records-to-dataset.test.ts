import { makeModel } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { Model } from '../registry/model-schema.js';
import type { StoredRecordLike } from './records-to-dataset.js';
import { recordsToDataset } from './records-to-dataset.js';

const model: Model = makeModel({
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'region', type: 'categorical' },
    { name: 'member', type: 'boolean' },
    { name: 'note', type: 'text' },
    { name: 'vec', type: 'embedding', dimension: 2 },
  ],
  prediction: { type: 'categorical' },
  label: { type: 'categorical' },
});

const records: StoredRecordLike[] = [
  { features: { age: 30, region: 'north', member: true, note: 'hi', vec: [1, 2] }, prediction: 'yes', score: 0.9, label: 'yes' },
  { features: { age: null, region: 'south', member: false, note: null, vec: null }, prediction: 'no', score: 0.1, label: null },
  { features: { age: 50, region: 'north', member: null, note: 'hi', vec: [3, 4] }, prediction: 'yes', score: null, label: 'no' },
  { features: { age: 30, region: 'north', member: true, note: 'hi', vec: [1, 2] }, prediction: 'yes', score: 0.9, label: 'yes' },
];

describe('recordsToDataset', () => {
  const dataset = recordsToDataset(model, records, 'window w1');

  it('has one column per feature plus prediction, score and label, with exact counts', () => {
    expect([...dataset.columns.keys()]).toEqual(['age', 'region', 'member', 'note', 'vec', 'prediction', 'score', 'label']);
    expect(dataset).toMatchObject({ source: 'window w1', totalRows: 4, sampledRows: 4, duplicateRows: 1 });
    expect(dataset.columns.get('age')!.counts).toEqual({ rows: 4, missing: 1, typeMismatches: 0, min: 30, max: 50 });
    expect(dataset.columns.get('label')!.counts).toMatchObject({ rows: 4, missing: 1 });
    expect(dataset.columns.get('vec')!.counts).toMatchObject({ rows: 4, missing: 1 });
  });

  it('stores each type as the monitors expect', () => {
    expect(dataset.columns.get('age')!.values).toEqual({ storage: 'numeric', values: Float64Array.of(30, Number.NaN, 50, 30) });
    expect(dataset.columns.get('member')!.values).toEqual({ storage: 'numeric', values: Float64Array.of(1, 0, Number.NaN, 1) });
    expect(dataset.columns.get('region')!.values).toEqual({ storage: 'categorical', codes: Int32Array.of(0, 1, 0, 0), dictionary: ['north', 'south'] });
    expect(dataset.columns.get('note')).toMatchObject({ type: 'text', values: { storage: 'categorical', codes: Int32Array.of(0, -1, 0, 0) } });
    expect(dataset.columns.get('vec')!.values).toEqual({ storage: 'embedding', vectors: { rows: 4, cols: 2, data: Float64Array.of(1, 2, 0, 0, 3, 4, 1, 2) }, missing: Uint8Array.of(0, 1, 0, 0) });
    expect(dataset.columns.get('score')!.values).toEqual({ storage: 'numeric', values: Float64Array.of(0.9, 0.1, Number.NaN, 0.9) });
    expect(dataset.columns.get('prediction')).toMatchObject({ type: 'categorical', values: { dictionary: ['yes', 'no'] } });
  });

  it('leaves out score and label when the model has none', () => {
    const bare = recordsToDataset({ ...model, score: false, label: null }, records, 'w');
    expect(bare.columns.has('score')).toBe(false);
    expect(bare.columns.has('label')).toBe(false);
  });

  it('handles an empty window', () => {
    const empty = recordsToDataset(model, [], 'w');
    expect(empty.totalRows).toBe(0);
    expect(empty.columns.get('age')!.counts).toEqual({ rows: 0, missing: 0, typeMismatches: 0 });
  });

  it('refuses a feature named like a role column', () => {
    expect(() => recordsToDataset({ ...model, features: [{ name: 'score', type: 'numerical' }] }, records, 'w')).toThrow(RangeError);
  });
});
