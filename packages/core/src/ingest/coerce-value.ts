import type { FeatureSpec } from '../registry/model-schema.js';

/** Longest categorical value (and prediction/label class) accepted; a longer one is rejected, not truncated. */
export const MAX_CATEGORY_LENGTH = 10_000;
/** Longest text value accepted. */
export const MAX_TEXT_LENGTH = 100_000;

export type CoercedValue = { readonly ok: true; readonly value: number | string | boolean | readonly number[] } | { readonly ok: false; readonly reason: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks one present (non-null) value against a declared type and returns it in stored form, or why it is rejected.
 *
 * - numerical: a finite JSON number only; strings (even "1.5" or "NaN") and booleans are rejected.
 * - boolean: true/false, or the numbers 0 and 1 (stored as false/true).
 * - categorical: a string of at most {@link MAX_CATEGORY_LENGTH} characters, a finite number or a boolean; numbers
 *   and booleans are stored as their string spelling ("3", "true") so that 3 and "3" are one category.
 * - text: a string of at most {@link MAX_TEXT_LENGTH} characters.
 * - embedding: an array of exactly `dimension` finite numbers (any non-empty length when no dimension is declared).
 * Values outside a declared range or category list are accepted: they are data-quality findings, not type errors.
 * @example coerceValue('categorical', 3); // { ok: true, value: '3' }
 */
export function coerceValue(type: FeatureSpec['type'], value: unknown, dimension?: number): CoercedValue {
  switch (type) {
    case 'numerical':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      return { ok: false, reason: `expected a finite number, got ${describe(value)}` };
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 0 || value === 1) return { ok: true, value: value === 1 };
      return { ok: false, reason: `expected true or false, got ${describe(value)}` };
    case 'categorical':
      if (typeof value === 'string') {
        if (value.length > MAX_CATEGORY_LENGTH) return { ok: false, reason: `category longer than ${MAX_CATEGORY_LENGTH} characters (${value.length})` };
        return { ok: true, value };
      }
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
      if (typeof value === 'boolean') return { ok: true, value: String(value) };
      return { ok: false, reason: `expected a string, number or boolean category, got ${describe(value)}` };
    case 'text':
      if (typeof value !== 'string') return { ok: false, reason: `expected a string, got ${describe(value)}` };
      if (value.length > MAX_TEXT_LENGTH) return { ok: false, reason: `text longer than ${MAX_TEXT_LENGTH} characters (${value.length})` };
      return { ok: true, value };
    case 'embedding': {
      if (!Array.isArray(value)) return { ok: false, reason: `expected an array of numbers, got ${describe(value)}` };
      const vector = value as readonly unknown[];
      if (dimension !== undefined ? vector.length !== dimension : vector.length === 0) {
        return { ok: false, reason: `expected ${dimension ?? 'at least 1'} dimensions, got ${vector.length}` };
      }
      for (let i = 0; i < vector.length; i++) {
        const v = vector[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, reason: `element ${i}: expected a finite number, got ${describe(v)}` };
      }
      return { ok: true, value: vector as readonly number[] };
    }
  }
}
