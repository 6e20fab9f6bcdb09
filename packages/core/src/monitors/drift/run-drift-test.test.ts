import {
  chiSquaredTest,
  createRandom,
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  populationStabilityIndex,
  populationStabilityIndexFromCounts,
  sampleStandardNormal,
} from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import type { CategoricalColumnValues, EmbeddingColumnValues, NumericColumnValues } from '../../dataset.js';
import { runDriftTest } from './run-drift-test.js';

const numbers = (...values: number[]): NumericColumnValues => ({ storage: 'numeric', values: Float64Array.from(values) });
const labels = (dictionary: string[], ...codes: number[]): CategoricalColumnValues => ({ storage: 'categorical', codes: Int32Array.from(codes), dictionary });
const seed = { seed: 42 };

function normalSample(n: number, shift: number, rngSeed: number): NumericColumnValues {
  const rng = createRandom(rngSeed);
  return { storage: 'numeric', values: Float64Array.from({ length: n }, () => shift + sampleStandardNormal(rng)) };
}

function embeddings(n: number, centre: readonly number[], rngSeed: number, missingEvery = 0): EmbeddingColumnValues {
  const rng = createRandom(rngSeed);
  const d = centre.length;
  const data = new Float64Array(n * d);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (missingEvery > 0 && i % missingEvery === 0) missing[i] = 1;
    else for (let j = 0; j < d; j++) data[i * d + j] = centre[j]! + 0.3 * sampleStandardNormal(rng);
  }
  return { storage: 'embedding', vectors: { rows: n, cols: d, data }, missing };
}

describe('runDriftTest on numeric columns', () => {
  it('drops NaN before KS (scipy ks_2samp on the finite values)', () => {
    const result = runDriftTest('ks', numbers(0.1, Number.NaN, 0.4, 0.7), numbers(0.5, 0.9, 1.3, Number.NaN, 1.8), 'numerical', seed);
    expect(result?.statistic).toBeCloseTo(0.75, 12);
    expect(result?.pValue).toBeCloseTo(0.228571, 5);
  });

  it('gives Cramér–von Mises as scipy.stats.cramervonmises_2samp', () => {
    const result = runDriftTest('cramervonmises', numbers(1, 2, 3, 4, 5), numbers(3.5, 6, 7, 8, 9, 10), 'numerical', seed);
    expect(result?.statistic).toBeCloseTo(0.66364, 4);
    expect(result?.pValue).toBeCloseTo(0.014458, 5);
  });

  it('gives Wasserstein unscaled, and divided by the reference std (ddof 1) in normalized', () => {
    const result = runDriftTest('wasserstein', numbers(0, 1, 3), numbers(5, 6, 8), 'numerical', seed);
    expect(result?.statistic).toBeCloseTo(5, 12);
    expect(result?.pValue).toBeNull();
    // std([0, 1, 3], ddof=1) = √(7/3)
    expect(result?.normalized).toBeCloseTo(5 / Math.sqrt(7 / 3), 12);
    expect(runDriftTest('wasserstein', numbers(2, 2, 2), numbers(5, 6, 8), 'numerical', seed)?.normalized).toBeNull();
  });

  it('uses populationStabilityIndex for PSI and its decile bins for the binned tests', () => {
    const ref = normalSample(400, 0, 1);
    const cur = normalSample(300, 0.5, 2);
    const psi = populationStabilityIndex(ref.values, cur.values);
    expect(runDriftTest('psi', ref, cur, 'numerical', seed)?.statistic).toBe(psi.psi);
    const chi2 = chiSquaredTest(psi.referenceCounts, psi.currentCounts);
    expect(runDriftTest('chi2', ref, cur, 'numerical', seed)).toEqual({ statistic: chi2.statistic, pValue: chi2.pValue });
    expect(runDriftTest('jensenshannon', ref, cur, 'numerical', seed)?.statistic).toBe(
      jensenShannonDistance(psi.referenceCounts, psi.currentCounts).distance,
    );
    expect(runDriftTest('hellinger', ref, cur, 'numerical', seed)?.statistic).toBe(hellingerDistance(psi.referenceCounts, psi.currentCounts).distance);
    expect(runDriftTest('kl', ref, cur, 'numerical', seed)?.statistic).toBe(
      klDivergence(psi.referenceCounts, psi.currentCounts, { floor: 1e-4 }).divergence,
    );
    // Each reference decile holds 40 values.
    expect([...psi.referenceCounts]).toEqual(Array.from({ length: 10 }, () => 40));
  });

  it('reports too little data instead of a statistic', () => {
    const result = runDriftTest('ks', numbers(1, Number.NaN), numbers(1, 2, 3), 'numerical', seed);
    expect(result).toEqual({ statistic: null, pValue: null, reason: expect.stringMatching(/insufficient data: 1 reference and 3 current/) as unknown });
  });
});

describe('runDriftTest on categorical and boolean columns', () => {
  // reference a a b c, current c a d d: aligned a b c d → [2, 1, 1, 0] vs [1, 0, 1, 2]
  const ref = labels(['a', 'b', 'c'], 0, 0, 1, 2, -1);
  const cur = labels(['c', 'a', 'd'], 0, 1, 2, 2);

  it('aligns categories by label: chi² by hand', () => {
    // Row totals 4 and 4, column totals 3 1 2 2 → expected 1.5 0.5 1 1 per row;
    // χ² = 2 · (0.25/1.5 + 0.25/0.5 + 0 + 1/1) = 3.3333, dof 3.
    const result = runDriftTest('chi2', ref, cur, 'categorical', seed);
    expect(result?.statistic).toBeCloseTo(10 / 3, 12);
    expect(result?.pValue).toBeCloseTo(chiSquaredTest([2, 1, 1, 0], [1, 0, 1, 2]).pValue, 15);
  });

  it('computes the distances on the aligned counts', () => {
    expect(runDriftTest('jensenshannon', ref, cur, 'categorical', seed)?.statistic).toBe(jensenShannonDistance([2, 1, 1, 0], [1, 0, 1, 2]).distance);
    expect(runDriftTest('hellinger', ref, cur, 'categorical', seed)?.statistic).toBe(hellingerDistance([2, 1, 1, 0], [1, 0, 1, 2]).distance);
    expect(runDriftTest('kl', ref, cur, 'categorical', seed)?.statistic).toBe(klDivergence([2, 1, 1, 0], [1, 0, 1, 2], { floor: 1e-4 }).divergence);
    expect(runDriftTest('psi', ref, cur, 'categorical', seed)?.statistic).toBe(populationStabilityIndexFromCounts([2, 1, 1, 0], [1, 0, 1, 2]).psi);
  });

  it('counts booleans as two categories', () => {
    const result = runDriftTest('chi2', numbers(0, 0, 1, 1, Number.NaN), numbers(0, 1, 1, 1), 'boolean', seed);
    expect(result?.statistic).toBeCloseTo(chiSquaredTest([2, 2], [1, 3]).statistic, 15);
  });
});

describe('runDriftTest applicability and errors', () => {
  it('returns null for a test that does not apply to the type', () => {
    expect(runDriftTest('ks', labels(['a'], 0, 0), labels(['a'], 0, 0), 'categorical', seed)).toBeNull();
    expect(runDriftTest('mmd', numbers(1, 2), numbers(1, 2), 'numerical', seed)).toBeNull();
    expect(runDriftTest('chi2', labels(['a'], 0, 0), labels(['a'], 0, 0), 'text', seed)).toBeNull();
  });

  it('names the column when the storage does not fit the type', () => {
    expect(() => runDriftTest('ks', labels(['a'], 0, 0), labels(['a'], 0), 'numerical', { seed: 1, column: 'age' })).toThrow(
      /column age: a numerical column must hold numeric values/,
    );
  });
});

describe('runDriftTest mmd on embeddings', () => {
  it('detects a moved cluster, not an identical one, reproducibly for a seed', () => {
    const ref = embeddings(150, [1, 0, 0], 1, 10);
    const same = embeddings(150, [1, 0, 0], 2);
    const moved = embeddings(150, [0.6, 0.6, 0], 3);
    const drifted = runDriftTest('mmd', ref, moved, 'embedding', seed);
    expect(drifted?.pValue).toBeCloseTo(1 / 201, 12);
    expect(drifted?.statistic).toBeGreaterThan(0.1);
    expect(runDriftTest('mmd', ref, same, 'embedding', seed)?.pValue).toBeGreaterThan(0.05);
    expect(runDriftTest('mmd', ref, moved, 'embedding', seed)).toEqual(drifted);
  });

  it('rejects embeddings of different dimensions', () => {
    expect(() => runDriftTest('mmd', embeddings(5, [1, 0], 1), embeddings(5, [1, 0, 0], 1), 'embedding', { seed: 1, column: 'vec' })).toThrow(
      /column vec: reference embeddings have 2 dimensions but current ones have 3/,
    );
  });
});
