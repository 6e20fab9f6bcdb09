import { createRandom, sampleStandardNormal } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetColumn } from '../../dataset.js';
import { evaluateMultivariateDrift } from './evaluate-multivariate-drift.js';

function dataset(source: string, columns: Record<string, Float64Array>): Dataset {
  const entries = Object.entries(columns);
  const rows = entries[0]![1].length;
  const map = new Map<string, DatasetColumn>(
    entries.map(([name, values]) => [name, { name, type: 'numerical', values: { storage: 'numeric', values }, counts: { rows, missing: 0, typeMismatches: 0 } }]),
  );
  return { source, totalRows: rows, sampledRows: rows, duplicateRows: 0, columns: map };
}

/** Standard normal pairs with correlation rho: the marginals do not depend on rho. */
function correlated(n: number, rho: number, seed: number): Record<string, Float64Array> {
  const rng = createRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = sampleStandardNormal(rng);
    a[i] = 10 + 2 * x;
    b[i] = rho * x + Math.sqrt(1 - rho * rho) * sampleStandardNormal(rng);
  }
  return { a, b };
}

describe('evaluateMultivariateDrift', () => {
  it('sees a flipped correlation that no single column shows', () => {
    const result = evaluateMultivariateDrift(dataset('ref', correlated(2000, 0.8, 1)), dataset('cur', correlated(2000, -0.8, 2)), ['a', 'b'], { seed: 42 });
    expect(result).toMatchObject({ test: 'mmd', columns: ['a', 'b'], sampleSize: { reference: 500, current: 500 }, permutations: 200, threshold: 0.05, drifted: true });
    expect(result?.pValue).toBeCloseTo(1 / 201, 12);
  });

  it('does not drift between two samples of one distribution, reproducibly', () => {
    const ref = dataset('ref', correlated(1500, 0.8, 3));
    const cur = dataset('cur', correlated(1500, 0.8, 4));
    const result = evaluateMultivariateDrift(ref, cur, ['a', 'b'], { seed: 42 });
    expect(result?.drifted).toBe(false);
    expect(evaluateMultivariateDrift(ref, cur, ['a', 'b'], { seed: 42 })).toEqual(result);
  });

  it('drops rows with a missing value and columns constant in the reference', () => {
    const ref = correlated(40, 0.5, 5);
    const cur = correlated(40, 0.5, 6);
    ref.a![3] = Number.NaN;
    cur.b![7] = Number.NaN;
    const result = evaluateMultivariateDrift(
      dataset('ref', { ...ref, c: new Float64Array(40).fill(1), d: Float64Array.from({ length: 40 }, (_, i) => i) }),
      dataset('cur', { ...cur, c: Float64Array.from({ length: 40 }, (_, i) => i), d: Float64Array.from({ length: 40 }, (_, i) => i) }),
      ['a', 'b', 'c', 'd'],
      { seed: 1, sampleSize: 100, permutations: 50 },
    );
    expect(result?.columns).toEqual(['a', 'b', 'd']);
    expect(result?.sampleSize).toEqual({ reference: 39, current: 39 });
    expect(result?.permutations).toBe(50);
  });

  it('is null with fewer than 2 usable columns, and names an absent or non-numeric column', () => {
    const ref = dataset('ref.csv', correlated(50, 0.5, 7));
    expect(evaluateMultivariateDrift(ref, ref, ['a'], { seed: 1 })).toBeNull();
    expect(() => evaluateMultivariateDrift(ref, ref, ['a', 'zz'], { seed: 1 })).toThrow(/column zz is missing from ref\.csv/);
  });
});
