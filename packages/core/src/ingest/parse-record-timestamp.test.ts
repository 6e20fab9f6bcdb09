import { describe, expect, it } from 'vitest';
import { MAX_FUTURE_SKEW_MS, parseRecordTimestamp } from './parse-record-timestamp.js';

const now = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('parseRecordTimestamp', () => {
  it('defaults to the time of receipt', () => {
    expect(parseRecordTimestamp(undefined, now)).toEqual({ ok: true, timestamp: now });
    expect(parseRecordTimestamp(null, now)).toEqual({ ok: true, timestamp: now });
  });

  it('reads ISO 8601 strings with an offset exactly as Date.parse does', () => {
    for (const text of ['2026-11-22T10:00:00Z', '2026-11-22T10:00:00.123Z', '2026-11-22T10:00:00.5+01:00', '2026-11-22T10:00-05:30', '2024-02-29T23:59:59.999Z', '2000-01-01T00:00:00+0000', '1999-12-31T23:00:00-01:00', '2026-11-22']) {
      expect(parseRecordTimestamp(text, now), text).toEqual({ ok: true, timestamp: Date.parse(text.replace('+0000', '+00:00')) });
    }
  });

  it('agrees with Date over many instants (property check)', () => {
    for (let t = 1e11; t < now; t += 987_654_321_123) {
      const iso = new Date(t).toISOString();
      expect(parseRecordTimestamp(iso, now)).toEqual({ ok: true, timestamp: t });
    }
  });

  it('accepts epoch milliseconds and rejects probable epoch seconds', () => {
    expect(parseRecordTimestamp(now - 1000, now)).toEqual({ ok: true, timestamp: now - 1000 });
    const seconds = parseRecordTimestamp(Math.floor(now / 1000), now);
    expect(seconds.ok).toBe(false);
    expect(!seconds.ok && seconds.reason).toMatch(/epoch seconds/);
  });

  it('rejects times more than a day ahead, and accepts up to a day of skew', () => {
    expect(parseRecordTimestamp(now + MAX_FUTURE_SKEW_MS, now).ok).toBe(true);
    const ahead = parseRecordTimestamp(now + MAX_FUTURE_SKEW_MS + 1, now);
    expect(ahead).toEqual({ ok: false, reason: 'more than 1 day in the future' });
    expect(parseRecordTimestamp('2030-01-01T00:00:00Z', now).ok).toBe(false);
  });

  it('rejects strings without an offset, impossible dates and other types', () => {
    for (const value of ['2026-11-22T10:00:00', '2026-02-30', '2025-02-29', '2026-13-01', '2026-11-22T24:00:00Z', '2026-11-22T10:00:00+25:00', 'yesterday', '', 'x'.repeat(10_000), true, {}, [], Number.NaN, Infinity]) {
      expect(parseRecordTimestamp(value, now).ok, JSON.stringify(value).slice(0, 30)).toBe(false);
    }
  });
});
