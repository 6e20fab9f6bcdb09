export { readDatasets, DEFAULT_SAMPLE_SIZE, INFERENCE_ROWS } from './read-datasets.js';
export type { ReadDatasetsResult, ReadOptions, ReadProgress } from './read-datasets.js';
export { UserInputError } from './user-input-error.js';
export { openRowSource, detectFormat } from './open-row-source.js';
export type { DataFormat, RawCell, RowBatch, RowSource } from './row-source.js';
export { inferColumnType } from './infer-column-type.js';
export type { InferredColumnType } from './infer-column-type.js';
export { isMissingText } from './is-missing-text.js';
