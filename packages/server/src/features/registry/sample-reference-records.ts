import { recordsToDataset, ROLE_COLUMNS } from '@bothub/core';
import type { ColumnCounts, Dataset, DatasetColumn, Model, StoredRecordLike } from '@bothub/core';
import { createDistinctHashSet, createRowSampler, hashRow } from '@bothub/readers';
import { createRandom } from '@bothub/stats';

/** How a stream of records becomes a reference dataset. */
export interface SampleOptions {
  /** Records kept for the profile; above it a seeded uniform sample. */
  readonly maxRows: number;
  readonly seed: number;
  /** Where the records came from, for messages and the profile. */
  readonly source: string;
}

type MutableCounts = { -readonly [K in keyof ColumnCounts]: ColumnCounts[K] };

function addCounts(total: MutableCounts | undefined, counts: ColumnCounts): MutableCounts {
  if (total === undefined) return { ...counts };
  total.rows += counts.rows;
  total.missing += counts.missing;
  total.typeMismatches += counts.typeMismatches;
  if (counts.min !== undefined) total.min = total.min === undefined ? counts.min : Math.min(total.min, counts.min);
  if (counts.max !== undefined) total.max = total.max === undefined ? counts.max : Math.max(total.max, counts.max);
  return total;
}

/** The cells of a record in the dataset's column order, for the duplicate count. */
function recordCells(model: Model, record: StoredRecordLike): unknown[] {
  const cells: unknown[] = model.features.map((feature) => (Object.hasOwn(record.features, feature.name) ? record.features[feature.name] : null));
  cells.push(record.prediction, record.score, record.label);
  return cells;
}

/**
 * A reference dataset from records that arrive page by page (an upload being validated, stored records of a time
 * range), in bounded memory: a seeded uniform reservoir sample of at most `maxRows` records (`createRowSampler`),
 * stored as windows store records (`recordsToDataset`), so the reference and the windows encode values alike. As the
 * file readers do, the counts (rows, missing, min, max) and the duplicate rows cover every record, not only the
 * sample. Null when no record came.
 *
 * @example
 * const dataset = await sampleReferenceRecords(model, readRecordPages(store, range, 1000), { maxRows: 10_000, seed: 42, source: 'records of churn@v1' });
 */
export async function sampleReferenceRecords(model: Model, pages: AsyncIterable<readonly StoredRecordLike[]>, options: SampleOptions): Promise<Dataset | null> {
  const sampler = createRowSampler({ sampleSize: options.maxRows, rng: createRandom(options.seed), seed: options.seed });
  const slots: StoredRecordLike[] = [];
  const counts = new Map<string, MutableCounts>();
  const seen = createDistinctHashSet();
  const cellIndices = Int32Array.from({ length: model.features.length + Object.keys(ROLE_COLUMNS).length }, (_, i) => i);
  let duplicateRows = 0;
  for await (const page of pages) {
    if (page.length === 0) continue;
    // A page's dataset has exact counts for its records; summed over pages they cover every record.
    for (const column of recordsToDataset(model, page, options.source).columns.values()) counts.set(column.name, addCounts(counts.get(column.name), column.counts));
    for (const record of page) {
      const slot = sampler.offer();
      if (slot >= 0) slots[slot] = record;
      if (seen.addAndCheck(hashRow(recordCells(model, record), cellIndices))) duplicateRows += 1;
    }
  }
  const { kept, totalRows, sampling } = sampler.finish();
  if (totalRows === 0) return null;
  // Without sampling every record took the next slot, in order.
  const sample = kept === null ? slots.slice(0, totalRows) : Array.from(kept, (slot) => slots[slot]!);
  const dataset = recordsToDataset(model, sample, options.source);
  const columns = new Map<string, DatasetColumn>();
  for (const [name, column] of dataset.columns) columns.set(name, { ...column, counts: counts.get(name) ?? column.counts });
  return { ...dataset, totalRows, sampledRows: sample.length, ...(sampling === undefined ? {} : { sampling }), duplicateRows, columns };
}
