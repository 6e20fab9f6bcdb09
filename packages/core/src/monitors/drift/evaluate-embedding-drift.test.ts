import { createRandom, meanEmbeddingCosine, sampleStandardNormal } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import type { DatasetColumn } from '../../dataset.js';
import { evaluateEmbeddingDrift } from './evaluate-embedding-drift.js';

function embeddingColumn(vectors: number[][], missing: number[] = []): DatasetColumn {
  const d = vectors[0]!.length;
  const data = new Float64Array(vectors.length * d);
  vectors.forEach((v, i) => data.set(v, i * d));
  const flags = new Uint8Array(vectors.length);
  for (const i of missing) flags[i] = 1;
  return {
    name: 'vec',
    type: 'embedding',
    values: { storage: 'embedding', vectors: { rows: vectors.length, cols: d, data }, missing: flags },
    counts: { rows: vectors.length, missing: missing.length, typeMismatches: 0 },
  };
}

function cluster(n: number, centre: number[], spread: number, seed: number): number[][] {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => centre.map((c) => c + spread * sampleStandardNormal(rng)));
}

describe('evaluateEmbeddingDrift', () => {
  it('flags a turned cluster: MMD p small, mean cosine below 1, fewer near neighbours', () => {
    const ref = embeddingColumn(cluster(300, [1, 0, 0, 0], 0.1, 1));
    const cur = embeddingColumn(cluster(300, [0.7, 0.7, 0, 0], 0.1, 2));
    const result = evaluateEmbeddingDrift(ref, cur, { seed: 42 });
    expect(result?.drifted).toBe(true);
    expect(result?.mmd.pValue).toBeCloseTo(1 / 201, 12);
    expect(result?.dimension).toBe(4);
    expect(result?.sampleSize).toEqual({ reference: 300, current: 300 });
    // Means ≈ (1, 0, 0, 0) and (0.7, 0.7, 0, 0): cosine ≈ 0.707.
    expect(result?.meanCosineSimilarity).toBeCloseTo(0.707, 1);
    expect(result?.nearNeighbourShare).toBeLessThan(0.5);
    expect(result?.nearNeighbourThreshold).toBe(0.9);
  });

  it('does not flag two samples of one cluster; nearly every current vector has a near neighbour', () => {
    const result = evaluateEmbeddingDrift(embeddingColumn(cluster(300, [1, 0, 0, 0], 0.1, 3)), embeddingColumn(cluster(300, [1, 0, 0, 0], 0.1, 4)), { seed: 42 });
    expect(result?.drifted).toBe(false);
    expect(result?.nearNeighbourShare).toBeGreaterThan(0.95);
  });

  it('skips missing vectors, samples at most sampleSize per side, and uses every present vector for the mean cosine', () => {
    const refVectors = cluster(50, [1, 1], 0.5, 5);
    const curVectors = cluster(40, [1, -1], 0.5, 6);
    const result = evaluateEmbeddingDrift(embeddingColumn(refVectors, [0, 1]), embeddingColumn(curVectors, [5]), { seed: 1, sampleSize: 30, permutations: 99 });
    expect(result?.sampleSize).toEqual({ reference: 30, current: 30 });
    const expected = meanEmbeddingCosine(refVectors.slice(2), curVectors.filter((_, i) => i !== 5)).cosineSimilarity;
    expect(result?.meanCosineSimilarity).toBeCloseTo(expected, 12);
  });

  it('is null with fewer than 2 present vectors and names the column on a dimension mismatch', () => {
    expect(evaluateEmbeddingDrift(embeddingColumn([[1, 0], [0, 1]], [1]), embeddingColumn([[1, 0], [0, 1]]), { seed: 1 })).toBeNull();
    expect(() => evaluateEmbeddingDrift(embeddingColumn([[1, 0]]), embeddingColumn([[1, 0, 0]]), { seed: 1 })).toThrow(/column vec: reference embeddings have 2 dimensions/);
  });

  it('falls back to the total variance as bandwidth when most vectors are identical', () => {
    const same = Array.from({ length: 40 }, () => [1, 0]);
    const result = evaluateEmbeddingDrift(embeddingColumn([...same, [0, 1]]), embeddingColumn([...same, [0, 2]]), { seed: 1 });
    expect(result?.mmd.sigma).toBeGreaterThan(0);
    expect(result?.drifted).toBe(false);
  });
});
