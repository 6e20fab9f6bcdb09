export { coerceValue, MAX_CATEGORY_LENGTH, MAX_TEXT_LENGTH } from './coerce-value.js';
export type { CoercedValue } from './coerce-value.js';
export { MAX_FUTURE_SKEW_MS, MIN_EPOCH_MS, parseRecordTimestamp } from './parse-record-timestamp.js';
export { MAX_RECORD_ID_LENGTH, MAX_SEGMENT_LENGTH, validateRecord } from './validate-record.js';
export type { RecordValidation } from './validate-record.js';
export { validateLabel } from './validate-label.js';
