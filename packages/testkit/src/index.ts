export { makeDataset } from './make-dataset.js';
export type { ColumnSpec } from './make-dataset.js';
