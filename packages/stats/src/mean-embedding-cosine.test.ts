import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { normalRows } from '../test/normal-samples.js';
import { X, Y } from '../test/small-embeddings.js';
import { meanEmbeddingCosine } from './mean-embedding-cosine.js';

describe('meanEmbeddingCosine', () => {
  it('matches 1 − scipy.spatial.distance.cosine(X.mean(0), Y.mean(0)) and numpy norms', () => {
    const r = meanEmbeddingCosine(X, Y);
    expectClose(r.cosineSimilarity, 0.8827616058323362);
    expectClose(r.referenceMeanNorm, 0.9823441352194251);
    expectClose(r.currentMeanNorm, 1.9243505397925815);
  });

  it('is hand-checkable: same direction 1, orthogonal 0, opposite −1', () => {
    expect(meanEmbeddingCosine([[1, 0], [1, 2]], [[0, 1], [2, 1]]).cosineSimilarity).toBe(1);
    expect(meanEmbeddingCosine([[2, 0]], [[0, 3], [0, 5]]).cosineSimilarity).toBe(0);
    expect(meanEmbeddingCosine([[1, 1]], [[-2, -2]]).cosineSimilarity).toBe(-1);
  });

  it('is symmetric, scale invariant and within [−1, 1]', () => {
    for (let s = 0; s < 20; s++) {
      const a = normalRows(s, 10, 6, 0.3);
      const b = normalRows(100 + s, 7, 6);
      const ab = meanEmbeddingCosine(a, b).cosineSimilarity;
      expect(meanEmbeddingCosine(b, a).cosineSimilarity).toBe(ab);
      expect(ab).toBeGreaterThanOrEqual(-1);
      expect(ab).toBeLessThanOrEqual(1);
      const scaled = b.map((r) => r.map((v) => v * 1e-200));
      expectClose(meanEmbeddingCosine(a, scaled).cosineSimilarity, ab, { rel: 1e-12, abs: 1e-12 });
    }
  });

  it('does not overflow for huge values', () => {
    // Squaring 1e200 overflows to Infinity without the scaling step.
    expect(meanEmbeddingCosine([[1e200, 1e200]], [[1e200, 0]]).cosineSimilarity).toBeCloseTo(Math.SQRT1_2, 14);
  });

  it('is NaN when a mean vector is zero', () => {
    const r = meanEmbeddingCosine([[1, -1], [-1, 1]], Y.map((row) => row.slice(0, 2)));
    expect(r.cosineSimilarity).toBeNaN();
    expect(r.referenceMeanNorm).toBe(0);
  });

  it('throws RangeError on bad input', () => {
    expect(() => meanEmbeddingCosine([], Y)).toThrow(/reference needs at least 1/);
    expect(() => meanEmbeddingCosine(X, [])).toThrow(/current needs at least 1/);
    expect(() => meanEmbeddingCosine(X, [[1, 2]])).toThrow(/dimensions/);
    expect(() => meanEmbeddingCosine(X, [[1, 2, Number.NaN]])).toThrow(/NaN/);
    expect(() => meanEmbeddingCosine([[1, 2], [1]], [[1, 2]])).toThrow(/one length/);
  });
});
