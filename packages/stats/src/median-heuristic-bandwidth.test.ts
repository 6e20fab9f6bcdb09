import { describe, expect, it } from 'vitest';
import { normalRows } from '../test/normal-samples.js';
import { X, Y } from '../test/small-embeddings.js';
import { medianHeuristicBandwidth } from './median-heuristic-bandwidth.js';
import { createRandom } from './random.js';

describe('medianHeuristicBandwidth', () => {
  it('matches numpy: sqrt(np.median(pdist(vstack([X, Y]), "sqeuclidean")) / 2), even pair count (36)', () => {
    const r = medianHeuristicBandwidth(X, Y);
    expect(r.medianSquaredDistance).toBe(6.15625);
    expect(Math.abs(r.sigma - 1.7544586059522749)).toBeLessThanOrEqual(1e-15);
    expect(r.samplesUsed).toBe(9);
  });

  it('matches numpy with an odd pair count (45): the middle value', () => {
    const r = medianHeuristicBandwidth(X, [...Y, [0, 0, 0]]);
    expect(r.medianSquaredDistance).toBe(6);
    expect(Math.abs(r.sigma - Math.sqrt(3))).toBeLessThanOrEqual(1e-15);
  });

  it('is the hand-computed value for three points', () => {
    // d² = 1, 1, 2 → median 1 → σ = √(1/2).
    expect(medianHeuristicBandwidth([[0, 0], [1, 0]], [[0, 1]]).sigma).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('does not depend on which sample a vector belongs to, and scales with the data', () => {
    const a = medianHeuristicBandwidth(X, Y).sigma;
    expect(medianHeuristicBandwidth(Y, X).sigma).toBe(a);
    expect(medianHeuristicBandwidth([...X, ...Y.slice(0, 2)], Y.slice(2)).sigma).toBe(a);
    const scaled = (rows: number[][]): number[][] => rows.map((r) => r.map((v) => 4 * v));
    expect(medianHeuristicBandwidth(scaled(X), scaled(Y)).sigma).toBeCloseTo(4 * a, 12);
  });

  it('subsamples above maxSamples reproducibly, close to the full answer', () => {
    const ref = normalRows(1, 900, 8);
    const cur = normalRows(2, 900, 8, 0.2);
    const full = medianHeuristicBandwidth(ref, cur, { maxSamples: 1800 });
    const sub1 = medianHeuristicBandwidth(ref, cur, { maxSamples: 400, rng: createRandom(5) });
    const sub2 = medianHeuristicBandwidth(ref, cur, { maxSamples: 400, rng: createRandom(5) });
    const sub3 = medianHeuristicBandwidth(ref, cur, { maxSamples: 400, rng: createRandom(6) });
    expect(full.samplesUsed).toBe(1800);
    expect(sub1.samplesUsed).toBe(400);
    expect(sub1.sigma).toBe(sub2.sigma);
    expect(sub1.sigma).not.toBe(sub3.sigma);
    expect(Math.abs(sub1.sigma / full.sigma - 1)).toBeLessThan(0.03);
    // The default generator makes the call without rng reproducible too.
    expect(medianHeuristicBandwidth(ref, cur).sigma).toBe(medianHeuristicBandwidth(ref, cur).sigma);
  });

  it('throws RangeError on bad input', () => {
    expect(() => medianHeuristicBandwidth([], Y)).toThrow(RangeError);
    expect(() => medianHeuristicBandwidth(X, [[1, 2]])).toThrow(/dimensions/);
    expect(() => medianHeuristicBandwidth(X, [[1, Number.NaN, 2]])).toThrow(/NaN/);
    expect(() => medianHeuristicBandwidth([[1]], [[2]], { maxSamples: 1 })).toThrow(/maxSamples/);
    expect(() => medianHeuristicBandwidth(X, Y, { maxSamples: 2.5 })).toThrow(/maxSamples/);
    // Mostly identical vectors: the median distance is 0 and σ would be 0.
    expect(() => medianHeuristicBandwidth([[1, 1], [1, 1], [1, 1]], [[1, 1], [2, 2]])).toThrow(/median pairwise squared distance is 0/);
  });
});
