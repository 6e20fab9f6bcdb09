/** The formats the readers understand. */
export type DataFormat = 'csv' | 'jsonl' | 'parquet';

/** One cell as a file holds it: text from CSV, JSON values from JSON Lines, decoded values from Parquet. */
export type RawCell = unknown;

/** Rows read from a file, in file order, with the bytes of the file consumed so far. */
export interface RowBatch {
  readonly rows: readonly (readonly RawCell[])[];
  /** Bytes of the file read so far (compressed bytes for .gz files). */
  readonly bytesRead: number;
}

/** A file opened for streaming: its column names and an async iterator over batches of rows aligned with them. */
export interface RowSource {
  readonly file: string;
  readonly format: DataFormat;
  /** A description for messages and the report: e.g. "CSV (delimiter ';')". */
  readonly description: string;
  readonly columns: readonly string[];
  readonly totalBytes: number;
  batches(): AsyncIterable<RowBatch>;
  /** Releases the file; safe to call twice. */
  close(): Promise<void>;
}
