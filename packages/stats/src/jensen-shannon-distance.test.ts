import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { jensenShannonDistance } from './jensen-shannon-distance.js';
import { createRandom } from './random.js';

const jsCases = loadReferenceSection<{ p: number[]; q: number[]; distance: number }[]>('jensenshannon');

function randomWeights(seed: number, k: number, zeroEvery = 0): number[] {
  const rng = createRandom(seed);
  return Array.from({ length: k }, (_, i) => (zeroEvery > 0 && i % zeroEvery === 0 ? 0 : rng.nextFloat()));
}

describe('jensenShannonDistance', () => {
  it('matches scipy.spatial.distance.jensenshannon on the reference cases', () => {
    expect(jsCases.length).toBe(4);
    for (const c of jsCases) expectClose(jensenShannonDistance(c.p, c.q).distance, c.distance);
  });

  it('matches scipy for unnormalised counts with zeros, in nats and in bits', () => {
    // scipy 1.10.1: jensenshannon([1, 2, 0, 7], [3, 0, 0, 1]) and the same with base=2
    expectClose(jensenShannonDistance([1, 2, 0, 7], [3, 0, 0, 1]).distance, 0.515217413421677);
    expectClose(jensenShannonDistance([1, 2, 0, 7], [3, 0, 0, 1], { base: 2 }).distance, 0.6188391806577689);
  });

  it('stays accurate for nearly equal distributions', () => {
    // scipy 1.10.1: jensenshannon([0.1, 0.9], [0.1000001, 0.8999999]) = 1.1759175331424526e-07; the divergence is ~1e-14.
    const distance = jensenShannonDistance([0.1, 0.9], [0.1000001, 0.8999999]).distance;
    expect(Math.abs(distance / 1.1759175331424526e-7 - 1)).toBeLessThanOrEqual(1e-9);
  });

  it('reaches its bounds: 0 for equal shapes, √ln 2 (1 in bits) for disjoint supports', () => {
    expect(jensenShannonDistance([1, 2, 3], [2, 4, 6]).distance).toBe(0);
    expectClose(jensenShannonDistance([1, 0], [0, 1]).distance, Math.sqrt(Math.LN2));
    expectClose(jensenShannonDistance([0, 3, 0], [5, 0, 1], { base: 2 }).distance, 1);
  });

  it('is symmetric, bounded by √ln 2, and a metric on random vectors', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const p = randomWeights(seed, 12, 5);
      const q = randomWeights(seed + 100, 12, 4);
      const r = randomWeights(seed + 200, 12);
      const pq = jensenShannonDistance(p, q).distance;
      expect(jensenShannonDistance(q, p).distance).toBeCloseTo(pq, 14);
      expect(pq).toBeGreaterThanOrEqual(0);
      expect(pq).toBeLessThanOrEqual(Math.sqrt(Math.LN2));
      const pr = jensenShannonDistance(p, r).distance;
      const rq = jensenShannonDistance(r, q).distance;
      expect(pq).toBeLessThanOrEqual(pr + rq + 1e-12);
    }
  });

  it('changes only by the factor 1/√ln(base) with another base', () => {
    const p = randomWeights(40, 6);
    const q = randomWeights(41, 6);
    const nats = jensenShannonDistance(p, q).distance;
    expectClose(jensenShannonDistance(p, q, { base: 10 }).distance, nats / Math.sqrt(Math.log(10)));
  });

  it('rejects invalid vectors and bases', () => {
    expect(() => jensenShannonDistance([], [])).toThrow(/jensenShannonDistance: p must not be empty/);
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(/jensenShannonDistance: p has 2 entries but q has 1/);
    expect(() => jensenShannonDistance([1, -2], [1, 1])).toThrow(/p\[1\] is -2; negative values are not allowed/);
    expect(() => jensenShannonDistance([1, 2], [Number.NaN, 1])).toThrow(/q\[0\] is NaN/);
    expect(() => jensenShannonDistance([1, Infinity], [1, 1])).toThrow(/p\[1\] is Infinity/);
    expect(() => jensenShannonDistance([0, 0], [1, 1])).toThrow(/jensenShannonDistance: p must have a positive, finite sum, got 0/);
    expect(() => jensenShannonDistance([1, 1], [1, 1], { base: 1 })).toThrow(/base must be a finite number > 0 other than 1, got 1/);
    expect(() => jensenShannonDistance([1, 1], [1, 1], { base: 0 })).toThrow(RangeError);
    expect(() => jensenShannonDistance([1, 1], [1, 1], { base: Number.NaN })).toThrow(RangeError);
  });
});
