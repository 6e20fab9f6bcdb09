import { makeModel } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { Model } from '../registry/model-schema.js';
import { validateLabel } from './validate-label.js';

const now = Date.UTC(2026, 10, 22, 12);
const model: Model = makeModel({
  name: 'churn',
  task: 'multiclass_classification',
  features: [{ name: 'x', type: 'numerical' }],
  prediction: { type: 'categorical' },
  label: { type: 'categorical' },
  score: false,
});

describe('validateLabel', () => {
  it('accepts a label typed by the model, with the timestamp resolved', () => {
    expect(validateLabel(model, { id: 'r1', label: 'gold' }, now)).toEqual({ ok: true, label: { id: 'r1', label: 'gold', timestamp: now } });
    expect(validateLabel(model, { id: 'r1', label: 2, timestamp: '2026-11-21T00:00:00Z' }, now)).toEqual({ ok: true, label: { id: 'r1', label: '2', timestamp: Date.UTC(2026, 10, 21) } });
  });

  it('types the label as the prediction when the model declares none', () => {
    const numeric = { ...model, prediction: { type: 'numerical' as const }, label: null };
    expect(validateLabel(numeric, { id: 'r1', label: 3.5 }, now).ok).toBe(true);
    expect(validateLabel(numeric, { id: 'r1', label: 'a' }, now)).toEqual({ ok: false, outcome: { id: 'r1', status: 'rejected', field: 'label', reason: 'expected a finite number, got the string "a"' } });
  });

  it('rejects missing ids and labels, bad timestamps and non-objects', () => {
    expect(validateLabel(model, { label: 'a' }, now)).toEqual({ ok: false, outcome: { id: null, status: 'rejected', field: 'id', reason: 'expected a non-empty string' } });
    expect(validateLabel(model, { id: 'r1' }, now)).toEqual({ ok: false, outcome: { id: 'r1', status: 'rejected', field: 'label', reason: 'missing' } });
    expect(validateLabel(model, { id: 'r1', label: null }, now).ok).toBe(false);
    expect(validateLabel(model, { id: 'r1', label: {} }, now).ok).toBe(false);
    expect(validateLabel(model, { id: 'r1', label: 'a', timestamp: 'soon' }, now)).toMatchObject({ ok: false, outcome: { field: 'timestamp' } });
    for (const raw of [null, 'r1', [], 3]) expect(validateLabel(model, raw, now)).toMatchObject({ ok: false, outcome: { id: null } });
  });

  it('reads own properties only', () => {
    const raw: unknown = JSON.parse('{"__proto__":{"id":"evil","label":"x"}}');
    expect(validateLabel(model, raw, now)).toMatchObject({ ok: false, outcome: { field: 'id' } });
  });
});
