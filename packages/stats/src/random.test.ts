import { describe, expect, it } from 'vitest';
import { createRandom, sampleStandardNormal, shuffleInPlace } from './random.js';

describe('createRandom', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.nextFloat());
    expect(Array.from({ length: 5 }, () => b.nextFloat())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextFloat())).not.toEqual(seqA);
  });

  it('gives floats in [0, 1) with mean 1/2 and variance 1/12 (200,000 draws, 5 standard errors)', () => {
    const rng = createRandom(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('gives unbiased integers below the bound (chi-squared over 10 buckets below the 0.999 quantile, 27.88)', () => {
    const rng = createRandom(2);
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.nextInt(10)]!++;
    const expected = n / 10;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.88);
  });

  it.each([0, -1, 1.5, 2 ** 33])('rejects nextInt(%d)', (bound) => {
    expect(() => createRandom(1).nextInt(bound)).toThrow(RangeError);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const rng = createRandom(3);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = sampleStandardNormal(rng);
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.03);
  });

  it('shuffles a permutation in place', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(values, createRandom(4));
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(values).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
