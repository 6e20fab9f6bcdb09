export { COLUMN_TYPES, isNumericStorage } from './column-type.js';
export type { ColumnType } from './column-type.js';
export type {
  CategoricalColumnValues,
  ColumnCounts,
  ColumnValues,
  Dataset,
  DatasetColumn,
  EmbeddingColumnValues,
  NumericColumnValues,
} from './dataset.js';
export { DEFAULT_REPORT_OPTIONS } from './report-options.js';
export type { ColumnRoles, ReportOptions } from './report-options.js';
