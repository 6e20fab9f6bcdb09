import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';
import { reciprocalGammaOnePlusMinusOne } from './reciprocal-gamma.js';

// [x, 1/Γ(1+x) − 1] from mpmath 1.2.1 `rgamma(1 + mpf(x)) - 1` at 40 digits.
const MPMATH_CASES: readonly (readonly [number, number])[] = [
  [-0.5, -0.4358104164522437],
  [-0.3, -0.229616816133434],
  [-1e-9, -5.77215665557411e-10],
  [1e-12, 5.772156649008769e-13],
  [0.01, 0.0057065285003850596],
  [0.25, 0.10326265132083726],
  [0.5, 0.1283791670955126],
];

describe('reciprocalGammaOnePlusMinusOne', () => {
  it.each(MPMATH_CASES)('at %d matches mpmath to 1e-15 relative', (x, expected) => {
    expect(Math.abs(reciprocalGammaOnePlusMinusOne(x) - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));
  });

  it('is 0 at 0 and agrees with exp(−logGamma(1+x)) − 1 across [−½, ½]', () => {
    expect(reciprocalGammaOnePlusMinusOne(0)).toBe(0);
    for (let x = -0.5; x <= 0.5; x += 0.0625) {
      expect(reciprocalGammaOnePlusMinusOne(x)).toBeCloseTo(Math.exp(-logGamma(1 + x)) - 1, 14);
    }
  });

  it('rejects x outside [−½, ½] and NaN', () => {
    expect(() => reciprocalGammaOnePlusMinusOne(0.6)).toThrow(/^reciprocalGammaOnePlusMinusOne: x must be in \[-0.5, 0.5\], got 0.6/);
    expect(() => reciprocalGammaOnePlusMinusOne(Number.NaN)).toThrow(RangeError);
  });
});
