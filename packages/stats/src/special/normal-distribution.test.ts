import { describe, expect, it } from 'vitest';
import {
  complementaryErrorFunction,
  errorFunction,
  normalCdf,
  normalQuantile,
  normalSurvival,
} from './normal-distribution.js';
import { expectClose } from '../../test/close-to.js';

// [z, scipy.stats.norm.cdf(z), scipy.stats.norm.sf(z)] from scipy 1.10.1.
const CDF_CASES: ReadonlyArray<readonly [number, number, number]> = [
  [-37.5, 4.605353009581954e-308, 1],
  [-30, 4.906713927147908e-198, 1],
  [-20, 2.7536241186061556e-89, 1],
  [-10, 7.61985302416047e-24, 1],
  [-8, 6.22096057427174e-16, 0.9999999999999993],
  [-6, 9.865876450376946e-10, 0.9999999990134123],
  [-5, 2.866515718791933e-07, 0.9999997133484281],
  [-3, 0.0013498980316300933, 0.9986501019683699],
  [-2, 0.022750131948179195, 0.9772498680518208],
  [-1, 0.15865525393145707, 0.8413447460685429],
  [-0.5, 0.3085375387259869, 0.6914624612740131],
  [-0.1, 0.460172162722971, 0.539827837277029],
  [0, 0.5, 0.5],
  [0.3, 0.6179114221889526, 0.3820885778110474],
  [0.66, 0.7453730853286639, 0.25462691467133614],
  [1, 0.8413447460685429, 0.15865525393145707],
  [1.5, 0.9331927987311419, 0.06680720126885807],
  [2.5, 0.9937903346742238, 0.006209665325776132],
  [4, 0.9999683287581669, 3.167124183311986e-05],
  [7, 0.9999999999987201, 1.279812543885835e-12],
  [9, 1, 1.1285884059538324e-19],
  [12, 1, 1.776482112077653e-33],
];
// [p, scipy.stats.norm.ppf(p)] from scipy 1.10.1.
const PPF_CASES: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965322],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [1e-05, -4.264890793922825],
  [0.001, -3.090232306167813],
  [0.01, -2.3263478740408408],
  [0.025, -1.9599639845400545],
  [0.05, -1.6448536269514729],
  [0.075, -1.4395314709384563],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.5, 0],
  [0.6, 0.2533471031357997],
  [0.9, 1.2815515655446004],
  [0.925, 1.4395314709384563],
  [0.95, 1.6448536269514722],
  [0.975, 1.959963984540054],
  [0.99, 2.3263478740408408],
  [0.999, 3.090232306167813],
  [0.99999, 4.264890793923841],
];
// [x, scipy.special.erf(x), scipy.special.erfc(x)] from scipy 1.10.1.
const ERF_CASES: ReadonlyArray<readonly [number, number, number]> = [
  [-6, -1, 2],
  [-3, -0.9999779095030014, 1.9999779095030015],
  [-1.2, -0.9103139782296353, 1.9103139782296354],
  [-0.46875, -0.492613473217938, 1.4926134732179381],
  [-0.2, -0.22270258921047845, 1.2227025892104784],
  [1e-08, 1.1283791670955125e-08, 0.9999999887162083],
  [0.25, 0.2763263901682369, 0.7236736098317631],
  [0.46875, 0.492613473217938, 0.507386526782062],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [1, 0.8427007929497148, 0.15729920705028516],
  [2, 0.9953222650189527, 0.004677734981047266],
  [3.9, 0.9999999652077514, 3.479224859723178e-08],
  [4, 0.9999999845827421, 1.541725790028002e-08],
  [4.1, 0.9999999932999724, 6.7000276540849075e-09],
  [6, 1, 2.1519736712498913e-17],
  [10, 1, 2.0884875837625446e-45],
  [26, 1, 5.663192408856145e-296],
];

describe('normalCdf / normalSurvival', () => {
  it('match scipy.stats.norm.cdf and .sf, including the far tails', () => {
    for (const [z, cdf, sf] of CDF_CASES) {
      // The tails lose a little to the rounding of z/√2 (relative error ≈ z²·2⁻⁵³), still far inside 1e-9.
      expectClose(normalCdf(z), cdf, { rel: 1e-12, abs: 0 });
      expectClose(normalSurvival(z), sf, { rel: 1e-12, abs: 0 });
    }
  });

  it('are symmetric and complementary', () => {
    for (let z = -9; z <= 9; z += 0.173) {
      expect(normalCdf(-z)).toBe(normalSurvival(z));
      expect(Math.abs(normalCdf(z) + normalSurvival(z) - 1)).toBeLessThanOrEqual(2.3e-16);
    }
  });

  it('is monotone non-decreasing and bounded by [0, 1]', () => {
    let previous = 0;
    for (let z = -40; z <= 40; z += 0.01) {
      const value = normalCdf(z);
      expect(value).toBeGreaterThanOrEqual(previous);
      expect(value).toBeLessThanOrEqual(1);
      previous = value;
    }
  });

  it('handles infinities and rejects NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalSurvival(Infinity)).toBe(0);
    expect(normalSurvival(-Infinity)).toBe(1);
    // Past scipy's underflow point (z ≈ −37.6, where it returns 0) we keep the subnormal value down to about −38.5.
    expect(normalCdf(-38)).toBeGreaterThan(0);
    expect(normalCdf(-38)).toBeLessThan(1e-315);
    expect(normalCdf(-39)).toBe(0);
    expect(normalCdf(-1e300)).toBe(0);
    expect(normalSurvival(1e300)).toBe(0);
    expect(() => normalCdf(Number.NaN)).toThrow(/^normalCdf: z is NaN/);
    expect(() => normalSurvival(Number.NaN)).toThrow(/^normalSurvival: z is NaN/);
  });

  it('keeps relative accuracy where 1 − Φ(z) would round to 0', () => {
    // Regression guard: 1 − normalCdf(10) is 0 in double precision; the survival function must not go through it.
    expect(1 - normalCdf(10)).toBe(0);
    expectClose(normalSurvival(10), 7.619853024160527e-24, { rel: 1e-13, abs: 0 });
  });
});

describe('errorFunction / complementaryErrorFunction', () => {
  it('match scipy.special.erf and erfc across the three Cody ranges', () => {
    for (const [x, erf, erfc] of ERF_CASES) {
      expectClose(errorFunction(x), erf, { rel: 4e-15, abs: 0 });
      expectClose(complementaryErrorFunction(x), erfc, { rel: 4e-15, abs: 0 });
    }
  });

  it('is odd, and erf + erfc = 1', () => {
    for (let x = -5; x <= 5; x += 0.0937) {
      expect(errorFunction(-x)).toBe(-errorFunction(x));
      expect(Math.abs(errorFunction(x) + complementaryErrorFunction(x) - 1)).toBeLessThanOrEqual(4.5e-16);
    }
    expect(complementaryErrorFunction(30)).toBe(0);
    expect(complementaryErrorFunction(-30)).toBe(2);
    expect(() => errorFunction(Number.NaN)).toThrow(RangeError);
    expect(() => complementaryErrorFunction(Number.NaN)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf (AS 241 to about 1e-16)', () => {
    for (const [p, z] of PPF_CASES) expectClose(normalQuantile(p), z, { rel: 1e-15, abs: 1e-300 });
  });

  it('inverts normalCdf', () => {
    for (let z = -8; z <= 8; z += 0.0731) {
      // Φ is flat in the upper tail, so compare there through the lower tail: Φ⁻¹(Φ(−|z|)) = −|z|.
      const a = -Math.abs(z);
      expectClose(normalQuantile(normalCdf(a)), a, { rel: 1e-13, abs: 1e-14 });
    }
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) for exactly representable pairs', () => {
    for (const p of [0.5, 0.25, 0.125, 0.0625, 0.375, 0.03125]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 14);
    }
  });

  it('gives ±∞ at the ends and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5)).toBe(0);
    for (const bad of [-0.1, 1.0000001, Number.NaN, Infinity]) {
      expect(() => normalQuantile(bad)).toThrow(/^normalQuantile: p must be in \[0, 1\]/);
    }
  });
});
