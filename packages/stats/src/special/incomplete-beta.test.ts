import { describe, expect, it } from 'vitest';
import { expectClose } from '../../test/close-to.js';
import {
  incompleteBetaTails,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
  studentTSurvival,
} from './incomplete-beta.js';

// Values from scipy 1.10.1: scipy.stats.beta.cdf(x, a, b) and scipy.stats.beta.sf(x, a, b) (Boost's ibeta/ibetac,
// accurate to a few ulps; scipy.special.betainc in 1.10.1 is the less accurate Cephes routine, off by 5e-12 at
// a = b = 1499, so it is not used as the reference here).
const BOOST_CASES: readonly { a: number; b: number; x: number; lower: number; upper: number }[] = [
  { a: 2, b: 3, x: 0.25, lower: 0.26171875, upper: 0.73828125 },
  { a: 0.5, b: 0.5, x: 0.1, lower: 0.20483276469913345, upper: 0.7951672353008665 },
  { a: 0.5, b: 0.5, x: 0.999, lower: 0.9798649583666235, upper: 0.0201350416333775 },
  { a: 1499, b: 1499, x: 0.4, lower: 9.607244690942262e-29, upper: 1 },
  { a: 1499, b: 1499, x: 0.49, lower: 0.13673682662943704, upper: 0.8632631733705629 },
  { a: 1499, b: 1499, x: 0.5, lower: 0.5000000000000001, upper: 0.4999999999999999 },
  { a: 11.5, b: 11.5, x: 0.0828, lower: 1.0864998106180574e-7, upper: 0.999999891350019 },
  { a: 0.5, b: 15, x: 0.3, lower: 0.998824657720954, upper: 0.001175342279046075 },
  { a: 15, b: 0.5, x: 0.97, lower: 0.3431267055881709, upper: 0.6568732944118291 },
  { a: 0.001, b: 2, x: 0.5, lower: 0.9998067465369478, upper: 0.00019325346305225168 },
  { a: 100, b: 0.5, x: 0.999, lower: 0.6550435163244294, upper: 0.34495648367557036 },
  { a: 5, b: 5, x: 1e-10, lower: 1.2599999995800006e-48, upper: 1 },
  { a: 30, b: 40, x: 0.3, lower: 0.012126160623329716, upper: 0.9878738393766703 },
  { a: 10000, b: 10000, x: 0.49, lower: 0.0023370593301101535, upper: 0.9976629406698898 },
  { a: 0.5, b: 1498.5, x: 1e-3, lower: 0.9166325935672927, upper: 0.08336740643270733 },
  { a: 1498.5, b: 0.5, x: 0.99, lower: 4.069941447055927e-8, upper: 0.9999999593005855 },
  { a: 3, b: 7, x: 0.7, lower: 0.995709106, upper: 0.004290894000000004 },
  { a: 200, b: 300, x: 0.41, lower: 0.6776281647721832, upper: 0.32237183522781676 },
  { a: 2.5, b: 100000, x: 2e-5, lower: 0.4505941270170598, upper: 0.5494058729829402 },
];

// scipy 1.10.1 scipy.stats.t.sf(t, dof).
const T_CASES: readonly { t: number; dof: number; sf: number }[] = [
  { t: 2, dof: 10, sf: 0.036694017385370196 },
  { t: 0.1, dof: 3, sf: 0.4633261744004029 },
  { t: -1.5, dof: 7, sf: 0.911350756505015 },
  { t: 40, dof: 5, sf: 9.205981085886476e-8 },
  { t: 1e5, dof: 1, sf: 0.0000031830988617318035 },
  { t: 3, dof: 2998, sf: 0.0013610092635979432 },
  { t: 1e-8, dof: 4, sf: 0.49999999625 },
  { t: -30, dof: 2.5, sf: 0.9998544676454213 },
  { t: 8, dof: 30, sf: 3.132911237850386e-9 },
  { t: 12, dof: 2998, sf: 9.715446561522846e-33 },
];

describe('incompleteBetaTails', () => {
  it('matches Boost (scipy.stats.beta) on both tails to 1e-12 relative', () => {
    for (const c of BOOST_CASES) {
      const r = incompleteBetaTails(c.x, 1 - c.x, c.a, c.b);
      expectClose(r.lower, c.lower, { rel: 1e-12, abs: 0 });
      expectClose(r.upper, c.upper, { rel: 1e-12, abs: 0 });
    }
  });

  it('has the closed forms I_x(1,1) = x, I_x(a,1) = x^a and I_x(1,b) = 1 − (1−x)^b', () => {
    for (const x of [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      expectClose(regularizedIncompleteBeta(x, 1, 1), x, { rel: 1e-14, abs: 0 });
      expectClose(regularizedIncompleteBeta(x, 3.5, 1), x ** 3.5, { rel: 1e-13, abs: 0 });
      expectClose(regularizedIncompleteBetaComplement(x, 1, 4), (1 - x) ** 4, { rel: 1e-13, abs: 0 });
    }
  });

  it('satisfies I_x(a, b) = 1 − I_{1−x}(b, a) and lower + upper = 1', () => {
    for (const [a, b, x] of [[2, 9, 0.1], [0.7, 0.3, 0.6], [40, 12, 0.75], [300, 299, 0.5]] as const) {
      const r = incompleteBetaTails(x, 1 - x, a, b);
      const mirrored = incompleteBetaTails(1 - x, x, b, a);
      expect(r.lower).toBeCloseTo(mirrored.upper, 14);
      expect(r.lower + r.upper).toBeCloseTo(1, 15);
    }
  });

  it('is non-decreasing in x and hits 0 and 1 at the ends', () => {
    let previous = 0;
    for (let i = 0; i <= 100; i++) {
      const value = regularizedIncompleteBeta(i / 100, 7.5, 3.25);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBetaComplement(1, 2, 3)).toBe(0);
  });

  it('gives I_½(a, a) = ½ by symmetry', () => {
    for (const a of [0.5, 3, 17.5, 1499]) expectClose(regularizedIncompleteBeta(0.5, a, a), 0.5, { rel: 2e-14, abs: 0 });
  });

  it('rejects parameters out of range', () => {
    expect(() => incompleteBetaTails(0.5, 0.5, 0, 1)).toThrow(/incompleteBetaTails: a must be a finite number > 0/);
    expect(() => incompleteBetaTails(0.5, 0.5, 1, -2)).toThrow(/incompleteBetaTails: b must/);
    expect(() => incompleteBetaTails(0.5, 0.5, 1, Infinity)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/x must be in \[0, 1\]/);
    expect(() => regularizedIncompleteBeta(Number.NaN, 1, 1)).toThrow(RangeError);
    expect(() => incompleteBetaTails(0.5, -0.1, 1, 1)).toThrow(/complementX must be in \[0, 1\]/);
  });
});

describe('studentTSurvival', () => {
  it('matches scipy.stats.t.sf to 1e-12 relative', () => {
    for (const c of T_CASES) expectClose(studentTSurvival(c.t, c.dof), c.sf, { rel: 1e-12, abs: 0 });
  });

  it('equals the closed forms for 1 and 2 degrees of freedom', () => {
    for (const t of [-20, -1, -0.3, 0, 0.25, 2, 9]) {
      expectClose(studentTSurvival(t, 1), 0.5 - Math.atan(t) / Math.PI, { rel: 1e-14, abs: 0 });
      expectClose(studentTSurvival(t, 2), 0.5 - t / (2 * Math.sqrt(2 + t * t)), { rel: 1e-14, abs: 0 });
    }
  });

  it('is symmetric: sf(−t) = 1 − sf(t), and sf(0) = ½', () => {
    for (const dof of [1, 3.5, 30]) {
      expect(studentTSurvival(0, dof)).toBe(0.5);
      for (const t of [0.5, 2, 7]) expect(studentTSurvival(-t, dof)).toBeCloseTo(1 - studentTSurvival(t, dof), 15);
    }
    expect(studentTSurvival(Infinity, 3)).toBe(0);
    expect(studentTSurvival(-Infinity, 3)).toBe(1);
  });

  // t² overflows to Infinity for |t| > 1e154; the scaled branch must keep the tail finite, tiny and ordered.
  it('stays finite and ordered for huge |t|', () => {
    const sf = studentTSurvival(1e160, 1);
    expect(sf).toBeGreaterThanOrEqual(0);
    expect(sf).toBeLessThan(1e-150);
    expect(studentTSurvival(-1e160, 1)).toBe(1);
  });

  it('rejects NaN t and non-positive dof', () => {
    expect(() => studentTSurvival(Number.NaN, 3)).toThrow(/studentTSurvival: t is NaN/);
    expect(() => studentTSurvival(1, 0)).toThrow(/studentTSurvival: dof must be a finite number > 0/);
    expect(() => studentTSurvival(1, Infinity)).toThrow(RangeError);
  });
});
