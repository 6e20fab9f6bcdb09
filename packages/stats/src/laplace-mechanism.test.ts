import { describe, expect, it } from 'vitest';
import { laplaceNoise, privateCount, privateHistogram } from './laplace-mechanism.js';
import { createRandom } from './random.js';
import type { RandomGenerator } from './random.js';
import { sortFloat64 } from './sort-float64.js';

/** A generator that replays fixed uniforms, to check the inverse-CDF mapping by hand. */
function replay(values: number[]): RandomGenerator {
  let i = 0;
  return {
    nextFloat: () => values[i++ % values.length]!,
    nextInt: () => 0,
  };
}

function laplaceCdf(x: number, b: number): number {
  return x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b);
}

function moments(values: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, variance: ss / values.length };
}

describe('laplaceNoise', () => {
  it('maps uniforms through the Laplace inverse CDF (hand-checked quantiles)', () => {
    // F⁻¹(u) = b·ln(2u) for u < ½ and −b·ln(2 − 2u) for u ≥ ½.
    expect(laplaceNoise(3, replay([0.25]))).toBeCloseTo(-3 * Math.LN2, 14);
    expect(laplaceNoise(3, replay([0.75]))).toBeCloseTo(3 * Math.LN2, 14);
    expect(Math.abs(laplaceNoise(1, replay([0.5])))).toBeLessThan(1e-15);
    expect(laplaceNoise(2, replay([0.1]))).toBeCloseTo(2 * Math.log(0.2), 13);
    expect(laplaceNoise(2, replay([0.9]))).toBeCloseTo(-2 * Math.log(0.2), 13);
  });

  it('stays finite at the extreme uniforms (no log(0)) and is exactly symmetric on the 2⁻⁵³ grid', () => {
    // Regression guard: the plain inverse CDF b·ln(2u) is −∞ at u = 0, which nextFloat() can return.
    const ulp = 2 ** -53;
    expect(laplaceNoise(1, replay([0]))).toBeCloseTo(-53 * Math.LN2, 12);
    expect(laplaceNoise(1, replay([1 - ulp]))).toBeCloseTo(53 * Math.LN2, 12);
    for (const k of [0, 1, 2, 12_345, 2 ** 40 + 7, 2 ** 52 - 1]) {
      const low = laplaceNoise(1, replay([k * ulp]));
      const high = laplaceNoise(1, replay([1 - (k + 1) * ulp]));
      expect(Number.isFinite(low)).toBe(true);
      expect(high).toBe(-low);
      expect(Math.abs(low)).toBeLessThan(36.75);
    }
  });

  it('is monotone in the uniform (a true inverse CDF)', () => {
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i <= 1_000; i++) {
      const x = laplaceNoise(1, replay([Math.min(i / 1_000, 1 - 2 ** -53)]));
      expect(x).toBeGreaterThan(previous);
      previous = x;
    }
  });

  it('has mean 0 and variance 2b² (seeded, 5-sd bounds)', () => {
    const n = 400_000;
    const b = 1.7;
    const rng = createRandom(2026);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = laplaceNoise(b, rng);
    const { mean, variance } = moments(xs);
    // sd(mean) = b·√(2/n); sd(sample variance) ≈ b²·√(20/n) since E X⁴ = 24b⁴.
    expect(Math.abs(mean)).toBeLessThan(5 * b * Math.sqrt(2 / n));
    expect(Math.abs(variance - 2 * b * b)).toBeLessThan(5 * b * b * Math.sqrt(20 / n));
  });

  it('matches the Laplace CDF (Kolmogorov–Smirnov distance < 1.63/√n, the 1% critical value)', () => {
    const n = 100_000;
    const b = 0.8;
    const rng = createRandom(77);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = laplaceNoise(b, rng);
    const sorted = sortFloat64(xs);
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = laplaceCdf(sorted[i]!, b);
      d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
    // Symmetry: about half the draws are negative (5-sd binomial bound).
    let negatives = 0;
    for (const x of xs) if (x < 0) negatives++;
    expect(Math.abs(negatives - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4));
  });

  it('is reproducible for a seed', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    for (let i = 0; i < 10; i++) expect(laplaceNoise(1, a)).toBe(laplaceNoise(1, b));
  });

  it('rejects a scale that is not a finite number > 0', () => {
    const rng = createRandom(1);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => laplaceNoise(bad, rng)).toThrow(RangeError);
    }
    expect(() => laplaceNoise(0, rng)).toThrow(/^laplaceNoise: scale/);
  });
});

describe('privateCount', () => {
  it('adds Laplace(0, Δ/ε) noise: unbiased with variance 2(Δ/ε)²', () => {
    const n = 200_000;
    const rng = createRandom(31);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = privateCount(1_000, { epsilon: 0.5, sensitivity: 2, rng });
    const b = 2 / 0.5;
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - 1_000)).toBeLessThan(5 * b * Math.sqrt(2 / n));
    expect(Math.abs(variance - 2 * b * b)).toBeLessThan(5 * b * b * Math.sqrt(20 / n));
  });

  it('equals count + laplaceNoise(1/ε) for the same uniform (default sensitivity 1)', () => {
    expect(privateCount(10, { epsilon: 0.25, rng: replay([0.25]) })).toBeCloseTo(10 - 4 * Math.LN2, 12);
    const a = createRandom(8);
    const b = createRandom(8);
    expect(privateCount(42, { epsilon: 2, rng: a })).toBe(42 + laplaceNoise(0.5, b));
  });

  it('rounds and clamps at zero when asked (post-processing)', () => {
    const rng = createRandom(4);
    for (let i = 0; i < 2_000; i++) {
      const v = privateCount(1, { epsilon: 0.2, rng, round: true, clampToZero: true });
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(Object.is(v, -0)).toBe(false);
    }
    // u = 0.1 with b = 10 gives 1 + 10·ln(0.2) ≈ −15.09 → clamped to 0; without clamp, rounded to −15.
    expect(privateCount(1, { epsilon: 0.1, rng: replay([0.1]), clampToZero: true })).toBe(0);
    expect(privateCount(1, { epsilon: 0.1, rng: replay([0.1]), round: true })).toBe(-15);
  });

  it('rejects bad epsilon, sensitivity and count', () => {
    const rng = createRandom(1);
    for (const bad of [0, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => privateCount(3, { epsilon: bad, rng })).toThrow(/^privateCount: epsilon/);
      expect(() => privateCount(3, { epsilon: 1, sensitivity: bad, rng })).toThrow(/^privateCount: sensitivity/);
    }
    for (const bad of [-1, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]) {
      expect(() => privateCount(bad, { epsilon: 1, rng })).toThrow(/^privateCount: count/);
    }
  });
});

describe('privateHistogram', () => {
  it('adds independent Laplace(0, 1/ε) noise to every bin', () => {
    const runs = 50_000;
    const epsilon = 0.8;
    const b = 1 / epsilon;
    const rng = createRandom(123);
    const bin0 = new Float64Array(runs);
    const bin1 = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      const h = privateHistogram([50, 7], { epsilon, rng });
      bin0[r] = h[0]! - 50;
      bin1[r] = h[1]! - 7;
    }
    for (const noise of [bin0, bin1]) {
      const { mean, variance } = moments(noise);
      expect(Math.abs(mean)).toBeLessThan(5 * b * Math.sqrt(2 / runs));
      expect(Math.abs(variance - 2 * b * b)).toBeLessThan(5 * b * b * Math.sqrt(20 / runs));
    }
    expect(privateHistogram([50, 7], { epsilon, rng })).toHaveLength(2);
    // Independent bins: the sample correlation has sd ≈ 1/√runs.
    let cross = 0;
    for (let r = 0; r < runs; r++) cross += bin0[r]! * bin1[r]!;
    const correlation = cross / runs / (2 * b * b);
    expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(runs));
  });

  it('scales noise with the sensitivity (replace-one neighbouring uses Δ = 2)', () => {
    const h1 = privateHistogram([10, 20, 30], { epsilon: 1, rng: replay([0.25]) });
    const h2 = privateHistogram([10, 20, 30], { epsilon: 1, sensitivity: 2, rng: replay([0.25]) });
    for (let i = 0; i < 3; i++) {
      expect(h1[i]!).toBeCloseTo((i + 1) * 10 - Math.LN2, 12);
      expect(h2[i]!).toBeCloseTo((i + 1) * 10 - 2 * Math.LN2, 12);
    }
  });

  it('rounds and clamps every bin when asked, and accepts an empty histogram', () => {
    const h = privateHistogram(new Float64Array([0, 0, 1, 2]), { epsilon: 0.1, rng: createRandom(6), round: true, clampToZero: true });
    for (const v of h) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(() => privateHistogram([], { epsilon: 1, rng: createRandom(1) })).toThrow(/^privateHistogram: counts must not be empty/);
  });

  it('rejects negative or non-finite counts and bad epsilon', () => {
    const rng = createRandom(1);
    expect(() => privateHistogram([1, -2], { epsilon: 1, rng })).toThrow(/^privateHistogram: counts\[1\]/);
    expect(() => privateHistogram([1, Number.NaN], { epsilon: 1, rng })).toThrow(/^privateHistogram: counts\[1\] is NaN/);
    expect(() => privateHistogram([1], { epsilon: 0, rng })).toThrow(/^privateHistogram: epsilon/);
    expect(() => privateHistogram([1], { epsilon: Number.POSITIVE_INFINITY, rng })).toThrow(RangeError);
  });
});
