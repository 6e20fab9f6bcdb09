import type { Model, ValidRecord } from '@bothub/core';
import type { IngestStatus } from './store.js';

type IngestFn = (model: Model, records: readonly ValidRecord[]) => Promise<IngestStatus[]>;

interface Waiting {
  readonly records: readonly ValidRecord[];
  readonly resolve: (statuses: IngestStatus[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes the prediction batches of one model that arrive while an earlier batch of that model is being written as one
 * batch, in arrival order. A model's batches commit one after another anyway (its sequence row is locked to commit),
 * so a queue of N batches costs one transaction and one commit instead of N. Concatenation keeps the answers of
 * separate writes: a record id repeated in a later batch is a duplicate of the first, as it would be one write later.
 * Merged writes hold at most `maxRecords` records; when one fails, its batches are written again one by one, so a
 * bad batch fails only itself.
 * @example
 * const ingest = mergeConcurrentBatches((model, records) => store.writeBatch(model, records), 10_000);
 */
export function mergeConcurrentBatches(write: IngestFn, maxRecords: number): IngestFn {
  const queues = new Map<string, Waiting[]>();

  async function drain(model: Model, queue: Waiting[]): Promise<void> {
    while (queue.length > 0) {
      const taken: Waiting[] = [queue.shift()!];
      let total = taken[0]!.records.length;
      while (queue.length > 0 && total + queue[0]!.records.length <= maxRecords) {
        const next = queue.shift()!;
        total += next.records.length;
        taken.push(next);
      }
      await writeTogether(model, taken);
    }
    queues.delete(model.id);
  }

  async function writeTogether(model: Model, taken: readonly Waiting[]): Promise<void> {
    if (taken.length > 1) {
      try {
        const statuses = await write(model, taken.flatMap((w) => w.records));
        let offset = 0;
        for (const waiting of taken) {
          waiting.resolve(statuses.slice(offset, offset + waiting.records.length));
          offset += waiting.records.length;
        }
        return;
      } catch {
        // Each batch alone below, so only the one that cannot be written fails.
      }
    }
    for (const waiting of taken) {
      try {
        waiting.resolve(await write(model, waiting.records));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  return (model, records) =>
    new Promise<IngestStatus[]>((resolve, reject) => {
      const queue = queues.get(model.id);
      if (queue !== undefined) {
        queue.push({ records, resolve, reject });
        return;
      }
      const fresh: Waiting[] = [{ records, resolve, reject }];
      queues.set(model.id, fresh);
      void drain(model, fresh);
    });
}
