import { describe, expect, it } from 'vitest';
import { normalMatrix } from '../test/normal-samples.js';
import { mmdGaussian } from './mmd-gaussian.js';
import { mmdLinearTime } from './mmd-linear-time.js';
import { createRandom } from './random.js';
import { normalSurvival } from './special/normal-distribution.js';

function k(a: readonly number[], b: readonly number[], sigma: number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.exp(-s / (2 * sigma * sigma));
}

describe('mmdLinearTime', () => {
  it('is the hand-computed mean of h over consecutive pairs, with its standard error', () => {
    const x = [[0, 0], [1, 0], [0, 2], [1, 1], [5, 5]];
    const y = [[0, 1], [2, 0], [1, 2], [3, 3]];
    const sigma = 1.5;
    // P = ⌊min(5, 4) / 2⌋ = 2 pairs: (x0, x1, y0, y1) and (x2, x3, y2, y3); x4 is unused.
    const h = [0, 1].map((p) => {
      const [x1, x2, y1, y2] = [x[2 * p]!, x[2 * p + 1]!, y[2 * p]!, y[2 * p + 1]!];
      return k(x1, x2, sigma) + k(y1, y2, sigma) - k(x1, y2, sigma) - k(x2, y1, sigma);
    });
    const mean = (h[0]! + h[1]!) / 2;
    const se = Math.sqrt(((h[0]! - mean) ** 2 + (h[1]! - mean) ** 2) / 1 / 2);
    const r = mmdLinearTime(x, y, { sigma });
    expect(r.pairs).toBe(2);
    expect(Math.abs(r.mmd2 - mean)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(r.standardError - se)).toBeLessThanOrEqual(1e-15);
    expect(r.pValue).toBe(normalSurvival(mean / se));
  });

  it('is unbiased: its mean over 40 seeds is within 4 standard errors of the exact unbiased MMD²', () => {
    for (const shift of [0, 0.4]) {
      const diffs: number[] = [];
      for (let s = 0; s < 40; s++) {
        const x = normalMatrix(100 + s, 300, 4);
        const y = normalMatrix(900 + s, 300, 4, shift);
        const exact = mmdGaussian(x, y, { sigma: 2 }).mmd2Unbiased;
        diffs.push(mmdLinearTime(x, y, { sigma: 2, rng: createRandom(s) }).mmd2 - exact);
      }
      const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
      const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / (diffs.length - 1));
      expect(Math.abs(mean)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(diffs.length));
    }
  });

  it('detects a clear shift and gives large p-values without one', () => {
    const x = normalMatrix(1, 4000, 8);
    const shifted = mmdLinearTime(x, normalMatrix(2, 4000, 8, 0.5), { rng: createRandom(3) });
    expect(shifted.mmd2).toBeGreaterThan(0);
    expect(shifted.pValue).toBeLessThan(1e-6);
    let small = 0;
    for (let s = 0; s < 20; s++) {
      const { pValue } = mmdLinearTime(normalMatrix(10 + s, 400, 4), normalMatrix(50 + s, 400, 4), { sigma: 2, rng: createRandom(s) });
      expect(pValue).toBeGreaterThanOrEqual(0);
      expect(pValue).toBeLessThanOrEqual(1);
      if (pValue < 0.01) small++;
    }
    expect(small).toBeLessThanOrEqual(2);
  });

  it('pairs in the given order without rng, in a seeded random order with one', () => {
    const x = normalMatrix(4, 101, 3);
    const y = normalMatrix(5, 80, 3, 0.2);
    const ordered = mmdLinearTime(x, y, { sigma: 1 });
    expect(ordered.pairs).toBe(40);
    expect(mmdLinearTime(x, y, { sigma: 1 })).toEqual(ordered);
    const shuffled = mmdLinearTime(x, y, { sigma: 1, rng: createRandom(1) });
    expect(mmdLinearTime(x, y, { sigma: 1, rng: createRandom(1) })).toEqual(shuffled);
    expect(shuffled.mmd2).not.toBe(ordered.mmd2);
  });

  it('gives p = 1 when every h is 0 (identical pairs)', () => {
    // Standard error 0: the normal p-value is undefined; documented as 1 when mmd2 ≤ 0.
    const same = [[1, 2], [1, 2], [1, 2], [1, 2]];
    const r = mmdLinearTime(same, same, { sigma: 1 });
    expect(r.mmd2).toBe(0);
    expect(r.standardError).toBe(0);
    expect(r.pValue).toBe(1);
  });

  it('throws RangeError on bad input', () => {
    const x = normalMatrix(6, 8, 2);
    expect(() => mmdLinearTime(x, [[1, 2], [3, 4], [5, 6]])).toThrow(/current needs at least 4/);
    expect(() => mmdLinearTime([], x)).toThrow(/reference needs at least 4/);
    expect(() => mmdLinearTime(x, normalMatrix(7, 8, 3))).toThrow(/dimensions/);
    expect(() => mmdLinearTime(x, { rows: 4, cols: 2, data: Float64Array.of(1, 2, 3, 4, 5, 6, 7, Number.NaN) })).toThrow(/NaN/);
    expect(() => mmdLinearTime(x, x, { sigma: 0 })).toThrow(/sigma/);
    expect(() => mmdLinearTime(x, x, { sigma: -1 })).toThrow(/sigma/);
  });
});
