import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { klDivergence } from './kl-divergence.js';
import { createRandom } from './random.js';

function randomWeights(seed: number, k: number): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: k }, () => rng.nextFloat() + 0.01);
}

describe('klDivergence', () => {
  it('matches scipy.stats.entropy(p, q) for unnormalised counts with a zero in p', () => {
    // scipy 1.10.1: entropy([1, 2, 0, 7], [3, 1, 1, 1]) and the same with base=2
    expectClose(klDivergence([1, 2, 0, 7], [3, 1, 1, 1]).divergence, 0.8800796878179068);
    expectClose(klDivergence([1, 2, 0, 7], [3, 1, 1, 1], { base: 2 }).divergence, 1.2696866012020012);
  });

  it('is +Infinity where q_i = 0 < p_i, as scipy (entropy([1, 2, 3], [3, 0, 1]) = inf)', () => {
    expect(klDivergence([1, 2, 3], [3, 0, 1]).divergence).toBe(Infinity);
    expect(klDivergence([0.5, 0.5], [1, 0]).divergence).toBe(Infinity);
  });

  it('is finite with a floor: shares raised to the floor and renormalised', () => {
    // q becomes (1, 1e-4)/1.0001, p stays (0.5, 0.5).
    const q0 = 1 / 1.0001;
    const q1 = 1e-4 / 1.0001;
    const expected = 0.5 * Math.log(0.5 / q0) + 0.5 * Math.log(0.5 / q1);
    expectClose(klDivergence([0.5, 0.5], [1, 0], { floor: 1e-4 }).divergence, expected);
  });

  it('has the closed form for two Bernoulli distributions', () => {
    const expected = 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1);
    expectClose(klDivergence([0.5, 0.5], [0.9, 0.1]).divergence, expected);
  });

  it('is zero for equal distributions, non-negative, and not symmetric in general', () => {
    expect(klDivergence([1, 2, 3], [2, 4, 6]).divergence).toBe(0);
    let asymmetric = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomWeights(seed, 8);
      const q = randomWeights(seed + 100, 8);
      const pq = klDivergence(p, q).divergence;
      expect(pq).toBeGreaterThanOrEqual(0);
      expect(klDivergence(p, q, { floor: 0.05 }).divergence).toBeGreaterThanOrEqual(0);
      if (Math.abs(pq - klDivergence(q, p).divergence) > 1e-6) asymmetric++;
    }
    expect(asymmetric).toBeGreaterThan(0);
  });

  it('rejects invalid vectors and options', () => {
    expect(() => klDivergence([], [])).toThrow(/klDivergence: p must not be empty/);
    expect(() => klDivergence([1, 2], [1, 2, 3])).toThrow(/klDivergence: p has 2 entries but q has 3/);
    expect(() => klDivergence([1, -0.5], [1, 1])).toThrow(/p\[1\] is -0.5; negative values are not allowed/);
    expect(() => klDivergence([1, 1], [Infinity, 1])).toThrow(/q\[0\] is Infinity/);
    expect(() => klDivergence([0, 0], [1, 1])).toThrow(/klDivergence: p must have a positive, finite sum/);
    expect(() => klDivergence([1], [1], { floor: 0 })).toThrow(/klDivergence: floor must be in \(0, 1\), got 0/);
    expect(() => klDivergence([1], [1], { floor: 1 })).toThrow(RangeError);
    expect(() => klDivergence([1], [1], { base: -2 })).toThrow(/base must be a finite number > 0 other than 1/);
  });
});
