export { evaluateAnomalies, ANOMALY_FIT_MAX_ROWS, ANOMALY_MAX_ROW_VALUES, ANOMALY_MIN_ROWS } from './evaluate-anomalies.js';
export type { AnomalyOptions } from './evaluate-anomalies.js';
