import { describe, expect, it } from 'vitest';
import { nextRetryDelayMs } from './delivery-backoff.js';

describe('nextRetryDelayMs', () => {
  it('doubles the ceiling with each failed attempt up to the maximum', () => {
    const top = () => 1 - Number.EPSILON;
    expect([1, 2, 3, 4, 9, 10, 50, 2000].map((attempt) => nextRetryDelayMs(attempt, { random: top }))).toEqual([999, 1999, 3999, 7999, 255_999, 299_999, 299_999, 299_999]);
  });

  it('draws the whole range from 0 to the ceiling (full jitter)', () => {
    expect(nextRetryDelayMs(3, { random: () => 0 })).toBe(0);
    expect(nextRetryDelayMs(3, { random: () => 0.5 })).toBe(2000);
    expect(nextRetryDelayMs(3, { baseMs: 100, maxMs: 250, random: () => 0.5 })).toBe(125);
  });

  it('stays within [0, maxMs) for any attempt and draw', () => {
    for (let attempt = 1; attempt <= 64; attempt += 1) {
      for (const draw of [0, 0.25, 0.999999]) {
        const delay = nextRetryDelayMs(attempt, { random: () => draw });
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(300_000);
      }
    }
  });

  it('refuses an attempt below 1 and inconsistent bounds', () => {
    expect(() => nextRetryDelayMs(0)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5)).toThrow(/nextRetryDelayMs/);
    expect(() => nextRetryDelayMs(1, { baseMs: 10, maxMs: 5 })).toThrow(RangeError);
  });
});
