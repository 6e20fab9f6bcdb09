import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { createReservoirSampler } from './reservoir-sample.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('createReservoirSampler', () => {
  it('returns the whole stream when capacity ≥ stream length', () => {
    const sampler = createReservoirSampler<string>(5, createRandom(1));
    sampler.addMany(['a', 'b']);
    sampler.add('c');
    expect(sampler.sample()).toEqual(['a', 'b', 'c']);
    expect(sampler.seen).toBe(3);
    const exact = createReservoirSampler<number>(4, createRandom(2));
    exact.addMany([10, 11, 12, 13]);
    expect(exact.sample()).toEqual([10, 11, 12, 13]);
  });

  it('keeps exactly capacity distinct items from the stream', () => {
    const sampler = createReservoirSampler<number>(50, createRandom(3));
    sampler.addMany(range(10_000));
    const sample = sampler.sample();
    expect(sample).toHaveLength(50);
    expect(new Set(sample).size).toBe(50);
    for (const x of sample) expect(x >= 0 && x < 10_000 && Number.isInteger(x)).toBe(true);
    expect(sampler.seen).toBe(10_000);
    expect(sampler.capacity).toBe(50);
  });

  it('gives the same sample for a seed whether items come one by one or in chunks of any size', () => {
    const stream = range(5_003);
    const single = createReservoirSampler<number>(17, createRandom(99));
    for (const x of stream) single.add(x);
    const chunked = createReservoirSampler<number>(17, createRandom(99));
    // Chunk boundaries fall inside the filling phase (size 5 < 17) and after it.
    const sizes = [5, 1, 30, 0, 997, 2_000, 1_970];
    let offset = 0;
    for (const size of sizes) {
      chunked.addMany(stream.slice(offset, offset + size));
      offset += size;
    }
    expect(offset).toBe(stream.length);
    expect(chunked.sample()).toEqual(single.sample());
    expect(chunked.seen).toBe(single.seen);
  });

  it('includes every item with probability k/N (binomial bound, seeded)', () => {
    // N = 100 items, k = 10, R = 20,000 runs: each inclusion count ~ Binomial(R, 0.1), mean 2,000, sd ≈ 42.4.
    // A 5-sd bound per item fails with probability < 6e-7 each for a correct sampler; the seed makes it deterministic.
    const n = 100;
    const k = 10;
    const runs = 20_000;
    const counts = new Int32Array(n);
    const rng = createRandom(20240601);
    const stream = range(n);
    for (let r = 0; r < runs; r++) {
      const sampler = createReservoirSampler<number>(k, rng);
      // Alternate single adds and chunks so both paths are exercised.
      if (r % 2 === 0) sampler.addMany(stream);
      else for (const x of stream) sampler.add(x);
      for (const x of sampler.sample()) counts[x]!++;
    }
    const mean = (runs * k) / n;
    const sd = Math.sqrt(runs * (k / n) * (1 - k / n));
    let chiSquared = 0;
    for (let i = 0; i < n; i++) {
      expect(Math.abs(counts[i]! - mean)).toBeLessThan(5 * sd);
      chiSquared += (counts[i]! - mean) ** 2 / mean;
    }
    // Inclusions within a run have covariance −p(1 − p)/(N − 1), so Σ(c − m)²/m ≈ (1 − k/N)·N/(N − 1)·χ²(99) ≈ 0.91·χ²(99)
    // for a correct sampler; bound it by the 0.9999 quantile of χ²(99), ≈ 157.
    expect(chiSquared).toBeLessThan(157);
  });

  it('draws every k-subset with equal probability (χ² over the 10 subsets of 2 of 5)', () => {
    const runs = 50_000;
    const counts = new Map<string, number>();
    const rng = createRandom(7);
    for (let r = 0; r < runs; r++) {
      const sampler = createReservoirSampler<number>(2, rng);
      sampler.addMany([0, 1, 2, 3, 4]);
      const key = sampler
        .sample()
        .sort((a, b) => a - b)
        .join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    let chiSquared = 0;
    for (const c of counts.values()) chiSquared += (c - runs / 10) ** 2 / (runs / 10);
    // The 0.9999 quantile of χ²(9) is ≈ 33.7.
    expect(chiSquared).toBeLessThan(33.7);
  });

  it('samples late items of a long stream at the right rate (skip-ahead stays unbiased)', () => {
    // Stream of 100,000 with k = 100: the share of the sample from the last tenth should be 0.1.
    const rng = createRandom(11);
    let late = 0;
    const runs = 200;
    const stream = range(100_000);
    for (let r = 0; r < runs; r++) {
      const sampler = createReservoirSampler<number>(100, rng);
      sampler.addMany(stream);
      for (const x of sampler.sample()) if (x >= 90_000) late++;
    }
    // late ~ approximately Binomial(20,000, 0.1): mean 2,000, sd ≈ 42.4; 5-sd bound.
    expect(Math.abs(late - 2_000)).toBeLessThan(5 * 42.5);
  });

  it('rejects a capacity below 1 or not an integer', () => {
    const rng = createRandom(1);
    expect(() => createReservoirSampler(0, rng)).toThrow(RangeError);
    expect(() => createReservoirSampler(0, rng)).toThrow(/^createReservoirSampler: capacity/);
    expect(() => createReservoirSampler(-3, rng)).toThrow(RangeError);
    expect(() => createReservoirSampler(2.5, rng)).toThrow(RangeError);
    expect(() => createReservoirSampler(Number.NaN, rng)).toThrow(RangeError);
  });

  it('returns a copy, so callers cannot corrupt the reservoir', () => {
    const sampler = createReservoirSampler<number>(3, createRandom(5));
    sampler.addMany([1, 2, 3]);
    const first = sampler.sample();
    first[0] = 42;
    expect(sampler.sample()).toEqual([1, 2, 3]);
  });
});
