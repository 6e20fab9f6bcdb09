import type { Matrix } from '@bothub/stats';
import type { ColumnType } from './column-type.js';

/** Numbers per row (numerical, boolean as 0/1, datetime as epoch ms); NaN marks a missing value. */
export interface NumericColumnValues {
  readonly storage: 'numeric';
  readonly values: Float64Array;
}

/** Labels per row as codes into `dictionary` (categorical, text, id); −1 marks a missing value. */
export interface CategoricalColumnValues {
  readonly storage: 'categorical';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** One vector per row (embedding); rows flagged in `missing` hold zeros and must be skipped. */
export interface EmbeddingColumnValues {
  readonly storage: 'embedding';
  readonly vectors: Matrix;
  readonly missing: Uint8Array;
}

export type ColumnValues = NumericColumnValues | CategoricalColumnValues | EmbeddingColumnValues;

/** Counts over every row read (not only the sampled ones): the data-quality facts that sampling must not blur. */
export interface ColumnCounts {
  /** Rows read. */
  readonly rows: number;
  /** Empty cells, nulls and the usual spellings of missing (NA, NaN, null, empty string). */
  readonly missing: number;
  /** Cells that do not parse as the column's type (e.g. "abc" in a numerical column); stored as missing. */
  readonly typeMismatches: number;
  /** Smallest and largest value of numeric storage over all rows (undefined when none or not numeric). */
  readonly min?: number;
  readonly max?: number;
}

/** One column of a dataset: its type, the values of the sampled rows (aligned by row index across columns), and counts over all rows. */
export interface DatasetColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly values: ColumnValues;
  readonly counts: ColumnCounts;
}

/**
 * A reference or current dataset as the monitors see it: every column's values for the same sampled rows, plus
 * counts over all rows read. Readers (files, the service's store) build it; monitors never read files.
 */
export interface Dataset {
  /** Where it came from (a file path, a window id): used in messages. */
  readonly source: string;
  /** Rows read. */
  readonly totalRows: number;
  /** Rows kept for the statistics (= totalRows unless the reader sampled); the length of every column's values. */
  readonly sampledRows: number;
  /** How rows were sampled, when they were: e.g. "stratified by target, 200000 of 1000000 rows". */
  readonly sampling?: string;
  /** Exact duplicate rows over all rows read (every column equal to an earlier row). */
  readonly duplicateRows: number;
  readonly columns: ReadonlyMap<string, DatasetColumn>;
}
