import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { wilsonInterval } from './wilson-interval.js';

// [successes, trials, confidence, lower, upper]: the statsmodels proportion_confint(method='wilson') formula
// evaluated in Python with scipy 1.10.1's norm.isf(alpha / 2) (statsmodels itself is not installed here).
const WILSON_CASES: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [8, 10, 0.95, 0.49016247153664183, 0.9433178485456247],
  [0, 10, 0.95, 0, 0.2775327998628892],
  [10, 10, 0.95, 0.7224672001371107, 0.9999999999999999],
  [1, 1, 0.9, 0.269865948784054, 1],
  [0, 1, 0.95, 0, 0.7934506856227626],
  [37, 120, 0.99, 0.21219370709039861, 0.42455728939891313],
  [500, 1000, 0.95, 0.4690696003681042, 0.5309303996318958],
  [3, 1000000, 0.95, 1.0202712409681223e-06, 8.821149774312436e-06],
  [999999, 1000000, 0.999, 0.9999872510094523, 0.9999999215632664],
  [5, 7, 0.5, 0.5888476947007163, 0.8135702240753943],
  [1234, 5678, 0.8, 0.21039797016130904, 0.22442559998811543],
];

const TIGHT = { rel: 1e-12, abs: 1e-12 };

describe('wilsonInterval', () => {
  it('matches the statsmodels Wilson formula', () => {
    for (const [successes, trials, confidence, lower, upper] of WILSON_CASES) {
      const result = wilsonInterval(successes, trials, { confidence });
      expect(result.estimate).toBe(successes / trials);
      expect(result.confidence).toBe(confidence);
      expectClose(result.lower, lower, TIGHT);
      expectClose(result.upper, upper, TIGHT);
    }
  });

  it('by hand: 8 of 10 at 95 %', () => {
    // z = 1.959964, z² = 3.841459; centre = (0.8 + 0.192073) / 1.384146 = 0.716740; half-width = 0.226578.
    const { lower, upper } = wilsonInterval(8, 10);
    expect(lower).toBeCloseTo(0.490162, 6);
    expect(upper).toBeCloseTo(0.943318, 6);
  });

  it('contains the estimate, stays in [0, 1], and mirrors x ↔ n − x', () => {
    for (const trials of [1, 2, 5, 17, 100]) {
      for (let successes = 0; successes <= trials; successes++) {
        const a = wilsonInterval(successes, trials, { confidence: 0.9 });
        const b = wilsonInterval(trials - successes, trials, { confidence: 0.9 });
        expect(a.lower).toBeGreaterThanOrEqual(0);
        expect(a.upper).toBeLessThanOrEqual(1);
        expect(a.lower).toBeLessThanOrEqual(a.estimate);
        expect(a.upper).toBeGreaterThanOrEqual(a.estimate);
        expect(a.lower).toBeCloseTo(1 - b.upper, 12);
      }
    }
  });

  it('widens with the confidence level and narrows with the sample size', () => {
    const width = (x: number, n: number, confidence: number): number => {
      const r = wilsonInterval(x, n, { confidence });
      return r.upper - r.lower;
    };
    expect(width(30, 100, 0.99)).toBeGreaterThan(width(30, 100, 0.95));
    expect(width(30, 100, 0.95)).toBeGreaterThan(width(30, 100, 0.5));
    expect(width(300, 1000, 0.95)).toBeLessThan(width(30, 100, 0.95));
  });

  it('rejects bad input', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(/^wilsonInterval: trials must be an integer ≥ 1, got 0/);
    expect(() => wilsonInterval(11, 10)).toThrow(/^wilsonInterval: successes \(11\) must not exceed trials \(10\)/);
    expect(() => wilsonInterval(-1, 10)).toThrow(/^wilsonInterval: successes must be an integer/);
    expect(() => wilsonInterval(2.5, 10)).toThrow(/^wilsonInterval: successes must be an integer/);
    expect(() => wilsonInterval(Number.NaN, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, Infinity)).toThrow(/^wilsonInterval: trials/);
    for (const confidence of [0, 1, -0.5, 1.5, Number.NaN]) {
      expect(() => wilsonInterval(1, 10, { confidence })).toThrow(/^wilsonInterval: confidence must be in \(0, 1\)/);
    }
  });
});
