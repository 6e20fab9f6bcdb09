import { bootstrapInterval, createRandom } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import { bootstrapMetrics, gather, meanOver } from './metric-bootstrap.js';

const values = Float64Array.of(3.1, 2.4, 5.0, 4.2, 3.3, 2.9, 4.8, 3.6);
const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;

describe('bootstrapMetrics', () => {
  it('equals the percentile bootstrap of bootstrapInterval below the subsample size', () => {
    const result = bootstrapMetrics(
      [{ name: 'mean', estimate: mean(values), prepare: (rows) => meanOver(gather(values, rows)) }],
      { rows: values.length, confidence: 0.9, seed: 5, replicates: 300 },
    );
    const expected = bootstrapInterval({ sampleSize: values.length, statistic: meanOver(values), rng: createRandom(5), replicates: 300, confidence: 0.9 });
    expect(result.mean).toEqual({ value: mean(values), lower: expected.lower, upper: expected.upper, interval: 'bootstrap' });
  });

  it('bootstraps every metric on the same resamples', () => {
    const result = bootstrapMetrics(
      [
        { name: 'a', estimate: mean(values), prepare: (rows) => meanOver(gather(values, rows)) },
        { name: 'b', estimate: 2 * mean(values), prepare: (rows) => { const m = meanOver(gather(values, rows)); return (p) => 2 * m(p); } },
      ],
      { rows: values.length, confidence: 0.95, seed: 1 },
    );
    expect(result.b!.lower).toBeCloseTo(2 * result.a!.lower!, 12);
    expect(result.b!.upper).toBeCloseTo(2 * result.a!.upper!, 12);
  });

  it('on a subsample, centres on the full estimate and scales the half-widths by √(m/n)', () => {
    const n = 4000;
    const rng = createRandom(3);
    const big = Float64Array.from({ length: n }, () => rng.nextFloat());
    const full = mean(big);
    const options = { rows: n, confidence: 0.95, seed: 9, replicates: 400 };
    const sub = bootstrapMetrics([{ name: 'm', estimate: full, prepare: (rows) => meanOver(gather(big, rows)) }], { ...options, maxRows: 1000 }).m!;
    const all = bootstrapMetrics([{ name: 'm', estimate: full, prepare: (rows) => meanOver(gather(big, rows)) }], options).m!;
    expect(sub.lower!).toBeLessThan(full);
    expect(sub.upper!).toBeGreaterThan(full);
    // Both estimate the same standard error (≈ 0.289/√4000 ≈ 0.0046), so the widths agree within bootstrap noise.
    const width = (m: typeof sub) => m.upper! - m.lower!;
    expect(width(sub) / width(all)).toBeGreaterThan(0.8);
    expect(width(sub) / width(all)).toBeLessThan(1.25);
    expect(width(all)).toBeCloseTo(2 * 1.96 * Math.sqrt(1 / 12 / n), 2);
  });

  it('leaves null estimates and always-undefined metrics without an interval', () => {
    const result = bootstrapMetrics(
      [
        { name: 'none', estimate: null, prepare: () => () => 1 },
        { name: 'nan', estimate: 0.5, prepare: () => () => Number.NaN },
      ],
      { rows: 10, confidence: 0.95, seed: 1 },
    );
    expect(result.none).toEqual({ value: null, lower: null, upper: null, interval: null });
    expect(result.nan).toEqual({ value: 0.5, lower: null, upper: null, interval: null });
  });

  it('clips to the bounds and is reproducible for a seed', () => {
    const ones = Float64Array.of(1, 1, 1, 0.99);
    const run = () =>
      bootstrapMetrics([{ name: 'm', estimate: mean(ones), bounds: [0, 1], prepare: (rows) => meanOver(gather(ones, rows)) }], { rows: 4, confidence: 0.95, seed: 2 });
    expect(run()).toEqual(run());
    expect(run().m!.upper).toBeLessThanOrEqual(1);
  });
});
