import type { RecordCursor, RecordRange, Store, StoredRecord } from './store.js';

/**
 * Every record of a range, page by page (`Store.listRecordsInRange`), each page resuming after the last record of
 * the one before, so a range of any size is read in memory bounded by the page size.
 *
 * @example
 * for await (const page of readRecordPages(store, { versionId, from, to }, 1000)) sample(page);
 */
export async function* readRecordPages(store: Store, range: RecordRange, pageSize: number): AsyncGenerator<StoredRecord[]> {
  let after: RecordCursor | undefined;
  for (;;) {
    const page = await store.listRecordsInRange(range, pageSize, after);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1);
  }
}
