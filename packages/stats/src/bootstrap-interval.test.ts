import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from './bootstrap-interval.js';
import { delongInterval } from './delong-interval.js';
import { createRandom, sampleStandardNormal } from './random.js';

// 37 replicate values and numpy 1.24 `np.quantile(v, [α/2, 1 − α/2])`, `np.std(v, ddof=1)` for them.
const REPLICATE_VALUES = [
  -8.019, -13.244, -2.484, 4.204, 11.36, 1.097, -5.526, -7.848, 7.487, 16.348, 2.728, -12.333, -9.583, 16.0, 2.029,
  -17.321, -0.837, -11.632, -6.293, -4.88, -7.133, 5.534, -0.631, -5.894, 4.096, 8.299, -16.43, -2.567, -9.807,
  -1.732, -12.894, 0.207, -0.379, -3.043, -10.479, -3.962, -10.913,
];
const NUMPY_QUANTILES: ReadonlyArray<readonly [number, number, number]> = [
  [0.95, -16.519099999999998, 16.0348],
  [0.9, -13.881200000000002, 12.287999999999979],
  [0.5, -9.583, 2.029],
  [0.999, -17.304962, 16.341735999999997],
];
const NUMPY_STD = 8.353443521037246;

function meanOf(values: readonly number[]): (indices: Int32Array) => number {
  return (indices) => {
    let sum = 0;
    for (const i of indices) sum += values[i]!;
    return sum / indices.length;
  };
}

function normalSample(seed: number, size: number): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: size }, () => sampleStandardNormal(rng));
}

describe('bootstrapInterval', () => {
  it('takes numpy linear quantiles and the ddof = 1 standard deviation of the replicates', () => {
    for (const [confidence, lower, upper] of NUMPY_QUANTILES) {
      // The statistic ignores the resample and replays fixed values, so only the interval arithmetic is tested.
      let call = -1;
      const result = bootstrapInterval({
        sampleSize: 5,
        statistic: () => (call < 0 ? (call++, 99) : REPLICATE_VALUES[call++]!),
        replicates: REPLICATE_VALUES.length,
        confidence,
        rng: createRandom(1),
      });
      expect(result.estimate).toBe(99);
      expect(result.lower).toBeCloseTo(lower, 12);
      expect(result.upper).toBeCloseTo(upper, 12);
      expect(Math.abs(result.standardError - NUMPY_STD)).toBeLessThanOrEqual(1e-12 * NUMPY_STD);
      expect(result).toMatchObject({ replicates: 37, skipped: 0, confidence });
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const values = normalSample(11, 80);
    const run = (seed: number) => bootstrapInterval({ sampleSize: 80, statistic: meanOf(values), replicates: 200, rng: createRandom(seed) });
    expect(run(3)).toEqual(run(3));
    expect(run(3).lower).not.toBe(run(4).lower);
  });

  it('estimates the standard error of a mean close to s/√n and brackets the estimate', () => {
    const values = normalSample(12, 400);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    const result = bootstrapInterval({ sampleSize: 400, statistic: meanOf(values), replicates: 2000, rng: createRandom(5) });
    expect(result.estimate).toBeCloseTo(mean, 14);
    expect(result.standardError / (sd / Math.sqrt(400))).toBeGreaterThan(0.9);
    expect(result.standardError / (sd / Math.sqrt(400))).toBeLessThan(1.1);
    expect(result.lower).toBeLessThan(result.estimate);
    expect(result.upper).toBeGreaterThan(result.estimate);
    // Percentile interval of a near-normal statistic ≈ mean ± 1.96·SE.
    expect((result.upper - result.lower) / (2 * 1.959964 * result.standardError)).toBeCloseTo(1, 1);
  });

  it('draws indices in [0, n) and evaluates the estimate on the identity', () => {
    const seen: number[][] = [];
    bootstrapInterval({
      sampleSize: 7,
      statistic: (indices) => {
        seen.push(Array.from(indices));
        return 0;
      },
      replicates: 50,
      rng: createRandom(9),
    });
    expect(seen[0]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(seen).toHaveLength(51);
    for (const draw of seen.slice(1)) {
      expect(draw).toHaveLength(7);
      for (const i of draw) expect(i >= 0 && i < 7 && Number.isInteger(i)).toBe(true);
    }
  });

  it('keeps paired rows together: AUC replicates skip single-class resamples', () => {
    const labels = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1];
    const scores = [0.9, 0.2, 0.3, 0.1, 0.7, 0.4, 0.35, 0.05, 0.6, 0.2, 0.15, 0.8];
    const auc = (indices: Int32Array): number => {
      const l = Array.from(indices, (i) => labels[i]!);
      const s = Array.from(indices, (i) => scores[i]!);
      const positives = l.reduce((a, b) => a + b, 0);
      if (positives < 2 || positives > l.length - 2) return Number.NaN;
      return delongInterval(l, s).auc;
    };
    const result = bootstrapInterval({ sampleSize: labels.length, statistic: auc, replicates: 500, rng: createRandom(2) });
    expect(result.estimate).toBe(1);
    expect(result.skipped).toBeGreaterThan(0);
    expect(result.skipped).toBeLessThan(500);
    expect(result.upper).toBe(1);
    expect(result.lower).toBeLessThanOrEqual(1);
  });

  it('bootstrap SE of AUC is close to the DeLong SE on a larger sample', () => {
    const rng = createRandom(21);
    const labels: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 600; i++) {
      const label = rng.nextFloat() < 0.4 ? 1 : 0;
      labels.push(label);
      scores.push(sampleStandardNormal(rng) + label);
    }
    const delong = delongInterval(labels, scores);
    const result = bootstrapInterval({
      sampleSize: 600,
      statistic: (idx) => delongInterval(Array.from(idx, (i) => labels[i]!), Array.from(idx, (i) => scores[i]!)).auc,
      replicates: 400,
      rng: createRandom(8),
    });
    expect(result.standardError / delong.standardError).toBeGreaterThan(0.85);
    expect(result.standardError / delong.standardError).toBeLessThan(1.15);
  });

  it('counts NaN and infinite replicates as skipped; all skipped gives NaN bounds', () => {
    let call = 0;
    const result = bootstrapInterval({
      sampleSize: 3,
      statistic: () => [1, Number.NaN, 2, Infinity, 3][call++ % 5]!,
      replicates: 10,
      rng: createRandom(1),
    });
    expect(result.skipped).toBe(4);
    expect(result.lower).toBeGreaterThanOrEqual(1);
    expect(result.upper).toBeLessThanOrEqual(3);
    const none = bootstrapInterval({ sampleSize: 3, statistic: () => Number.NaN, replicates: 5, rng: createRandom(1) });
    expect(none).toMatchObject({ replicates: 5, skipped: 5 });
    expect(none.lower).toBeNaN();
    expect(none.upper).toBeNaN();
    expect(none.standardError).toBeNaN();
    const one = bootstrapInterval({ sampleSize: 3, statistic: () => 4, replicates: 1, rng: createRandom(1) });
    expect(one).toMatchObject({ lower: 4, upper: 4 });
    expect(one.standardError).toBeNaN();
  });

  it('rejects bad input', () => {
    const base = { sampleSize: 3, statistic: () => 0, rng: createRandom(1) };
    expect(() => bootstrapInterval({ ...base, sampleSize: 0 })).toThrow(/^bootstrapInterval: sampleSize must be an integer/);
    expect(() => bootstrapInterval({ ...base, sampleSize: 2.5 })).toThrow(/^bootstrapInterval: sampleSize/);
    expect(() => bootstrapInterval({ ...base, replicates: 0 })).toThrow(/^bootstrapInterval: replicates must be an integer ≥ 1/);
    expect(() => bootstrapInterval({ ...base, replicates: Number.NaN })).toThrow(/^bootstrapInterval: replicates/);
    for (const confidence of [0, 1, -1, Number.NaN]) {
      expect(() => bootstrapInterval({ ...base, confidence })).toThrow(/^bootstrapInterval: confidence must be in \(0, 1\)/);
    }
  });
});
