import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { averagePathLength } from './average-path-length.js';

describe('averagePathLength', () => {
  it('matches scikit-learn _average_path_length on the reference cases', () => {
    const cases = loadReferenceSection<{ n: number; c: number }[]>('isolation_forest_c');
    expect(cases.length).toBe(6);
    for (const { n, c } of cases) expectClose(averagePathLength(n), c);
  });

  it('follows the small-n conventions: c(0) = c(1) = 0, c(2) = 1', () => {
    expect(averagePathLength(0)).toBe(0);
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
  });

  it('equals the hand-computed formula for n = 3: 2(ln 2 + γ) − 4/3', () => {
    expectClose(averagePathLength(3), 2 * (Math.log(2) + 0.5772156649015329) - 4 / 3);
  });

  it('increases with n and grows like 2 ln n', () => {
    let previous = averagePathLength(2);
    for (let n = 3; n <= 5000; n++) {
      const value = averagePathLength(n);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
    const n = 1e9;
    expect(Math.abs(averagePathLength(n) - 2 * (Math.log(n) + 0.5772156649015329 - 1))).toBeLessThan(1e-6);
  });

  it('rejects negative, NaN and infinite n', () => {
    expect(() => averagePathLength(-1)).toThrow(RangeError);
    expect(() => averagePathLength(Number.NaN)).toThrow(/averagePathLength: n/);
    expect(() => averagePathLength(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
