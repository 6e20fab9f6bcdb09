import { describe, expect, it } from 'vitest';
import { loadReferenceSection } from '../test/reference-file.js';
import { createRandom, sampleStandardNormal } from './random.js';
import { quantile, quantileSorted } from './quantile.js';

const psiCases = loadReferenceSection<{ reference: number[] }[]>('psi');

describe('quantile', () => {
  it('equals numpy.quantile (linear) bit for bit on a small unsorted sample with ties', () => {
    // numpy 1.24.2: np.quantile([3.1, -2, 7.25, 0.5, 11, 4.4, 4.4], [0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9, 1])
    const values = [3.1, -2, 7.25, 0.5, 11, 4.4, 4.4];
    const levels = [0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9, 1];
    const expected = [-2.0, -0.4999999999999998, 1.8, 2.5799999999999996, 4.4, 4.969999999999998, 8.750000000000002, 11.0];
    expect(Array.from(quantile(values, levels))).toEqual(expected);
  });

  it('equals numpy.quantile bit for bit at numpy.linspace levels (not i/bins)', () => {
    // numpy 1.24.2: np.quantile(np.arange(11) * 1.5, np.linspace(0, 1, 11)); level 0.7 is 0.7000000000000001 there.
    const values = Array.from({ length: 11 }, (_, i) => i * 1.5);
    const levels = Array.from({ length: 11 }, (_, i) => (i === 10 ? 1 : i * 0.1));
    const expected = [0.0, 1.5, 3.0, 4.500000000000001, 6.0, 7.5, 9.000000000000002, 10.500000000000002, 12.0, 13.5, 15.0];
    expect(Array.from(quantile(values, levels))).toEqual(expected);
    // np.quantile(np.arange(11) * 1.5, 0.7) == 10.5
    expect(quantile(values, 0.7)).toBe(10.5);
  });

  it('returns a number for a scalar level and a Float64Array for several', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    const many = quantile([1, 2, 3, 4], [0, 0.25, 1]);
    expect(many).toBeInstanceOf(Float64Array);
    expect(Array.from(many)).toEqual([1, 1.75, 4]);
    expect(quantile([1, 2, 3, 4], []).length).toBe(0);
  });

  it('gives the minimum at 0, the maximum at 1, and the value itself for one observation', () => {
    const values = [5, -3, 8, 0.25, 2];
    expect(quantile(values, 0)).toBe(-3);
    expect(quantile(values, 1)).toBe(8);
    expect(quantile([42], 0.37)).toBe(42);
  });

  it('is monotone in q and stays within the data range', () => {
    const rng = createRandom(7);
    const values = Array.from({ length: 257 }, () => sampleStandardNormal(rng));
    const levels = Array.from({ length: 1001 }, (_, i) => i / 1000);
    const q = quantile(values, levels);
    for (let i = 1; i < q.length; i++) expect(q[i]!).toBeGreaterThanOrEqual(q[i - 1]!);
    expect(q[0]).toBe(Math.min(...values));
    expect(q[q.length - 1]).toBe(Math.max(...values));
  });

  it('hits the order statistics exactly where (n − 1)·q is an integer', () => {
    const values = [9, 1, 7, 3, 5];
    expect(Array.from(quantile(values, [0, 0.25, 0.5, 0.75, 1]))).toEqual([1, 3, 5, 7, 9]);
  });

  it('does not modify its input', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('agrees with quantileSorted on sorted data (the PSI reference samples)', () => {
    const levels = [0, 0.1, 0.2, 0.5, 0.9, 1];
    for (const { reference: sample } of psiCases) {
      const sorted = Float64Array.from(sample).sort();
      expect(Array.from(quantile(sample, levels))).toEqual(Array.from(quantileSorted(sorted, levels)));
    }
  });

  it('rejects empty or non-finite samples and levels outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(/quantile: values must not be empty/);
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(/quantile: values\[1\] is NaN/);
    expect(() => quantile([1, Infinity], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.01)).toThrow(/quantile: q must be in \[0, 1\], got -0.01/);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(/q must be in \[0, 1\], got NaN/);
    expect(() => quantile([1, 2], [0.5, 2])).toThrow(/quantile: q\[1\] must be in \[0, 1\], got 2/);
    expect(() => quantileSorted([], 0.5)).toThrow(/quantileSorted: sorted must not be empty/);
    expect(() => quantileSorted([1, 2], [Number.NaN])).toThrow(/quantileSorted: q\[0\]/);
  });
});
