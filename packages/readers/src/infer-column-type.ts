import type { ColumnType } from '@bothub/core';
import { isMissingCell, parseDatetimeCell, parseLabelCell, parseNumberCell, parseVectorCell } from './parse-cell.js';
import type { RawCell } from './row-source.js';

/** Share of non-missing values that must parse as a typed kind (number, boolean word, date, vector) to infer it. */
export const TYPED_SHARE = 0.9;
/** Below this share of the best typed kind, the column is text-like; between it and {@link TYPED_SHARE} it is mixed. */
export const MIXED_SHARE = 0.5;

/** The inferred type of a column, or the reason the column cannot be typed (mixed kinds of values). */
export type InferredColumnType = { readonly type: ColumnType } | { readonly mixed: string };

const ID_WORD = /(^|[_\-\s.])(id|uuid|guid)$|^(id|uuid|guid)([_\-\s.]|$)/i;
// camelCase needs case: "userId" is an id name, "paid" is not.
const ID_CAMEL = /[a-z0-9](Id|ID|Uuid|UUID|Guid|GUID)$/;
const isIdName = (name: string): boolean => ID_WORD.test(name) || ID_CAMEL.test(name);
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no']);

/**
 * Infers a column's type from its first values (the reader passes the reference's first 10,000 rows). Missing cells
 * are left out; the rules, in order:
 * 1. no value → categorical;
 * 2. the typed kind most values parse as — boolean words (true/false/yes/no), numbers, ISO dates, JSON arrays of
 *    numbers — wins when at least 90 % parse as it: boolean words → boolean; numbers whose values are all 0 or 1 →
 *    boolean, integers with an id-like name (id, uuid, user_id, userId…) and ≥ 95 % distinct → id, other numbers →
 *    numerical (few integer codes stay numerical: override them as categorical); dates → datetime; arrays → embedding.
 *    Between 50 % and 90 % the column is mixed (an error: the caller names it);
 * 3. otherwise labels: distinct/values ≥ 0.95 and an id-like name → id; average length > 50 → text; all distinct
 *    (≥ 20 values) → id; more than 100 distinct and distinct/values > 0.5 → text; else categorical.
 * @example inferColumnType('churned', ['0', '1', '1', 'NA']); // { type: 'boolean' }
 */
export function inferColumnType(name: string, cells: readonly RawCell[]): InferredColumnType {
  let count = 0;
  let booleans = 0;
  let numbers = 0;
  let dates = 0;
  let vectors = 0;
  let onlyZeroOne = true;
  let integers = true;
  const numberValues = new Set<number>();
  for (const cell of cells) {
    if (isMissingCell(cell)) continue;
    count++;
    if (typeof cell === 'boolean' || (typeof cell === 'string' && BOOLEAN_WORDS.has(cell.trim().toLowerCase()))) {
      booleans++;
      continue;
    }
    if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'bigint') {
      const value = parseNumberCell(cell);
      if (value !== null) {
        numbers++;
        if (value !== 0 && value !== 1) onlyZeroOne = false;
        if (!Number.isInteger(value)) integers = false;
        numberValues.add(value);
        continue;
      }
    }
    if (cell instanceof Date || (typeof cell === 'string' && /^\s*\d{4}-\d{2}-\d{2}/.test(cell))) {
      if (parseDatetimeCell(cell) !== null) {
        dates++;
        continue;
      }
    }
    if (typeof cell === 'object' || (typeof cell === 'string' && cell.trimStart().startsWith('['))) {
      const vector = parseVectorCell(cell);
      if (vector !== null && vector !== 'missing') vectors++;
    }
  }
  if (count === 0) return { type: 'categorical' };

  const kinds = [
    { kind: 'boolean words', n: booleans },
    { kind: 'numbers', n: numbers },
    { kind: 'ISO dates', n: dates },
    { kind: 'JSON arrays of numbers', n: vectors },
  ].sort((a, b) => b.n - a.n);
  const best = kinds[0]!;
  const share = best.n / count;
  if (share >= TYPED_SHARE) {
    if (best.kind === 'boolean words') return { type: 'boolean' };
    if (best.kind === 'ISO dates') return { type: 'datetime' };
    if (best.kind === 'JSON arrays of numbers') return { type: 'embedding' };
    if (onlyZeroOne) return { type: 'boolean' };
    if (integers && isIdName(name) && numberValues.size / numbers >= 0.95) return { type: 'id' };
    return { type: 'numerical' };
  }
  if (share > MIXED_SHARE) {
    const percent = Math.round(share * 100);
    return { mixed: `${percent} % of the values in the first rows are ${best.kind} and ${100 - percent} % are not` };
  }

  const labels = new Set<string>();
  let totalLength = 0;
  for (const cell of cells) {
    const label = parseLabelCell(cell);
    if (label === null) continue;
    labels.add(label);
    totalLength += label.length;
  }
  const ratio = labels.size / count;
  if (ratio >= 0.95 && isIdName(name)) return { type: 'id' };
  if (totalLength / count > 50) return { type: 'text' };
  if (labels.size === count && count >= 20) return { type: 'id' };
  if (labels.size > 100 && ratio > 0.5) return { type: 'text' };
  return { type: 'categorical' };
}
