import { makeDataset, makeModel } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { Model } from '../registry/model-schema.js';
import { buildReferenceProfile } from './build-reference-profile.js';

const model: Model = makeModel({
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'zip', type: 'categorical' },
    { name: 'member', type: 'boolean' },
    { name: 'absent', type: 'numerical' },
  ],
});

const n = 50;
const reference = makeDataset('train.csv', {
  age: { type: 'numerical', values: Array.from({ length: n }, (_, i) => (i === 3 ? null : 20 + i)) },
  zip: { type: 'numerical', values: Array.from({ length: n }, (_, i) => 1000 + (i % 3)) },
  member: { type: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'yes' : i === 1 ? 'maybe' : 'False')) },
  prediction: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 2 === 0) },
  score: { type: 'numerical', values: Array.from({ length: n }, (_, i) => i / n) },
  label: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 3 === 0) },
  extra: { type: 'numerical', values: Array.from({ length: n }, () => 1) },
});

describe('buildReferenceProfile', () => {
  it('keeps the model columns, conformed to the types windows store', () => {
    const profile = buildReferenceProfile(model, reference, { seed: 1 });
    expect(profile).toMatchObject({ formatVersion: 1, rows: n, seed: 1 });
    expect([...profile.reference.columns.keys()]).toEqual(['age', 'zip', 'member', 'prediction', 'score', 'label']);
    const zip = profile.reference.columns.get('zip')!;
    expect(zip.type).toBe('categorical');
    expect(zip.values.storage === 'categorical' && zip.values.dictionary).toEqual(['1000', '1001', '1002']);
    const member = profile.reference.columns.get('member')!;
    expect(member.type).toBe('boolean');
    expect(member.values.storage === 'numeric' && [...member.values.values.slice(0, 4)]).toEqual([1, Number.NaN, 1, 0]);
    expect(member.counts).toMatchObject({ rows: n, missing: 1, typeMismatches: 1, min: 0, max: 1 });
  });

  it('samples at most maxRows rows with a seed, keeping counts over every row', () => {
    const a = buildReferenceProfile(model, reference, { seed: 7, maxRows: 10 });
    const b = buildReferenceProfile(model, reference, { seed: 7, maxRows: 10 });
    const c = buildReferenceProfile(model, reference, { seed: 8, maxRows: 10 });
    expect(a.reference.sampledRows).toBe(10);
    expect(a.reference.totalRows).toBe(n);
    expect(a.reference.sampling).toBe('seeded random sample, 10 of 50 rows');
    const ages = (p: typeof a) => {
      const v = p.reference.columns.get('age')!.values;
      return v.storage === 'numeric' ? [...v.values] : [];
    };
    expect(ages(a)).toEqual(ages(b));
    expect(ages(a)).not.toEqual(ages(c));
    expect(ages(a)).toEqual([...ages(a)].sort((x, y) => x - y));
    expect(a.reference.columns.get('age')!.counts).toEqual(reference.columns.get('age')!.counts);
  });

  it('rejects a bad maxRows and a reference without any model column', () => {
    expect(() => buildReferenceProfile(model, reference, { seed: 1, maxRows: 0 })).toThrow(RangeError);
    expect(() => buildReferenceProfile(model, makeDataset('x.csv', { other: { type: 'numerical', values: [1] } }), { seed: 1 })).toThrow(/none of the columns/);
  });
});
