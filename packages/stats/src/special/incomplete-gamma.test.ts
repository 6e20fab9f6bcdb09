import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/close-to.js';
import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';

// [a, x, P(a, x), Q(a, x)] computed with mpmath 1.2.1 at 40 digits (`mpmath.gammainc(a, x, inf, regularized=True)` and
// `gammainc(a, 0, x, regularized=True)`), rounded to double: small and large a, x on both sides of a + 1, tails to 1e-300.
const GAMMA_CASES: readonly (readonly [number, number, number, number])[] = [
  [1e-08, 0.001, 0.9999999366846083, 6.331539171908876e-08],
  [0.0001, 0.5, 0.9999440197070426, 5.5980292957401714e-05],
  [0.01, 0.001, 0.938570652526129, 0.061429347473871014],
  [0.01, 1.0, 0.997783765376772, 0.00221623462322799],
  [0.1, 0.05, 0.7755386354510305, 0.22446136454896942],
  [0.1, 2.0, 0.9943261760201885, 0.005673823979811528],
  [0.3, 1.1, 0.9269949550874125, 0.07300504491258748],
  [0.5, 1e-300, 1.1283791670955126e-150, 1.0],
  [0.5, 0.2, 0.4729107431344619, 0.5270892568655381],
  [0.5, 1.5, 0.9167354833364496, 0.0832645166635504],
  [0.5, 50.0, 1.0, 1.523970604832105e-23],
  [0.5, 700.0, 1.0, 2.1010145162642176e-306],
  [1.0, 1e-10, 9.999999999500001e-11, 0.9999999999],
  [1.0, 2.0, 0.8646647167633873, 0.1353352832366127],
  [1.0, 745.0, 1.0, 5e-324],
  [1.5, 0.1, 0.0224107022383506, 0.9775892977616494],
  [2.0, 30.0, 0.9999999999970991, 2.900863120340454e-12],
  [2.5, 2.5, 0.5841198130044921, 0.41588018699550794],
  [3.0, 3.5, 0.6791528011378659, 0.3208471988621341],
  [5.0, 0.01, 8.264185641806499e-13, 0.9999999999991735],
  [7.5, 7.5, 0.5485827887742748, 0.45141721122572526],
  [9.99, 12.0, 0.7585787277121048, 0.2414212722878952],
  [10.0, 1e-08, 2.7557318973464813e-87, 1.0],
  [10.0, 9.0, 0.4125917556680586, 0.5874082443319414],
  [10.0, 10.0, 0.5420702855281478, 0.4579297144718522],
  [10.0, 11.0, 0.6594893575343389, 0.34051064246566104],
  [12.0, 600.0, 1.0, 2.4538111019311924e-238],
  [15.0, 700.0, 1.0, 7.826866361038639e-276],
  [20.5, 20.5, 0.5293776231810191, 0.4706223768189809],
  [50.0, 35.0, 0.009845502476408542, 0.9901544975235914],
  [50.0, 75.0, 0.9990960679576459, 0.0009039320423540091],
  [100.0, 0.5, 5.152342733971752e-189, 1.0],
  [100.0, 100.0, 0.5132987982791487, 0.48670120172085135],
  [100.0, 130.0, 0.9972495916326934, 0.002750408367306526],
  [200.5, 150.0, 4.903318993286559e-05, 0.9999509668100671],
  [500.0, 470.0, 0.08779323635482933, 0.9122067636451706],
  [500.0, 560.0, 0.9953068340007052, 0.004693165999294769],
  [1000.0, 1000.0, 0.5042052441802155, 0.4957947558197845],
  [1000.0, 1200.0, 0.9999999987118394, 1.2881606086281433e-09],
  [5000.0, 7500.0, 1.0, 5.91586882905196e-208],
  [10000.0, 10000.0, 0.5013298083399552, 0.4986701916600448],
  [100000.0, 90000.0, 1.9782570322356404e-235, 1.0],
  [100000.0, 101000.0, 0.9991915784870744, 0.0008084215129255907],
  [1000000.0, 1000000.0, 0.5001329807608725, 0.4998670192391274],
];

describe('regularizedGammaP and regularizedGammaQ', () => {
  it.each(GAMMA_CASES)('a = %d, x = %d match mpmath to 1e-12 relative', (a, x, p, q) => {
    expectClose(regularizedGammaP(a, x), p, { rel: 1e-12, abs: 0 });
    expectClose(regularizedGammaQ(a, x), q, { rel: 1e-12, abs: 0 });
  });

  it('are e^(−x) and 1 − e^(−x) at a = 1 and erfc(√x) at a = ½', () => {
    for (const x of [1e-12, 0.3, 1, 2.5, 17, 300]) {
      expectClose(regularizedGammaQ(1, x), Math.exp(-x), { rel: 1e-14, abs: 0 });
      expectClose(regularizedGammaP(1, x), -Math.expm1(-x), { rel: 1e-14, abs: 0 });
    }
    // erfc(√2) = 0.04550026389635842 (mpmath)
    expectClose(regularizedGammaQ(0.5, 2), 0.04550026389635842, { rel: 1e-14, abs: 0 });
  });

  it('is a Poisson tail at integer a: Q(n, x) = Σ_{k<n} e^(−x) xᵏ / k!', () => {
    for (const [n, x] of [
      [3, 0.7],
      [5, 4.2],
      [8, 20],
      [12, 11.5],
    ] as const) {
      let term = Math.exp(-x);
      let sum = 0;
      for (let k = 0; k < n; k++) {
        sum += term;
        term *= x / (k + 1);
      }
      expectClose(regularizedGammaQ(n, x), sum, { rel: 1e-13, abs: 0 });
    }
  });

  it('P + Q = 1, both in [0, 1], Q decreasing in x and increasing in a', () => {
    for (const a of [0.05, 0.5, 1, 3.3, 10, 42, 250]) {
      let previous = 1;
      for (let x = 0; x <= 3 * a + 30; x += (3 * a + 30) / 97) {
        const p = regularizedGammaP(a, x);
        const q = regularizedGammaQ(a, x);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
        expect(Math.abs(p + q - 1)).toBeLessThanOrEqual(1e-14);
        expect(q).toBeLessThanOrEqual(previous);
        previous = q;
        expect(regularizedGammaQ(a * 1.1, x)).toBeGreaterThanOrEqual(q);
      }
    }
  });

  it('is continuous across the switches between series and continued fraction', () => {
    // Regression: the branch edges (x = 1.1, x = a + 1, a = 10 for the prefactor) must not jump.
    for (const [a, x] of [
      [0.3, 1.1],
      [2, 3],
      [9.5, 10.5],
      [10, 11],
      [40, 41],
    ] as const) {
      const below = regularizedGammaQ(a, x * (1 - 1e-12));
      const above = regularizedGammaQ(a, x * (1 + 1e-12));
      expect(Math.abs(below - above)).toBeLessThanOrEqual(1e-10 * above);
    }
    const justBelowTen = regularizedGammaQ(10 - 1e-12, 12);
    expect(Math.abs(justBelowTen - regularizedGammaQ(10, 12))).toBeLessThanOrEqual(1e-10 * justBelowTen);
  });

  it('keeps small x^a/Γ(a+1) tails for large a and x ≪ a', () => {
    // Regression: forming t = (x − a)/a and ln(1 + t) lost every digit of P when x/a is tiny (P was off by 100%).
    expectClose(regularizedGammaP(10, 1e-20), 2.7557319223985875e-207, { rel: 1e-12, abs: 0 });
    expectClose(regularizedGammaP(11, 1e-8), 2.5052108155797397e-96, { rel: 1e-12, abs: 0 });
  });

  it('handles x = 0 and x = Infinity', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });

  it('rejects a ≤ 0, non-finite a, negative or NaN x', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(/^regularizedGammaP: a must be a finite number > 0, got 0/);
    expect(() => regularizedGammaQ(-1, 1)).toThrow(/^regularizedGammaQ: a must be/);
    expect(() => regularizedGammaQ(Number.NaN, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(Infinity, 1)).toThrow(RangeError);
    expect(() => regularizedGammaP(1, -0.5)).toThrow(/^regularizedGammaP: x must be ≥ 0, got -0.5/);
    expect(() => regularizedGammaQ(1, Number.NaN)).toThrow(/x must be ≥ 0, got NaN/);
  });
});
