import { ApiError } from './errors.js';

/**
 * A query-string instant: epoch milliseconds or ISO 8601; undefined when absent; otherwise a 400 naming the field.
 *
 * @example
 * parseTime('2026-01-01T00:00:00Z', 'from'); // 1767225600000
 */
export function parseTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const time = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) throw new ApiError('validation_failed', { in: 'querystring', field, reason: 'expected epoch milliseconds or an ISO 8601 date' }, `querystring.${field}: expected epoch milliseconds or an ISO 8601 date`);
  return time;
}
