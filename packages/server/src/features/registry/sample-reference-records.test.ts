import type { StoredRecordLike } from '@bothub/core';
import { recordsToDataset } from '@bothub/core';
import { makeModel } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { sampleReferenceRecords } from './sample-reference-records.js';

const model = makeModel({
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'plan', type: 'categorical' },
  ],
});

function record(i: number): StoredRecordLike {
  // Every 10th age is missing; from record 5000 on, every record repeats the one 5000 before it in every column.
  const k = i % 5000;
  return { features: { age: k % 10 === 0 ? null : k, plan: k % 3 === 0 ? 'pro' : 'basic' }, prediction: k % 2 === 0, score: k / 5000, label: null };
}

async function* pages(count: number, size: number): AsyncGenerator<StoredRecordLike[]> {
  for (let start = 0; start < count; start += size) {
    // A page at a time, as from the store.
    await Promise.resolve();
    yield Array.from({ length: Math.min(size, count - start) }, (_, k) => record(start + k));
  }
}

const numbers = (values: unknown): number[] => {
  const column = values as { storage: string; values: Float64Array };
  if (column.storage !== 'numeric') throw new Error('not numeric');
  return [...column.values];
};

describe('sampleReferenceRecords', () => {
  it('keeps every record below the sample size, exactly as recordsToDataset stores them', async () => {
    const dataset = await sampleReferenceRecords(model, pages(250, 100), { maxRows: 1000, seed: 1, source: 'test' });
    const all = recordsToDataset(model, Array.from({ length: 250 }, (_, i) => record(i)), 'test');
    expect(dataset).toEqual(all);
  });

  it('samples at most maxRows records (seeded, the same for a seed), with counts and duplicates over every record', async () => {
    const a = (await sampleReferenceRecords(model, pages(12_000, 1000), { maxRows: 2000, seed: 7, source: 'test' }))!;
    const b = (await sampleReferenceRecords(model, pages(12_000, 700), { maxRows: 2000, seed: 7, source: 'test' }))!;
    const c = (await sampleReferenceRecords(model, pages(12_000, 1000), { maxRows: 2000, seed: 8, source: 'test' }))!;
    expect(a.totalRows).toBe(12_000);
    expect(a.sampledRows).toBe(2000);
    expect(a.sampling).toBe('uniform reservoir sample, 2000 of 12000 rows (seed 7)');
    expect(a.columns.get('age')!.counts).toEqual({ rows: 12_000, missing: 1200, typeMismatches: 0, min: 1, max: 4999 });
    expect(a.columns.get('plan')!.counts).toMatchObject({ rows: 12_000, missing: 0 });
    expect(numbers(a.columns.get('age')!.values)).toHaveLength(2000);
    expect(a.duplicateRows).toBe(7000);
    expect(a.duplicateRows).toBe(recordsToDataset(model, Array.from({ length: 12_000 }, (_, i) => record(i)), 'test').duplicateRows);
    // Page boundaries do not change the sample; the seed does.
    expect(numbers(a.columns.get('score')!.values)).toEqual(numbers(b.columns.get('score')!.values));
    expect(numbers(a.columns.get('score')!.values)).not.toEqual(numbers(c.columns.get('score')!.values));
  });

  it('answers null when no record came', async () => {
    expect(await sampleReferenceRecords(model, pages(0, 10), { maxRows: 10, seed: 1, source: 'test' })).toBeNull();
  });
});
