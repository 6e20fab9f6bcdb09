export { makeDataset } from './make-dataset.js';
export type { ColumnSpec } from './make-dataset.js';
export { writeTabularCsv } from './write-tabular-csv.js';
export type { TabularCsvOptions } from './write-tabular-csv.js';
export { makeModel } from './make-model.js';
export { makeAlertRule } from './make-alert-rule.js';
export { makeMetricPoints } from './make-metric-points.js';
export { makeAlert } from './make-alert.js';
