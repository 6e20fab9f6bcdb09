export { evaluateColumnQuality, MAX_UNSEEN_CATEGORIES, NEAR_CONSTANT_SHARE } from './evaluate-column-quality.js';
export { evaluateDataQuality, CORRELATION_MAX_COLUMNS, VIF_MAX_COLUMNS, VIF_MAX_ROWS } from './evaluate-data-quality.js';
export { pearsonCorrelationMatrix, CORRELATION_MAX_ROWS } from './pearson-correlation-matrix.js';
export { QUALITY_THRESHOLDS } from './quality-thresholds.js';
