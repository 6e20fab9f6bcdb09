import { describe, expect, it } from 'vitest';
import { expectClose, P_VALUE_TOLERANCE } from '../test/close-to.js';
import { normalSample } from '../test/normal-samples.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { ksTest } from './ks-test.js';
import type { KsTestMethod } from './ks-test.js';

interface KsReferenceCase {
  readonly reference: number[];
  readonly current: number[];
  readonly method: KsTestMethod;
  readonly statistic: number;
  readonly pValue: number;
}

const referenceCases = loadReferenceSection<KsReferenceCase[]>('ks_2samp');

describe('ksTest against scipy.stats.ks_2samp (reference section ks_2samp)', () => {
  it('has the 51 reference cases', () => {
    expect(referenceCases).toHaveLength(51);
  });

  it.each(referenceCases.map((c, index) => [index, c] as const))('case %i', (_index, c) => {
    const result = ksTest(c.reference, c.current, { method: c.method });
    expectClose(result.statistic, c.statistic, { rel: 1e-9, abs: 0 });
    expectClose(result.pValue, c.pValue, P_VALUE_TOLERANCE);
    const expectedMethod =
      c.method === 'auto' ? (Math.max(c.reference.length, c.current.length) <= 10000 ? 'exact' : 'asymp') : c.method;
    expect(result.method).toBe(expectedMethod);
  });
});

describe('ksTest hand-checkable cases', () => {
  it('counts lattice paths exactly for a small case', () => {
    // After 0.7 the reference ECDF is 1 and the current one 1/4: D = 3/4. Of the C(7,3) = 35 orderings, 8 reach D ≥ 3/4.
    const result = ksTest([0.1, 0.4, 0.7], [0.5, 0.9, 1.3, 1.8]);
    expect(result.statistic).toBe(0.75);
    expect(result.pValue).toBeCloseTo(8 / 35, 14);
    expect(result.method).toBe('exact');
    expect(result.statisticLocation).toBe(0.7);
    expect(result.statisticSign).toBe(1);
  });

  it('gives D = 1 and p = 2 / C(n₁+n₂, n₁) for separated samples', () => {
    const below = ksTest([1, 2], [3, 4, 5]);
    expect(below.statistic).toBe(1);
    expect(below.pValue).toBeCloseTo(0.2, 14);
    expect(below.statisticLocation).toBe(2);
    expect(below.statisticSign).toBe(1);
    const above = ksTest([5, 6], [1, 2, 3]);
    expect(above.statistic).toBe(1);
    expect(above.statisticLocation).toBe(3);
    expect(above.statisticSign).toBe(-1);
  });

  it('gives D = 0 and p = 1 for identical samples, whatever the order', () => {
    const result = ksTest([3, 1, 2, 2], Float64Array.of(2, 2, 3, 1));
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it('evaluates both ECDFs after all tied values (scipy: searchsorted side="right")', () => {
    // scipy 1.10.1: ks_2samp([2, 2, 1], [2, 3, 3, 1]) → statistic 0.5, pvalue 0.6571428571428571, location 2.
    const result = ksTest([2, 2, 1], [2, 3, 3, 1]);
    expect(result.statistic).toBe(0.5);
    expectClose(result.pValue, 0.6571428571428571, { rel: 1e-12, abs: 0 });
    expect(result.statisticLocation).toBe(2);
  });

  it('reports the location scipy reports when float gaps tie', () => {
    // Regression: i/n₁ − j/n₂ rounds to 0.33333333333333337 at 3 but 0.3333333333333333 at 1 and 2; scipy's argmax
    // (and so statistic_location) picks 3. The exact method then snaps D to h/lcm = 1/3.
    const result = ksTest([3, 1, 2], [2, 3, 4]);
    expect(result.statisticLocation).toBe(3);
    expect(result.statistic).toBe(1 / 3);
    expect(result.pValue).toBe(1);
  });

  it('treats −0 and +0 as the same value', () => {
    // Regression: the radix sort orders −0 before +0; they must still count as one tied value (D = 0, not 1).
    const result = ksTest([-0], [0]);
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });
});

describe('ksTest method selection', () => {
  it('falls back from exact to asymp when the exact probability leaves [0, 1], as scipy does', () => {
    // Regression: n₁ = n₂ = 5 with D = 1/5 gives h = 1, and scipy's Horner sum returns 1.0000000000000002, so scipy
    // warns and switches to asymp (kstwo.sf(0.2, round(2.5) = 2) = 1). The method must say so.
    const result = ksTest([1, 2, 3, 4, 5], [1, 2, 3, 4, 5.5], { method: 'exact' });
    expect(result.statistic).toBe(0.2);
    expect(result.pValue).toBe(1);
    expect(result.method).toBe('asymp');
  });

  it('uses asymp for method exact when lcm(n₁, n₂) exceeds int32 (scipy rule)', () => {
    const a = normalSample(1, 50000);
    const b = normalSample(2, 49999);
    const exact = ksTest(a, b, { method: 'exact' });
    const asymp = ksTest(a, b, { method: 'asymp' });
    expect(exact.method).toBe('asymp');
    expect(exact.pValue).toBe(asymp.pValue);
  });

  it('uses exact up to 10,000 values per sample under auto and asymp above', () => {
    expect(ksTest(normalSample(3, 10000), normalSample(4, 300)).method).toBe('exact');
    expect(ksTest(normalSample(3, 10001), normalSample(4, 300)).method).toBe('asymp');
  });

  it('returns a NaN p-value for one value against one value under asymp (n = round(0.5) = 0, as in scipy)', () => {
    const result = ksTest([1], [2], { method: 'asymp' });
    expect(result.statistic).toBe(1);
    expect(result.pValue).toBeNaN();
    expect(ksTest([1], [2]).pValue).toBe(1);
  });
});

describe('ksTest properties', () => {
  const a = normalSample(10, 400);
  const b = normalSample(11, 250, 0.3);

  it('is symmetric: swapping the samples keeps D and p and flips the sign', () => {
    for (const method of ['exact', 'asymp'] as const) {
      const ab = ksTest(a, b, { method });
      const ba = ksTest(b, a, { method });
      expect(ba.statistic).toBe(ab.statistic);
      expect(ba.pValue).toBe(ab.pValue);
      expect(ba.statisticSign).toBe(-ab.statisticSign);
      expect(ba.statisticLocation).toBe(ab.statisticLocation);
    }
  });

  it('is invariant under strictly increasing transforms and input order', () => {
    const base = ksTest(a, b);
    const transformed = ksTest(Array.from(a, (x) => Math.exp(x)), Array.from(b, (x) => Math.exp(x)));
    expect(transformed.statistic).toBe(base.statistic);
    expect(transformed.pValue).toBe(base.pValue);
    const reversed = ksTest(Float64Array.from(a).reverse(), Array.from(b).reverse());
    expect(reversed).toEqual(base);
  });

  it('keeps D in [0, 1] and p in [0, 1], and p shrinks as the shift grows', () => {
    let previous = 1.1;
    for (const shift of [0, 0.2, 0.5, 1, 2]) {
      const result = ksTest(a, normalSample(12, 300, shift));
      expect(result.statistic).toBeGreaterThanOrEqual(0);
      expect(result.statistic).toBeLessThanOrEqual(1);
      expect(result.pValue).toBeGreaterThanOrEqual(0);
      expect(result.pValue).toBeLessThanOrEqual(previous);
      previous = result.pValue;
    }
  });

  it('agrees between exact and asymp for large samples', () => {
    const exact = ksTest(normalSample(20, 3000), normalSample(21, 2000, 0.05), { method: 'exact' });
    const asymp = ksTest(normalSample(20, 3000), normalSample(21, 2000, 0.05), { method: 'asymp' });
    expect(Math.abs(exact.pValue - asymp.pValue)).toBeLessThan(0.01);
  });
});

describe('ksTest bad input', () => {
  it('rejects empty samples', () => {
    expect(() => ksTest([], [1])).toThrow(/^ksTest: reference must not be empty/);
    expect(() => ksTest([1], [])).toThrow(/^ksTest: current must not be empty/);
  });

  it('rejects NaN and ±Infinity', () => {
    expect(() => ksTest([1, Number.NaN], [1])).toThrow(/^ksTest: reference\[1\] is NaN/);
    expect(() => ksTest([1], [Infinity])).toThrow(/^ksTest: current\[0\] is Infinity/);
    expect(() => ksTest([-Infinity], [1])).toThrow(RangeError);
  });

  it('rejects an unknown method', () => {
    expect(() => ksTest([1], [2], { method: 'fast' as KsTestMethod })).toThrow(/^ksTest: method must be/);
  });
});
