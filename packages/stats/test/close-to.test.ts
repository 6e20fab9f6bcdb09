import { describe, expect, it } from 'vitest';
import { expectClose, METRIC_TOLERANCE, mismatch } from './close-to.js';

describe('expectClose', () => {
  it('is relative away from zero and absolute only where |expected| ≤ tolerance.abs', () => {
    expectClose(1 + 0.9e-9, 1);
    expect(() => expectClose(1 + 1.1e-9, 1)).toThrow(/value: expected 1, got 1\.0000000011 \(relative error 1\.10e-9, allowed 1e-9\)/);
    expectClose(0.9e-12, 0);
    expect(() => expectClose(2.5e-12, 1e-12)).toThrow(/allowed absolute 1e-12/);
    // Just above the absolute floor only the relative part counts: 1e-11 ± 1e-12 is a 10 % error.
    expect(() => expectClose(1.1e-11, 1e-11)).toThrow(/allowed 1e-9/);
    expect(() => expectClose(1e-12, 0, { rel: 1e-9, abs: 0 })).toThrow(/allowed absolute 0/);
  });

  it('accepts equal infinities and rejects NaN', () => {
    expectClose(-Infinity, -Infinity, { rel: 1e-15, abs: 0 });
    expect(mismatch('x', Number.NaN, 1, METRIC_TOLERANCE)).toBe('x: expected 1, got NaN');
    expect(() => expectClose(Infinity, 1)).toThrow(/expected 1, got Infinity/);
  });
});
