import { describe, expect, it } from 'vitest';
import { formatAgo, formatTime } from './format-time.js';

describe('formatTime', () => {
  it('writes UTC minutes and a dash for nothing', () => {
    expect(formatTime(Date.UTC(2026, 0, 2, 3, 4, 59))).toBe('2026-01-02 03:04');
    expect(formatTime(null)).toBe('—');
    expect(formatTime(Number.NaN)).toBe('—');
  });
});

describe('formatAgo', () => {
  const now = Date.UTC(2026, 0, 10);
  it('uses the largest whole unit', () => {
    expect(formatAgo(now - 20_000, now)).toBe('just now');
    expect(formatAgo(now - 90_000, now)).toBe('1 min ago');
    expect(formatAgo(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatAgo(now - 3 * 86_400_000, now)).toBe('3 d ago');
    expect(formatAgo(null, now)).toBe('never');
  });
  it('never says a future time is negative', () => {
    expect(formatAgo(now + 5_000, now)).toBe('just now');
  });
});
