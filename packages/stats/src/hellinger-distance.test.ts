import { describe, expect, it } from 'vitest';
import { hellingerDistance } from './hellinger-distance.js';
import { createRandom } from './random.js';

function randomWeights(seed: number, k: number, zeroEvery = 0): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: k }, (_, i) => (zeroEvery > 0 && i % zeroEvery === 0 ? 0 : rng.nextFloat()));
}

function bhattacharyyaForm(p: number[], q: number[]): number {
  const sp = p.reduce((a, b) => a + b, 0);
  const sq = q.reduce((a, b) => a + b, 0);
  let bc = 0;
  for (let i = 0; i < p.length; i++) bc += Math.sqrt((p[i]! / sp) * (q[i]! / sq));
  return Math.sqrt(Math.max(0, 1 - bc));
}

describe('hellingerDistance', () => {
  it('has hand-checkable values', () => {
    expect(hellingerDistance([1, 0], [0, 1]).distance).toBe(1);
    expect(hellingerDistance([0.5, 0.5], [0.5, 0.5]).distance).toBe(0);
    // p = (1/4, 3/4), q = (3/4, 1/4): BC = 2·√(3/16) = √3/2, H = √(1 − √3/2).
    expect(hellingerDistance([1, 3], [3, 1]).distance).toBeCloseTo(Math.sqrt(1 - Math.sqrt(3) / 2), 15);
  });

  it('equals √(1 − Σ√(p_i q_i)) after normalising', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomWeights(seed, 9, 4);
      const q = randomWeights(seed + 50, 9);
      expect(hellingerDistance(p, q).distance).toBeCloseTo(bhattacharyyaForm(p, q), 12);
    }
  });

  it('is zero for proportional vectors, symmetric, within [0, 1] and a metric', () => {
    expect(hellingerDistance([2, 4, 6], [1, 2, 3]).distance).toBe(0);
    for (let seed = 1; seed <= 30; seed++) {
      const p = randomWeights(seed, 7, 3);
      const q = randomWeights(seed + 100, 7, 5);
      const r = randomWeights(seed + 200, 7);
      const pq = hellingerDistance(p, q).distance;
      expect(hellingerDistance(q, p).distance).toBe(pq);
      expect(pq).toBeGreaterThanOrEqual(0);
      expect(pq).toBeLessThanOrEqual(1);
      expect(pq).toBeLessThanOrEqual(hellingerDistance(p, r).distance + hellingerDistance(r, q).distance + 1e-12);
    }
  });

  it('stays accurate when p ≈ q, where 1 − Σ√(pq) cancels', () => {
    // H² = ½ Σ (√p − √q)²; for p = (0.5 + d, 0.5 − d) that is about d²/2 (to first order), so H ≈ d/√2.
    const d = 1e-9;
    expect(hellingerDistance([0.5 + d, 0.5 - d], [0.5, 0.5]).distance / (d / Math.SQRT2)).toBeCloseTo(1, 6);
  });

  it('rejects invalid vectors', () => {
    expect(() => hellingerDistance([], [])).toThrow(/hellingerDistance: p must not be empty/);
    expect(() => hellingerDistance([1], [1, 2])).toThrow(/hellingerDistance: p has 1 entries but q has 2/);
    expect(() => hellingerDistance([1, 1], [-1, 3])).toThrow(/q\[0\] is -1; negative values are not allowed/);
    expect(() => hellingerDistance([1, Number.NaN], [1, 1])).toThrow(/p\[1\] is NaN/);
    expect(() => hellingerDistance([1, 1], [0, 0])).toThrow(/hellingerDistance: q must have a positive, finite sum/);
  });
});
