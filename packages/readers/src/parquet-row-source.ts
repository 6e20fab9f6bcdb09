import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer } from 'hyparquet';
import type { RawCell, RowBatch, RowSource } from './row-source.js';
import { UserInputError } from './user-input-error.js';

/**
 * A hyparquet AsyncBuffer over an open file: every slice is one positioned read of just that byte range, so only the
 * footer and the row group being decoded are ever in memory. `bytesRead` counts the bytes read so far.
 * @example const buffer = createFileAsyncBuffer(await open('x.parquet'), size);
 */
export function createFileAsyncBuffer(handle: FileHandle, byteLength: number): AsyncBuffer & { readonly bytesRead: number } {
  let bytesRead = 0;
  return {
    byteLength,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = Math.min(end ?? byteLength, byteLength);
      const length = Math.max(0, stop - start);
      const buffer = new ArrayBuffer(length);
      let offset = 0;
      while (offset < length) {
        const { bytesRead: n } = await handle.read(new Uint8Array(buffer, offset), 0, length - offset, start + offset);
        if (n === 0) break;
        offset += n;
      }
      bytesRead += offset;
      return buffer;
    },
    get bytesRead(): number {
      return bytesRead;
    },
  };
}

/**
 * Opens a Parquet file as a stream of rows, decoding one row group at a time through hyparquet (top-level columns;
 * INT64 values arrive as bigint, timestamps as Date, lists as arrays).
 * @example const source = await openParquetRows('scores.parquet', size);
 */
export async function openParquetRows(file: string, totalBytes: number): Promise<RowSource> {
  const handle = await open(file, 'r');
  const buffer = createFileAsyncBuffer(handle, totalBytes);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    await close();
    throw new UserInputError(`not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`, { file });
  }
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);

  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      let rowStart = 0;
      for (const group of metadata.row_groups) {
        const rowEnd = rowStart + Number(group.num_rows);
        let rows: RawCell[][] = [];
        try {
          await parquetRead({
            file: buffer,
            metadata,
            rowStart,
            rowEnd,
            columns,
            rowFormat: 'array',
            onComplete: (result: RawCell[][]) => {
              rows = result;
            },
          });
        } catch (error) {
          // A readable footer over corrupt pages: a problem with the file, not a bug.
          throw new UserInputError(`cannot decode rows ${rowStart}–${rowEnd - 1} of the Parquet file (${error instanceof Error ? error.message : String(error)})`, { file });
        }
        rowStart = rowEnd;
        yield { rows, bytesRead: buffer.bytesRead };
      }
    } finally {
      await close();
    }
  }

  return { file, format: 'parquet', description: 'Parquet', columns, totalBytes, batches, close };
}
