import { makeModel as makeTestModel } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { Model } from '../registry/model-schema.js';
import { validateRecord } from './validate-record.js';

const now = Date.UTC(2026, 10, 22, 12);

function creditModel(overrides: Partial<Model> = {}): Model {
  return makeTestModel({
    features: [
      { name: 'age', type: 'numerical', range: { min: 18, max: 100 } },
      { name: 'region', type: 'categorical', categories: ['north', 'south'] },
      { name: 'member', type: 'boolean' },
      { name: 'income', type: 'numerical', nullable: false },
      { name: 'vec', type: 'embedding', dimension: 3 },
    ],
    ...overrides,
  });
}

const versions = (v: string | undefined): string | null => (v === undefined || v === 'production' ? 'ver-1' : v === '2' ? 'ver-2' : null);
const good = { id: 'r1', timestamp: '2026-11-22T10:00:00Z', features: { age: 42, region: 'north', member: true, income: 1000, vec: [1, 2, 3] }, prediction: true, score: 0.8 };

function rejection(raw: unknown, model = creditModel()): { field: string; reason: string; id: string | null } {
  const result = validateRecord(model, raw, versions, now);
  if (result.ok) throw new Error('expected a rejection');
  if (result.outcome.status !== 'rejected') throw new Error('expected status rejected');
  return { field: result.outcome.field, reason: result.outcome.reason, id: result.outcome.id };
}

describe('validateRecord', () => {
  it('accepts a well-formed record and resolves version and timestamp', () => {
    const result = validateRecord(creditModel(), good, versions, now);
    expect(result).toEqual({
      ok: true,
      ignoredFeatures: 0,
      record: { id: 'r1', versionId: 'ver-1', timestamp: Date.parse(good.timestamp), features: good.features, prediction: true, score: 0.8, label: null, segment: null },
    });
  });

  it('stores absent or null nullable features as null and rejects a missing non-nullable one', () => {
    const result = validateRecord(creditModel(), { id: 'r1', features: { income: 5, region: null }, prediction: false }, versions, now);
    expect(result.ok && result.record.features).toEqual({ age: null, region: null, member: null, income: 5, vec: null });
    expect(result.ok && result.record.timestamp).toBe(now);
    expect(rejection({ ...good, features: { ...good.features, income: null } })).toEqual({ id: 'r1', field: 'features.income', reason: 'missing' });
  });

  it('rejects type mismatches with the field and reason', () => {
    expect(rejection({ ...good, features: { ...good.features, age: 'NaN' } })).toMatchObject({ field: 'features.age', reason: 'expected a finite number, got the string "NaN"' });
    expect(rejection({ ...good, features: { ...good.features, vec: [1, 2] } })).toMatchObject({ field: 'features.vec', reason: 'expected 3 dimensions, got 2' });
    expect(rejection({ ...good, features: { ...good.features, member: 'yes' } })).toMatchObject({ field: 'features.member' });
    expect(rejection({ ...good, features: { ...good.features, region: 'x'.repeat(10_001) } })).toMatchObject({ field: 'features.region', reason: 'category longer than 10000 characters (10001)' });
    expect(rejection({ ...good, features: { ...good.features, region: { nested: { deeper: [1] } } } })).toMatchObject({ field: 'features.region' });
  });

  it('accepts values outside the declared range and unseen categories (they are quality findings)', () => {
    const result = validateRecord(creditModel(), { ...good, features: { ...good.features, age: 500, region: 'mars' } }, versions, now);
    expect(result.ok && result.record.features).toMatchObject({ age: 500, region: 'mars' });
  });

  it('stringifies numeric and boolean categories', () => {
    const result = validateRecord(creditModel(), { ...good, features: { ...good.features, region: 7 } }, versions, now);
    expect(result.ok && result.record.features.region).toBe('7');
  });

  it('ignores and counts undeclared features', () => {
    const result = validateRecord(creditModel(), { ...good, features: { ...good.features, newFeature: 1, other: null } }, versions, now);
    expect(result.ok && result.ignoredFeatures).toBe(2);
    expect(result.ok && 'newFeature' in result.record.features).toBe(false);
  });

  it('resolves versions and aliases, and rejects unknown ones', () => {
    const v2 = validateRecord(creditModel(), { ...good, version: '2' }, versions, now);
    expect(v2.ok && v2.record.versionId).toBe('ver-2');
    expect(rejection({ ...good, version: 'nope' })).toEqual({ id: 'r1', field: 'version', reason: 'unknown version or alias "nope"' });
    expect(rejection({ ...good, version: 3 })).toMatchObject({ field: 'version' });
    const noAlias = validateRecord(creditModel(), good, () => null, now);
    expect(!noAlias.ok && noAlias.outcome).toEqual({ id: 'r1', status: 'rejected', field: 'version', reason: 'no version given and the model has no production alias' });
  });

  it('checks id, timestamp, prediction, score and label', () => {
    expect(rejection({ ...good, id: '' })).toEqual({ id: null, field: 'id', reason: 'expected a non-empty string' });
    expect(rejection({ ...good, id: 5 })).toMatchObject({ field: 'id' });
    expect(rejection({ ...good, id: 'x'.repeat(201) })).toMatchObject({ field: 'id' });
    expect(rejection({ ...good, timestamp: '2026-11-22T10:00:00' })).toMatchObject({ field: 'timestamp' });
    expect(rejection({ ...good, timestamp: now + 2 * 86_400_000 })).toMatchObject({ field: 'timestamp', reason: 'more than 1 day in the future' });
    expect(rejection({ ...good, prediction: undefined })).toEqual({ id: 'r1', field: 'prediction', reason: 'missing' });
    expect(rejection({ ...good, prediction: 'maybe' })).toMatchObject({ field: 'prediction' });
    expect(rejection({ ...good, score: 1.5 })).toEqual({ id: 'r1', field: 'score', reason: 'outside [0, 1] (1.5)' });
    expect(rejection({ ...good, score: '0.5' })).toMatchObject({ field: 'score' });
    expect(rejection({ ...good, label: 'x' })).toMatchObject({ field: 'label' });
    const labelled = validateRecord(creditModel(), { ...good, label: 1 }, versions, now);
    expect(labelled.ok && labelled.record.label).toBe(true);
    const noScore = validateRecord(creditModel({ score: false }), { ...good, score: 7 }, versions, now);
    expect(noScore.ok && noScore.record.score).toBeNull();
  });

  it('rejects records that are not objects', () => {
    for (const raw of [null, 1, 'x', [good], undefined]) expect(rejection(raw)).toMatchObject({ field: 'record', id: null });
    expect(rejection({ ...good, features: [1, 2] })).toMatchObject({ field: 'features' });
  });

  it('derives the segment from segment fields unless the record names one', () => {
    const model = creditModel({ segmentFields: ['region', 'member'] });
    const derived = validateRecord(model, good, versions, now);
    expect(derived.ok && derived.record.segment).toBe('region=north,member=true');
    const partial = validateRecord(model, { ...good, features: { income: 1 } }, versions, now);
    expect(partial.ok && partial.record.segment).toBe('region=,member=');
    const explicit = validateRecord(model, { ...good, segment: 'eu' }, versions, now);
    expect(explicit.ok && explicit.record.segment).toBe('eu');
    expect(rejection({ ...good, segment: 5 }, model)).toMatchObject({ field: 'segment' });
  });

  it('survives hostile keys without polluting prototypes', () => {
    const model = creditModel({ features: [{ name: '__proto__', type: 'numerical' }, { name: 'constructor', type: 'categorical' }, { name: 'toString', type: 'numerical' }] });
    const raw: unknown = JSON.parse('{"id":"h1","features":{"__proto__":{"polluted":1},"constructor":"c","hasOwnProperty":1},"prediction":true,"__proto__":{"polluted":2}}');
    expect(rejection(raw, model)).toMatchObject({ field: 'features.__proto__' });
    const ok: unknown = JSON.parse('{"id":"h2","features":{"__proto__":3,"constructor":"c"},"prediction":true}');
    const result = validateRecord(model, ok, versions, now);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.getPrototypeOf(result.record.features)).toBeNull();
      expect(Object.hasOwn(result.record.features, '__proto__')).toBe(true);
      const stored = new Map(Object.entries(result.record.features));
      expect(stored.get('__proto__')).toBe(3);
      expect(stored.get('toString')).toBeNull();
      expect(result.ignoredFeatures).toBe(0);
    }
    // Inherited properties are never read as features: a plain {} has toString and constructor on its prototype.
    const inherited = validateRecord(model, { id: 'h3', features: {}, prediction: true }, versions, now);
    expect(inherited.ok && Object.entries(inherited.record.features)).toEqual([['__proto__', null], ['constructor', null], ['toString', null]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
