import { makeModel } from '@bothub/testkit';
import type { ValidRecord } from '@bothub/core';
import { describe, expect, it } from 'vitest';
import { mergeConcurrentBatches } from './merge-concurrent-batches.js';
import type { IngestStatus } from './store.js';

function record(id: string): ValidRecord {
  return { id, versionId: 'v1', timestamp: 0, features: {}, prediction: true, score: null, label: null, segment: null };
}

/** A write that takes one macrotask, remembers what each call held and answers like a store: ids seen before are duplicates. */
function slowStore(failOnId?: string) {
  const seen = new Set<string>();
  const calls: string[][] = [];
  const write = async (_model: unknown, records: readonly ValidRecord[]): Promise<IngestStatus[]> => {
    calls.push(records.map((r) => r.id));
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (records.some((r) => r.id === failOnId)) throw new Error(`cannot write ${failOnId}`);
    return records.map((r) => (seen.has(r.id) ? 'duplicate' : (seen.add(r.id), 'accepted')));
  };
  return { write, calls };
}

describe('mergeConcurrentBatches', () => {
  const model = makeModel({ features: [{ name: 'x', type: 'numerical' }] });

  it('writes the batches that wait behind a write as one, in order, and answers each batch for its own records', async () => {
    const { write, calls } = slowStore();
    const ingest = mergeConcurrentBatches(write, 100);
    const answers = await Promise.all([['a'], ['b', 'c'], ['c', 'd'], ['e']].map((ids) => ingest(model, ids.map(record))));
    expect(calls).toEqual([['a'], ['b', 'c', 'c', 'd', 'e']]);
    expect(answers).toEqual([['accepted'], ['accepted', 'accepted'], ['duplicate', 'accepted'], ['accepted']]);
  });

  it('keeps merged writes under the record limit', async () => {
    const { write, calls } = slowStore();
    const ingest = mergeConcurrentBatches(write, 3);
    await Promise.all([['a'], ['b', 'c'], ['d', 'e'], ['f']].map((ids) => ingest(model, ids.map(record))));
    expect(calls).toEqual([['a'], ['b', 'c'], ['d', 'e', 'f']]);
  });

  it('writes the batches of a failed merged write one by one, so only the bad batch fails', async () => {
    const { write } = slowStore('bad');
    const ingest = mergeConcurrentBatches(write, 100);
    const settled = await Promise.allSettled([['a'], ['b'], ['bad'], ['c']].map((ids) => ingest(model, ids.map(record))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : []))).toEqual(['accepted', 'accepted', 'accepted']);
  });
});
