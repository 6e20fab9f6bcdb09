import { describe, expect, it } from 'vitest';
import { coerceValue, MAX_CATEGORY_LENGTH, MAX_TEXT_LENGTH } from './coerce-value.js';

describe('coerceValue', () => {
  it('takes finite numbers only for numerical', () => {
    expect(coerceValue('numerical', 1.5)).toEqual({ ok: true, value: 1.5 });
    for (const bad of ['1.5', 'NaN', true, [1], {}, Number.NaN, Infinity]) expect(coerceValue('numerical', bad).ok).toBe(false);
    expect(coerceValue('numerical', 'NaN')).toEqual({ ok: false, reason: 'expected a finite number, got the string "NaN"' });
  });

  it('takes true/false and 0/1 for boolean', () => {
    expect(coerceValue('boolean', true)).toEqual({ ok: true, value: true });
    expect(coerceValue('boolean', 0)).toEqual({ ok: true, value: false });
    expect(coerceValue('boolean', 1)).toEqual({ ok: true, value: true });
    for (const bad of ['true', 2, null, []]) expect(coerceValue('boolean', bad).ok).toBe(false);
  });

  it('stringifies numbers and booleans for categorical, and bounds the length', () => {
    expect(coerceValue('categorical', 'a')).toEqual({ ok: true, value: 'a' });
    expect(coerceValue('categorical', 3)).toEqual({ ok: true, value: '3' });
    expect(coerceValue('categorical', false)).toEqual({ ok: true, value: 'false' });
    expect(coerceValue('categorical', 'x'.repeat(MAX_CATEGORY_LENGTH)).ok).toBe(true);
    expect(coerceValue('categorical', 'x'.repeat(MAX_CATEGORY_LENGTH + 1))).toEqual({ ok: false, reason: `category longer than ${MAX_CATEGORY_LENGTH} characters (${MAX_CATEGORY_LENGTH + 1})` });
    for (const bad of [{}, [], Number.NaN]) expect(coerceValue('categorical', bad).ok).toBe(false);
  });

  it('takes strings for text up to its limit', () => {
    expect(coerceValue('text', 'hello')).toEqual({ ok: true, value: 'hello' });
    expect(coerceValue('text', 3).ok).toBe(false);
    expect(coerceValue('text', 'x'.repeat(MAX_TEXT_LENGTH + 1)).ok).toBe(false);
  });

  it('takes arrays of finite numbers of the declared dimension for embeddings', () => {
    expect(coerceValue('embedding', [1, 2, 3], 3)).toEqual({ ok: true, value: [1, 2, 3] });
    expect(coerceValue('embedding', [1, 2], 3)).toEqual({ ok: false, reason: 'expected 3 dimensions, got 2' });
    expect(coerceValue('embedding', [1, '2', 3], 3)).toEqual({ ok: false, reason: 'element 1: expected a finite number, got the string "2"' });
    expect(coerceValue('embedding', [1, [2], 3], 3).ok).toBe(false);
    expect(coerceValue('embedding', 'abc', 3).ok).toBe(false);
    expect(coerceValue('embedding', [], undefined).ok).toBe(false);
  });
});
