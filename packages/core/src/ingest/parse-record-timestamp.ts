/** Timestamps may lie at most this far ahead of the time of receipt (clock skew between producers and the service). */
export const MAX_FUTURE_SKEW_MS = 86_400_000;
/** Epoch milliseconds below this (1973-03-03) are almost surely epoch seconds sent by mistake. */
export const MIN_EPOCH_MS = 100_000_000_000;

// RFC 3339 / ISO 8601 extended format: a date, or a date and time with an explicit offset ("Z" or ±hh:mm).
// A time without an offset is rejected: its instant would depend on the server's time zone.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Epoch ms of an ISO 8601 string, or null when it is not one of the accepted forms or names an impossible date. */
function parseIso(text: string): number | null {
  const m = ISO_8601.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeapYear(year))) return null;
  let ms = daysFromCivil(year, month, day) * 86_400_000;
  if (m[4] === undefined) return ms;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // A leap second (:60) is read as the last millisecond of its minute.
  if (hour > 23 || minute > 59 || second > 60) return null;
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  ms += hour * 3_600_000 + minute * 60_000 + (second === 60 ? 59_999 : second * 1000 + fraction);
  const offset = m[8]!;
  if (offset !== 'Z' && offset !== 'z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    ms -= sign * (offsetHours * 3_600_000 + offsetMinutes * 60_000);
  }
  return ms;
}

/**
 * The instant of a record's `timestamp`, as epoch milliseconds, or the reason it is rejected.
 *
 * - Absent (undefined or null): the time of receipt, `now`.
 * - A number: epoch milliseconds, finite. Values below {@link MIN_EPOCH_MS} (before 1973-03-03) are rejected as
 *   probable epoch seconds.
 * - A string: ISO 8601 / RFC 3339, a date (`2026-11-22`, midnight UTC) or a date and time with an explicit offset
 *   (`2026-11-22T10:00:00Z`, `2026-11-22T10:00:00.123+01:00`). A time without an offset is rejected, since its
 *   instant would depend on the server's time zone. Impossible dates (February 30) are rejected.
 * - More than {@link MAX_FUTURE_SKEW_MS} (1 day) after `now`: rejected. Old timestamps are accepted (back-filling).
 * @example parseRecordTimestamp('2026-11-22T10:00:00Z', now); // { ok: true, timestamp: 1795255200000 }
 */
export function parseRecordTimestamp(value: unknown, now: number): { ok: true; timestamp: number } | { ok: false; reason: string } {
  let timestamp: number;
  if (value === undefined || value === null) return { ok: true, timestamp: now };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'expected epoch milliseconds, got a non-finite number' };
    if (value < MIN_EPOCH_MS) return { ok: false, reason: `epoch milliseconds before 1973-03-03 (${value}); epoch seconds? send milliseconds` };
    timestamp = Math.floor(value);
  } else if (typeof value === 'string') {
    const parsed = value.length <= 40 ? parseIso(value) : null;
    if (parsed === null) return { ok: false, reason: 'expected ISO 8601 with an offset (e.g. 2026-11-22T10:00:00Z) or epoch milliseconds' };
    timestamp = parsed;
  } else {
    return { ok: false, reason: `expected an ISO 8601 string or epoch milliseconds, got ${describeType(value)}` };
  }
  if (timestamp > now + MAX_FUTURE_SKEW_MS) return { ok: false, reason: 'more than 1 day in the future' };
  return { ok: true, timestamp };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
