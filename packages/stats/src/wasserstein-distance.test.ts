import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { normalSample } from '../test/normal-samples.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { wassersteinDistance } from './wasserstein-distance.js';

const wassersteinCases = loadReferenceSection<{ reference: number[]; current: number[]; distance: number }[]>('wasserstein');

describe('wassersteinDistance', () => {
  it('matches scipy.stats.wasserstein_distance on the reference cases', () => {
    expect(wassersteinCases.length).toBe(3);
    for (const c of wassersteinCases) {
      expectClose(wassersteinDistance(c.reference, c.current).distance, c.distance);
      // Equal weights are the unweighted distance, through the weighted code path.
      const weights = c.reference.map(() => 2.5);
      expectClose(wassersteinDistance(c.reference, c.current, { referenceWeights: weights }).distance, c.distance);
    }
  });

  it('matches scipy with weights, including zero weights and ties', () => {
    // scipy 1.10.1: wasserstein_distance(u, v), (u, v, uw, vw), (u, v, uw), (u, v, None, vw)
    const u = [0.3, -1.2, 2.5, 2.5, 0.0, 4.1];
    const uw = [1, 2, 0.5, 0, 3, 1.25];
    const v = [1.0, 1.0, -0.5, 3.3];
    const vw = [0.2, 0.7, 1.1, 2];
    expectClose(wassersteinDistance(u, v).distance, 0.9333333333333332);
    expectClose(wassersteinDistance(u, v, { referenceWeights: uw, currentWeights: vw }).distance, 1.4608870967741932);
    expectClose(wassersteinDistance(u, v, { referenceWeights: uw }).distance, 0.9064516129032256);
    expectClose(wassersteinDistance(u, v, { currentWeights: vw }).distance, 0.7458333333333333);
  });

  it('is the mean shift for two translated point masses and hand-checkable samples', () => {
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8]).distance).toBe(5);
    expect(wassersteinDistance([2], [-1.5]).distance).toBe(3.5);
    // F_ref − F_cur = 1/2 on [0, 1), so W = 0.5.
    expect(wassersteinDistance([0, 1], [1, 1]).distance).toBe(0.5);
  });

  it('is zero for identical samples and for permutations of one sample', () => {
    const x = normalSample(1, 1000);
    expect(wassersteinDistance(x, x).distance).toBe(0);
    expect(wassersteinDistance(x, Float64Array.from(x).reverse()).distance).toBe(0);
    // Repeating every value keeps the empirical distribution.
    expect(wassersteinDistance([1, 2, 3], [3, 3, 2, 2, 1, 1]).distance).toBe(0);
  });

  it('is symmetric', () => {
    const a = normalSample(2, 3001);
    const b = normalSample(3, 2999, 0.3, 1.4);
    expectClose(wassersteinDistance(a, b).distance, wassersteinDistance(b, a).distance, { rel: 1e-12, abs: 1e-12 });
  });

  it('is shift-equivariant: W(x + c, x) = |c|', () => {
    const x = Float64Array.from({ length: 4096 }, (_, i) => ((i * 37) % 101) / 8);
    for (const c of [0.5, -3.25, 1024]) {
      const shifted = x.map((v) => v + c);
      expectClose(wassersteinDistance(shifted, x).distance, Math.abs(c));
    }
  });

  it('scales with the data: W(kx, ky) = |k|·W(x, y)', () => {
    const a = normalSample(4, 500);
    const b = normalSample(5, 700, 1);
    const base = wassersteinDistance(a, b).distance;
    expectClose(wassersteinDistance(a.map((v) => -4 * v), b.map((v) => -4 * v)).distance, 4 * base);
  });

  it('satisfies the triangle inequality', () => {
    const a = normalSample(6, 800);
    const b = normalSample(7, 900, 0.5);
    const c = normalSample(8, 1000, -0.2, 2);
    const ab = wassersteinDistance(a, b).distance;
    const bc = wassersteinDistance(b, c).distance;
    const ac = wassersteinDistance(a, c).distance;
    expect(ac).toBeLessThanOrEqual(ab + bc + 1e-12);
  });

  it('handles samples large enough for the radix sort path', () => {
    // Regression guard for the merge over radix-sorted arrays (≥ 2048 values): W(x + 1, x) must be 1.
    const x = normalSample(9, 50_000);
    expectClose(wassersteinDistance(x.map((v) => v + 1), x).distance, 1);
  });

  it('rejects empty or non-finite samples and bad weights', () => {
    expect(() => wassersteinDistance([], [1])).toThrow(/wassersteinDistance: reference must not be empty/);
    expect(() => wassersteinDistance([1], [])).toThrow(/wassersteinDistance: current must not be empty/);
    expect(() => wassersteinDistance([1, Number.NaN], [1])).toThrow(/reference\[1\] is NaN/);
    expect(() => wassersteinDistance([1], [-Infinity])).toThrow(/current\[0\] is -Infinity/);
    expect(() => wassersteinDistance([1, 2], [1], { referenceWeights: [1] })).toThrow(
      /wassersteinDistance: reference has 2 values but referenceWeights has 1/,
    );
    expect(() => wassersteinDistance([1, 2], [1], { referenceWeights: [1, -1] })).toThrow(
      /referenceWeights\[1\] is -1; negative values are not allowed/,
    );
    expect(() => wassersteinDistance([1, 2], [1], { referenceWeights: [0, 0] })).toThrow(/referenceWeights must have a positive, finite sum/);
    expect(() => wassersteinDistance([1], [1], { currentWeights: [Number.NaN] })).toThrow(/currentWeights\[0\] is NaN/);
    expect(() => wassersteinDistance([1, 2], [1, 2], { currentWeights: [1e308, 1e308] })).toThrow(/currentWeights must have a positive, finite sum/);
  });
});
