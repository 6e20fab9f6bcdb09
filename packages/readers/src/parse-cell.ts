import { isMissingText } from './is-missing-text.js';
import type { RawCell } from './row-source.js';

/**
 * A cell as a finite number: NaN when missing, null when it does not parse (a type mismatch). Text must be a whole
 * JavaScript number literal (surrounding blanks allowed); ±Infinity does not parse; bigint and boolean convert.
 * @example parseNumberCell(' 2.5 '); // 2.5
 */
export function parseNumberCell(cell: RawCell): number | null {
  if (typeof cell === 'string') {
    const fast = parsePlainDecimal(cell);
    if (fast === fast) return fast;
    const value = +cell;
    // `+''` and `+'  '` are 0: blank text is missing, not zero.
    if (value === value) return value === 0 && cell.trim().length === 0 ? NaN : Number.isFinite(value) ? value : null;
    return isMissingText(cell) ? NaN : null;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) || Number.isNaN(cell) ? cell : null;
  if (cell === null || cell === undefined) return NaN;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  return null;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Plain decimals ([-]digits[.digits], at most 15 significant digits) without the runtime call of Number(): the digits
 * as an integer divided by an exact power of ten is the correctly rounded value (Clinger's fast path), so the result
 * equals Number(text). NaN means "not this simple form": the caller falls back to Number().
 */
function parsePlainDecimal(text: string): number {
  const length = text.length;
  if (length === 0 || length > 17) return NaN;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
    if (length === 1) return NaN;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals === -1) {
      decimals = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  // −0 stays −0, as Number('-0') does.
  return negative ? -value : value;
}

const TRUE_WORDS = new Set(['true', 'yes', 't', 'y', '1', '1.0']);
const FALSE_WORDS = new Set(['false', 'no', 'f', 'n', '0', '0.0']);

/**
 * A cell as a boolean stored as 1/0: true/false, yes/no, t/f, y/n, 1/0 in any case, JSON booleans and the numbers 0
 * and 1; NaN when missing, null otherwise.
 * @example parseBooleanCell('Yes'); // 1
 */
export function parseBooleanCell(cell: RawCell): number | null {
  if (typeof cell === 'string') {
    const word = cell.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return 1;
    if (FALSE_WORDS.has(word)) return 0;
    return isMissingText(cell) ? NaN : null;
  }
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'number' || typeof cell === 'bigint') {
    const value = Number(cell);
    if (Number.isNaN(value)) return NaN;
    return value === 0 || value === 1 ? value : null;
  }
  if (cell === null || cell === undefined) return NaN;
  return null;
}

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A cell as a datetime in epoch milliseconds: ISO 8601 text (a date, or a date and time with optional seconds,
 * fraction and zone; no zone means UTC, so results do not depend on the machine's time zone), a Date, or a number
 * (taken as epoch milliseconds); NaN when missing, null otherwise.
 * @example parseDatetimeCell('2024-03-01 12:00'); // 1709294400000
 */
export function parseDatetimeCell(cell: RawCell): number | null {
  if (typeof cell === 'string') {
    const match = ISO_DATETIME.exec(cell.trim());
    if (match === null) return isMissingText(cell) ? NaN : null;
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h ?? 0);
    const minute = Number(mi ?? 0);
    const second = Number(s ?? 0);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
    const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
    let time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
    if (zone !== undefined && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
    }
    return time;
  }
  if (cell instanceof Date) {
    const time = cell.getTime();
    return Number.isNaN(time) ? null : time;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) || Number.isNaN(cell) ? cell : null;
  if (typeof cell === 'bigint') return Number(cell);
  if (cell === null || cell === undefined) return NaN;
  return null;
}

/**
 * A cell as a label (categorical, text, id): null when missing; numbers, booleans and dates by their text form,
 * other values as JSON.
 * @example parseLabelCell(3); // '3'
 */
export function parseLabelCell(cell: RawCell): string | null {
  if (typeof cell === 'string') return isMissingText(cell) ? null : cell;
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isNaN(cell) ? null : String(cell);
  if (typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/**
 * A cell as a vector: a JSON array of finite numbers (as text, an array, or a typed array); `missing` when the cell is
 * missing, null when it is something else.
 * @example parseVectorCell('[0.5, 1]'); // [0.5, 1]
 */
export function parseVectorCell(cell: RawCell): ArrayLike<number> | 'missing' | null {
  let value: unknown = cell;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (!text.startsWith('[')) return isMissingText(cell) ? 'missing' : null;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (value === null || value === undefined) return 'missing';
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const typed = value as unknown as ArrayLike<number | bigint>;
    const out = new Array<number>(typed.length);
    for (let i = 0; i < typed.length; i++) out[i] = Number(typed[i]);
    return out.every(Number.isFinite) ? out : null;
  }
  if (!Array.isArray(value) || value.length === 0) return null;
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i];
    const number = typeof element === 'number' ? element : typeof element === 'bigint' ? Number(element) : NaN;
    if (!Number.isFinite(number)) return null;
    out[i] = number;
  }
  return out;
}

/**
 * True when a cell is missing: null, undefined, NaN or a missing spelling in text.
 * @example isMissingCell('None'); // true
 */
export function isMissingCell(cell: RawCell): boolean {
  if (typeof cell === 'string') return isMissingText(cell);
  return cell === null || cell === undefined || (typeof cell === 'number' && Number.isNaN(cell));
}
