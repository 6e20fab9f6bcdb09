import { chiSquaredTest, cramerVonMisesTest, createRandom, jensenShannonDistance, sampleStandardNormal, wassersteinDistance } from '@bothub/stats';
import { makeDataset } from '@bothub/testkit';
import type { ColumnSpec } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../../column-type.js';
import type { DatasetColumn } from '../../dataset.js';
import { evaluateColumnDrift } from './evaluate-column-drift.js';
import { runDriftTest } from './run-drift-test.js';

function column(spec: ColumnSpec): DatasetColumn {
  return makeDataset('test', { x: spec }).columns.get('x')!;
}

function numericColumn(values: Float64Array, type: ColumnType = 'numerical'): DatasetColumn {
  return { name: 'x', type, values: { storage: 'numeric', values }, counts: { rows: values.length, missing: 0, typeMismatches: 0 } };
}

function normals(n: number, shift: number, seed: number): Float64Array {
  const rng = createRandom(seed);
  return Float64Array.from({ length: n }, () => shift + sampleStandardNormal(rng));
}

const options = { seed: 42, extraTests: [] };

describe('evaluateColumnDrift on numerical columns', () => {
  it('flags a one-sd shift with Cramér–von Mises and W₁ / std as effect size', () => {
    const ref = normals(300, 0, 1);
    const cur = normals(300, 1, 2);
    const { drift } = evaluateColumnDrift(numericColumn(ref), numericColumn(cur), options);
    const cvm = cramerVonMisesTest(ref, cur);
    expect(drift?.test).toBe('cramervonmises');
    expect(drift?.statistic).toBe(cvm.statistic);
    expect(drift?.pValue).toBe(cvm.pValue);
    expect(drift?.drifted).toBe(true);
    expect(drift?.effectSize?.name).toBe('normalizedWasserstein');
    expect(drift?.effectSize?.value).toBeGreaterThan(0.8);
    expect(drift?.threshold).toEqual({ on: 'pValue', value: 0.05, description: expect.stringContaining('Cramér–von Mises p < 0.05') as unknown });
  });

  it('does not flag a significant but trivial 0.03 sd shift on 200,000 rows', () => {
    const { drift } = evaluateColumnDrift(numericColumn(normals(200_000, 0, 3)), numericColumn(normals(200_000, 0.03, 4)), options);
    // The p-value alone would call it drift; the effect-size floor does not.
    expect(drift?.pValue).toBeLessThan(0.05);
    expect(drift?.effectSize?.value).toBeLessThan(0.1);
    expect(drift?.drifted).toBe(false);
  });

  it('lets PSI catch a shift that an outlier hides from W₁ / std', () => {
    const ref = normals(20_000, 0, 5);
    const cur = normals(20_000, 0.5, 6);
    ref[0] = 1e6;
    const { drift } = evaluateColumnDrift(numericColumn(ref), numericColumn(cur), options);
    expect(wassersteinDistance(ref, cur).distance / 7000).toBeLessThan(0.1);
    expect(drift?.effectSize?.name).toBe('psi');
    expect(drift?.effectSize?.value).toBeGreaterThan(0.1);
    expect(drift?.drifted).toBe(true);
  });

  it('lets the p-value decide alone when the reference is constant', () => {
    const { drift } = evaluateColumnDrift(numericColumn(new Float64Array(50).fill(3)), numericColumn(new Float64Array(50).fill(4)), options);
    expect(drift?.effectSize).toBeNull();
    expect(drift?.drifted).toBe(true);
    expect(drift?.reason).toMatch(/constant reference/);
  });

  it('drops missing values and gives a null verdict with too little data', () => {
    const { drift } = evaluateColumnDrift(column({ type: 'numerical', values: [1, null, null] }), column({ type: 'numerical', values: [1, 2, 3] }), options);
    expect(drift).toMatchObject({ test: 'cramervonmises', statistic: null, pValue: null, drifted: null, effectSize: null });
    expect(drift?.reason).toMatch(/insufficient data: 1 reference and 3 current/);
  });

  it('reports datetime columns without a verdict', () => {
    const ref = Float64Array.from({ length: 100 }, (_, i) => 1.7e12 + i * 86_400_000);
    const cur = Float64Array.from({ length: 100 }, (_, i) => 1.71e12 + i * 86_400_000);
    const { drift } = evaluateColumnDrift(numericColumn(ref, 'datetime'), numericColumn(cur, 'datetime'), options);
    expect(drift?.pValue).toBeLessThan(1e-6);
    expect(drift?.drifted).toBeNull();
    expect(drift?.reason).toMatch(/time moves/);
  });
});

describe('evaluateColumnDrift on categorical and boolean columns', () => {
  it('tests category counts aligned by label with chi² and Jensen–Shannon', () => {
    const ref = column({ type: 'categorical', values: [...Array<string>(60).fill('a'), ...Array<string>(40).fill('b')] });
    const cur = column({ type: 'categorical', values: [...Array<string>(20).fill('b'), ...Array<string>(80).fill('a')] });
    const { drift } = evaluateColumnDrift(ref, cur, options);
    expect(drift?.test).toBe('chi2');
    expect(drift?.statistic).toBeCloseTo(chiSquaredTest([60, 40], [80, 20]).statistic, 12);
    expect(drift?.effectSize).toEqual({ name: 'jensenshannon', value: jensenShannonDistance([60, 40], [80, 20]).distance });
    // χ² = 2 · (100/70 + 100/30) = 9.52, p = 0.002, and JS ≥ 0.035.
    expect(drift?.drifted).toBe(true);
  });

  it('pools rare categories under "(other)" and says so', () => {
    const values = (n: number, rare: string): string[] => [...Array<string>(n).fill('common'), ...Array<string>(n).fill('also'), rare];
    const { drift } = evaluateColumnDrift(
      column({ type: 'categorical', values: values(100, 'r1') }),
      column({ type: 'categorical', values: values(100, 'r2') }),
      options,
    );
    expect(drift?.threshold.description).toMatch(/on the 2 most frequent categories \+ "\(other\)" pooling 2 more/);
    expect(drift?.statistic).toBeCloseTo(0, 12);
    expect(drift?.drifted).toBe(false);
  });

  it('does not flag a significant but trivial change of a boolean share on 1,000,000 rows', () => {
    const n = 1_000_000;
    const ref = new Float64Array(n);
    const cur = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ref[i] = i % 100 < 50 ? 1 : 0;
      cur[i] = i % 100 < 51 ? 1 : 0;
    }
    const { drift } = evaluateColumnDrift(numericColumn(ref, 'boolean'), numericColumn(cur, 'boolean'), options);
    expect(drift?.pValue).toBeLessThan(1e-10);
    expect(drift?.effectSize?.value).toBeCloseTo(jensenShannonDistance([50, 50], [49, 51]).distance, 12);
    expect(drift?.drifted).toBe(false);
  });
});

describe('evaluateColumnDrift on other types', () => {
  it('has no test for text and id columns', () => {
    const text = column({ type: 'text', values: ['a long sentence', 'another one'] });
    expect(evaluateColumnDrift(text, text, { seed: 1, extraTests: ['chi2'] })).toEqual({ drift: null, tests: {}, reason: expect.stringMatching(/text column/) as unknown });
  });

  it('tests embeddings with MMD and returns the embedding drift for the dataset section', () => {
    const rng = createRandom(9);
    const vectors = (n: number, x: number) => Array.from({ length: n }, () => [x + 0.2 * sampleStandardNormal(rng), 1 + 0.2 * sampleStandardNormal(rng)]);
    const ref = column({ type: 'embedding', values: vectors(80, 0) });
    const cur = column({ type: 'embedding', values: vectors(80, 1) });
    const result = evaluateColumnDrift(ref, cur, { seed: 3, extraTests: ['mmd', 'ks'] });
    expect(result.drift?.test).toBe('mmd');
    expect(result.drift?.drifted).toBe(true);
    expect(result.drift?.statistic).toBe(result.embedding?.mmd.mmd2);
    expect(result.drift?.effectSize?.name).toBe('meanEmbeddingCosine');
    expect(Object.keys(result.tests)).toEqual(['mmd']);
    expect(result.tests.mmd).toEqual(runDriftTest('mmd', ref.values, cur.values, 'embedding', { seed: 3 }));
  });

  it('runs the extra tests that apply, equal to runDriftTest', () => {
    const ref = numericColumn(normals(500, 0, 7));
    const cur = numericColumn(normals(500, 0.2, 8));
    const { tests } = evaluateColumnDrift(ref, cur, { seed: 1, extraTests: ['ks', 'psi', 'mmd', 'wasserstein', 'cramervonmises', 'kl'] });
    expect(Object.keys(tests)).toEqual(['ks', 'psi', 'wasserstein', 'cramervonmises', 'kl']);
    for (const name of ['ks', 'psi', 'wasserstein', 'cramervonmises', 'kl'] as const) {
      expect(tests[name]).toEqual(runDriftTest(name, ref.values, cur.values, 'numerical', { seed: 1 }));
    }
  });

  it('names the column when the types differ', () => {
    const a = column({ type: 'numerical', values: [1, 2] });
    const b = column({ type: 'categorical', values: ['1', '2'] });
    expect(() => evaluateColumnDrift(a, b, options)).toThrow(/column x: type differs between reference \(numerical\) and current \(categorical\)/);
  });
});
