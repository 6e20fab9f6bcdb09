import { createRandom } from '@bothub/stats';
import { describe, expect, it } from 'vitest';
import { createRowSampler, MAX_STRATA } from './row-sampler.js';

/** Runs a sampler over n rows and returns the kept row indices in order. */
function keptRows(n: number, sampleSize: number, seed: number, stratumOf?: (row: number) => string): { rows: number[]; sampling: string | undefined } {
  const sampler = createRowSampler({ sampleSize, rng: createRandom(seed), ...(stratumOf === undefined ? {} : { stratifyBy: 'y' }) });
  const rowAt = new Map<number, number>();
  for (let row = 0; row < n; row++) {
    const slot = sampler.offer(stratumOf?.(row));
    if (slot >= 0) rowAt.set(slot, row);
  }
  const { kept, sampledRows, totalRows, sampling } = sampler.finish();
  expect(totalRows).toBe(n);
  const rows = kept === null ? Array.from({ length: sampledRows }, (_, slot) => rowAt.get(slot)!) : [...kept].map((slot) => rowAt.get(slot)!);
  return { rows, sampling };
}

describe('createRowSampler', () => {
  it('keeps every row, in order, when there are no more than sampleSize', () => {
    expect(keptRows(5, 5, 1)).toEqual({ rows: [0, 1, 2, 3, 4], sampling: undefined });
    expect(keptRows(3, 10, 1, (r) => String(r % 2)).rows).toEqual([0, 1, 2]);
  });

  it('uniform: exactly sampleSize distinct rows in file order, reproducible by seed', () => {
    const a = keptRows(1000, 100, 5);
    expect(a.rows).toHaveLength(100);
    expect(new Set(a.rows).size).toBe(100);
    expect(a.rows).toEqual([...a.rows].sort((x, y) => x - y));
    expect(keptRows(1000, 100, 5).rows).toEqual(a.rows);
    expect(keptRows(1000, 100, 6).rows).not.toEqual(a.rows);
    expect(a.sampling).toBe('uniform reservoir sample, 100 of 1000 rows');
  });

  it('uniform: every row is kept about equally often over many seeds (Algorithm R is unbiased)', () => {
    const n = 50;
    const k = 10;
    const seeds = 4000;
    const hits = new Array<number>(n).fill(0);
    for (let seed = 0; seed < seeds; seed++) for (const row of keptRows(n, k, seed).rows) hits[row]!++;
    // Expected k/n · seeds = 800 per row; binomial sd ≈ 25, so ±150 is six standard deviations.
    for (const count of hits) expect(Math.abs(count - 800)).toBeLessThan(150);
  });

  it('stratified: quotas proportional to the class sizes, at least one row for a rare class', () => {
    const { rows, sampling } = keptRows(10_000, 1000, 3, (r) => (r % 4 === 0 ? 'a' : r === 7 ? 'rare' : 'b'));
    expect(rows).toHaveLength(1000);
    const a = rows.filter((r) => r % 4 === 0).length;
    expect(rows.includes(7)).toBe(true);
    // 2500 a, 7499 b, 1 rare: largest remainder with a minimum of one → 250, 749, 1.
    expect(a).toBe(250);
    expect(sampling).toBe('stratified by y (3 classes, proportional), 1000 of 10000 rows');
  });

  it('stratified: memory stays bounded when classes are large, and shares still hold', () => {
    // 100,000 rows in two halves: the trims keep reservoirs near 1.5 × their quota.
    const { rows } = keptRows(100_000, 500, 9, (r) => (r % 2 === 0 ? 'even' : 'odd'));
    expect(rows).toHaveLength(500);
    expect(rows.filter((r) => r % 2 === 0)).toHaveLength(250);
  });

  it('pools the classes beyond the first MAX_STRATA − 1 into one', () => {
    const { rows, sampling } = keptRows(5000, 200, 1, (r) => String(r % 500));
    expect(rows).toHaveLength(200);
    expect(sampling).toContain(`${MAX_STRATA - 1}+ classes`);
  });

  it('rejects a sample size that is not a positive integer', () => {
    expect(() => createRowSampler({ sampleSize: 0, rng: createRandom(1) })).toThrow(RangeError);
  });
});
