import { describe, expect, it } from 'vitest';
import type { ColumnDrift, EmbeddingDrift, MultivariateDrift } from '../../report/report-schema.js';
import { evaluateDatasetDrift } from './evaluate-dataset-drift.js';

function drift(drifted: boolean | null): ColumnDrift {
  return {
    test: 'chi2',
    statistic: 1,
    pValue: 0.5,
    threshold: { on: 'pValue', value: 0.05, description: 'test' },
    drifted,
    effectSize: null,
  };
}

const multivariate = (drifted: boolean): MultivariateDrift => ({
  test: 'mmd',
  columns: ['a', 'b'],
  sampleSize: { reference: 500, current: 500 },
  mmd2: 0.01,
  pValue: drifted ? 0.004 : 0.6,
  sigma: 1,
  permutations: 200,
  threshold: 0.05,
  drifted,
});

describe('evaluateDatasetDrift', () => {
  it('counts only judged columns and compares the drifted share with the threshold', () => {
    const result = evaluateDatasetDrift({ a: drift(true), b: drift(false), c: drift(null), d: null, e: drift(true), f: drift(false) }, null, {}, 0.5);
    expect(result).toEqual({
      columnsTested: 4,
      driftedColumns: ['a', 'e'],
      driftedShare: 0.5,
      threshold: 0.5,
      drifted: true,
      multivariate: null,
      embeddings: {},
    });
    expect(evaluateDatasetDrift({ a: drift(true), b: drift(false), c: drift(false) }, null, {}, 0.5).drifted).toBe(false);
  });

  it('drifts when the multivariate test drifts, and carries the embeddings', () => {
    const embedding: EmbeddingDrift = {
      dimension: 2,
      sampleSize: { reference: 10, current: 10 },
      mmd: { mmd2: 0, pValue: 1, sigma: 1 },
      meanCosineSimilarity: 1,
      nearNeighbourShare: 1,
      nearNeighbourThreshold: 0.9,
      drifted: false,
    };
    const result = evaluateDatasetDrift({ a: drift(false) }, multivariate(true), { v: embedding }, 0.5);
    expect(result.drifted).toBe(true);
    expect(result.driftedShare).toBe(0);
    expect(result.embeddings).toEqual({ v: embedding });
    expect(evaluateDatasetDrift({}, multivariate(false), {}, 0.5)).toMatchObject({ columnsTested: 0, driftedShare: 0, drifted: false });
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => evaluateDatasetDrift({}, null, {}, 0)).toThrow(RangeError);
    expect(() => evaluateDatasetDrift({}, null, {}, 1.5)).toThrow(/must be in \(0, 1\]/);
  });
});
