import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';

// Expected values from Python's math.lgamma (C library lgamma), e.g. `python3 -c "import math; print(math.lgamma(0.25))"`.
const CPYTHON_LGAMMA: readonly (readonly [number, number])[] = [
  [1e-8, 18.42068073818021],
  [0.001, 6.907178885383854],
  [0.1, 2.2527126517342055],
  [0.25, 1.2880225246980772],
  [0.5, 0.5723649429247004],
  [1.5, -0.12078223763524543],
  [2.5, 0.2846828704729196],
  [3.7, 1.4280723266653883],
  [10.5, 13.940625219403763],
  [33.3, 82.60372358165495],
  [100.5, 361.4355404677776],
  [1234.5, 7550.550901077896],
  [1e6, 12815504.569147611],
];

describe('logGamma', () => {
  it.each(CPYTHON_LGAMMA)('logGamma(%d) matches math.lgamma to 1e-13 relative', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected));
  });

  it('is ln((n−1)!) at integers and 0 at 1 and 2', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      if (n > 1) factorial *= n - 1;
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 12);
    }
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });

  it('satisfies the recurrence ln Γ(x+1) = ln Γ(x) + ln x', () => {
    for (const x of [0.3, 1.7, 5.5, 42.25]) {
      expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 12);
    }
  });

  it.each([0, -1, Number.NaN, -Infinity])('rejects x = %d with a RangeError naming the function', (x) => {
    expect(() => logGamma(x)).toThrow(/^logGamma: x must be > 0/);
  });
});
