import { describe, expect, it } from 'vitest';
import { isTimeRangeId, rangeStart } from './time-range.js';

describe('rangeStart', () => {
  const now = Date.UTC(2026, 0, 8);
  it('subtracts the range from now', () => {
    expect(rangeStart('24h', now)).toBe(String(Date.UTC(2026, 0, 7)));
    expect(rangeStart('7d', now)).toBe(String(Date.UTC(2026, 0, 1)));
  });
  it('has no start for all time or an unknown id', () => {
    expect(rangeStart('all', now)).toBeUndefined();
    expect(rangeStart('1y', now)).toBeUndefined();
    expect(isTimeRangeId('1y')).toBe(false);
    expect(isTimeRangeId(null)).toBe(false);
    expect(isTimeRangeId('6h')).toBe(true);
  });
});
