import { describe, expect, it } from 'vitest';
import { formatIsoTime } from './format-iso-time.js';

describe('formatIsoTime', () => {
  it('equals Date.prototype.toISOString', () => {
    for (const t of [0, 1, 951_782_400_000, 1_709_251_199_999, 1_795_262_400_123, 253_402_300_799_999]) expect(formatIsoTime(t)).toBe(new Date(t).toISOString());
    for (let t = 0; t < 4e12; t += 12_345_678_901) expect(formatIsoTime(t)).toBe(new Date(t).toISOString());
  });
});
