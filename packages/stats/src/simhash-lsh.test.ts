import { describe, expect, it } from 'vitest';
import type { Matrix } from './matrix.js';
import { createRandom, sampleStandardNormal } from './random.js';
import {
  SIMHASH_DEFAULT_BITS_PER_TABLE,
  SIMHASH_DEFAULT_TABLES,
  bruteForceNearNeighbours,
  buildSimHashIndex,
  findNearNeighbours,
} from './simhash-lsh.js';

/**
 * Seeded clustered embeddings: 40 random directions in d = 64, reference vectors are a centre plus Gaussian noise
 * (sd 0.05 per coordinate, so within-cluster cosines spread around 0.9), and 30% of the current vectors are fresh
 * random directions with no near neighbour.
 */
function clustered(seed: number, m: number, n: number, d: number): { ref: Matrix; cur: Matrix } {
  const rng = createRandom(seed);
  const clusters = 40;
  const centres = Float64Array.from({ length: clusters * d }, () => sampleStandardNormal(rng) / Math.sqrt(d));
  const make = (rows: number, freshShare: number): Matrix => {
    const data = new Float64Array(rows * d);
    for (let r = 0; r < rows; r++) {
      const fresh = rng.nextFloat() < freshShare;
      const c = rng.nextInt(clusters);
      for (let k = 0; k < d; k++) {
        const base = fresh ? sampleStandardNormal(rng) / Math.sqrt(d) : centres[c * d + k]!;
        data[r * d + k] = base + 0.05 * sampleStandardNormal(rng);
      }
    }
    return { rows, cols: d, data };
  };
  return { ref: make(m, 0), cur: make(n, 0.3) };
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('bruteForceNearNeighbours', () => {
  it('is hand-checkable in 2-D', () => {
    const ref = [[1, 0], [0, 1], [0, 0]];
    const cur = [[1, 0.1], [-1, -1], [0, 0], [0.2, 1]];
    const r = bruteForceNearNeighbours(ref, cur, { threshold: 0.95 });
    expect(Array.from(r.hasNeighbour)).toEqual([1, 0, 0, 1]);
    expect(r.bestSimilarity[0]).toBeCloseTo(1 / Math.sqrt(1.01), 14);
    expect(r.bestSimilarity[1]).toBeCloseTo(-Math.SQRT1_2, 14);
    expect(r.bestSimilarity[2]).toBeNaN();
    expect(Array.from(r.bestIndex)).toEqual([0, 0, -1, 1]);
    expect(r.share).toBe(0.5);
    // The zero reference vector and the zero current vector are skipped.
    expect(r.comparisons).toBe(6);
  });

  it('agrees with a direct cosine scan', () => {
    const { ref, cur } = clustered(3, 60, 20, 8);
    const r = bruteForceNearNeighbours(ref, cur, { threshold: 0.8 });
    for (let q = 0; q < cur.rows; q++) {
      let best = -Infinity;
      for (let i = 0; i < ref.rows; i++) {
        best = Math.max(best, cosine(cur.data.subarray(q * 8, q * 8 + 8), ref.data.subarray(i * 8, i * 8 + 8)));
      }
      expect(r.bestSimilarity[q]).toBeCloseTo(best, 12);
      expect(r.hasNeighbour[q]).toBe(best >= 0.8 ? 1 : 0);
    }
  });
});

describe('SimHash LSH', () => {
  it('has recall ≥ 0.95 against brute force with far fewer comparisons (2,000 × 500, d = 64, threshold 0.9)', () => {
    const { ref, cur } = clustered(11, 2000, 500, 64);
    const exact = bruteForceNearNeighbours(ref, cur, { threshold: 0.9 });
    let truePositives = 0;
    for (const v of exact.hasNeighbour) truePositives += v;
    // The data set has both kinds of vectors, so recall is meaningful.
    expect(truePositives).toBeGreaterThan(100);
    expect(truePositives).toBeLessThan(450);
    for (let seed = 0; seed < 3; seed++) {
      const index = buildSimHashIndex(ref, { rng: createRandom(seed) });
      const lsh = findNearNeighbours(index, cur, { threshold: 0.9 });
      let found = 0;
      for (let q = 0; q < cur.rows; q++) {
        // No false positives: every hit is verified with the exact cosine.
        if (lsh.hasNeighbour[q] === 1) expect(exact.hasNeighbour[q]).toBe(1);
        if (exact.hasNeighbour[q] === 1 && lsh.hasNeighbour[q] === 1) found++;
        // LSH examines a subset, so its best is never above the true best.
        if (!Number.isNaN(lsh.bestSimilarity[q]!)) expect(lsh.bestSimilarity[q]!).toBeLessThanOrEqual(exact.bestSimilarity[q]! + 1e-12);
      }
      const recall = found / truePositives;
      expect(recall).toBeGreaterThanOrEqual(0.95);
      expect(lsh.comparisons).toBeLessThan(0.1 * exact.comparisons);
      expect(lsh.share).toBeLessThanOrEqual(exact.share);
    }
  });

  it('finds exact duplicates always and uses the documented defaults', () => {
    const { ref } = clustered(5, 300, 0, 16);
    const index = buildSimHashIndex(ref, { rng: createRandom(1) });
    expect(index.bitsPerTable).toBe(SIMHASH_DEFAULT_BITS_PER_TABLE);
    expect(index.tables).toBe(SIMHASH_DEFAULT_TABLES);
    expect(index.size).toBe(300);
    // Copies scaled by 2 (exact in binary) have the same unit vectors, so they collide in every table.
    const scaled: Matrix = { ...ref, data: ref.data.map((v) => 2 * v) };
    const r = findNearNeighbours(index, scaled, { threshold: 0.999999 });
    expect(r.share).toBe(1);
    for (let q = 0; q < 300; q++) expect(r.bestSimilarity[q]).toBeCloseTo(1, 12);
  });

  it('recall rises with more tables (fewer bits per table widen the buckets)', () => {
    const { ref, cur } = clustered(13, 1000, 300, 32);
    const exact = bruteForceNearNeighbours(ref, cur, { threshold: 0.9 });
    const hits = (tables: number, bits: number): number => {
      let total = 0;
      for (let seed = 0; seed < 5; seed++) {
        total += findNearNeighbours(buildSimHashIndex(ref, { tables, bitsPerTable: bits, rng: createRandom(seed) }), cur, { threshold: 0.9 }).share;
      }
      return total / 5;
    };
    const few = hits(1, 16);
    const many = hits(32, 16);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThanOrEqual(exact.share);
  });

  it('skips zero vectors on both sides', () => {
    const index = buildSimHashIndex([[0, 0], [1, 0]], { bitsPerTable: 2, tables: 4, rng: createRandom(1) });
    const r = findNearNeighbours(index, [[0, 0], [2, 0]], { threshold: 0.5 });
    expect(Array.from(r.hasNeighbour)).toEqual([0, 1]);
    expect(r.bestSimilarity[0]).toBeNaN();
    expect(r.bestIndex[1]).toBe(1);
    expect(r.comparisons).toBe(1);
  });

  it('is reproducible for a seed', () => {
    const { ref, cur } = clustered(17, 200, 50, 16);
    const a = findNearNeighbours(buildSimHashIndex(ref, { rng: createRandom(4) }), cur, { threshold: 0.9 });
    const b = findNearNeighbours(buildSimHashIndex(ref, { rng: createRandom(4) }), cur, { threshold: 0.9 });
    expect(b).toEqual(a);
  });

  it('throws RangeError on bad input', () => {
    const rng = createRandom(1);
    expect(() => buildSimHashIndex([], { rng })).toThrow(/reference needs at least 1/);
    expect(() => buildSimHashIndex([[1, Number.NaN]], { rng })).toThrow(/NaN/);
    expect(() => buildSimHashIndex([[1, 2]], { rng, bitsPerTable: 0 })).toThrow(/bitsPerTable/);
    expect(() => buildSimHashIndex([[1, 2]], { rng, bitsPerTable: 31 })).toThrow(/bitsPerTable/);
    expect(() => buildSimHashIndex([[1, 2]], { rng, tables: 0 })).toThrow(/tables/);
    expect(() => buildSimHashIndex([[1, 2]], { rng, tables: 2.5 })).toThrow(/tables/);
    const index = buildSimHashIndex([[1, 2]], { rng });
    expect(() => findNearNeighbours(index, [[1, 2, 3]], { threshold: 0.5 })).toThrow(/dimensional/);
    expect(() => findNearNeighbours(index, [], { threshold: 0.5 })).toThrow(/current needs at least 1/);
    expect(() => findNearNeighbours(index, [[1, Number.POSITIVE_INFINITY]], { threshold: 0.5 })).toThrow(/Infinity/);
    for (const threshold of [1.5, -1.01, Number.NaN]) {
      expect(() => findNearNeighbours(index, [[1, 2]], { threshold })).toThrow(/threshold/);
      expect(() => bruteForceNearNeighbours([[1, 2]], [[1, 2]], { threshold })).toThrow(/threshold/);
    }
    expect(() => bruteForceNearNeighbours([[1, 2]], [[1, 2, 3]], { threshold: 0.5 })).toThrow(/dimensions/);
    expect(() => bruteForceNearNeighbours([], [[1, 2]], { threshold: 0.5 })).toThrow(/reference needs at least 1/);
  });
});
