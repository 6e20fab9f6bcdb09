import type { Model } from '../registry/model-schema.js';
import { coerceValue } from './coerce-value.js';
import { parseRecordTimestamp } from './parse-record-timestamp.js';
import type { RecordOutcome, ValidLabel } from './record-schema.js';
import { MAX_RECORD_ID_LENGTH } from './validate-record.js';

/**
 * Validates one ground-truth label as a producer sent it (parsed JSON, untrusted): `id` (1–200 characters, the
 * prediction it belongs to, which may not have arrived yet), `label` (required and non-null, typed by
 * `model.label.type`, or the prediction's type when the model declares no label) and `timestamp` (as for
 * predictions: default `now`, more than 1 day ahead rejected). Other keys are ignored; only own properties are read.
 * @example
 * const result = validateLabel(model, { id: 'r1', label: 1 }, Date.now());
 * if (result.ok) labels.push(result.label);
 */
export function validateLabel(model: Model, raw: unknown, now: number): { ok: true; label: ValidLabel } | { ok: false; outcome: RecordOutcome } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, outcome: { id: null, status: 'rejected', field: 'label', reason: 'expected an object' } };
  const record = raw as Record<string, unknown>;
  const rawId = Object.hasOwn(record, 'id') ? record.id : undefined;
  if (typeof rawId !== 'string' || rawId.length === 0) return { ok: false, outcome: { id: null, status: 'rejected', field: 'id', reason: 'expected a non-empty string' } };
  if (rawId.length > MAX_RECORD_ID_LENGTH) return { ok: false, outcome: { id: null, status: 'rejected', field: 'id', reason: `longer than ${MAX_RECORD_ID_LENGTH} characters` } };
  const id = rawId;

  const rawLabel = Object.hasOwn(record, 'label') ? record.label : undefined;
  if (rawLabel === undefined || rawLabel === null) return { ok: false, outcome: { id, status: 'rejected', field: 'label', reason: 'missing' } };
  const label = coerceValue(model.label?.type ?? model.prediction.type, rawLabel);
  if (!label.ok) return { ok: false, outcome: { id, status: 'rejected', field: 'label', reason: label.reason } };

  const time = parseRecordTimestamp(Object.hasOwn(record, 'timestamp') ? record.timestamp : undefined, now);
  if (!time.ok) return { ok: false, outcome: { id, status: 'rejected', field: 'timestamp', reason: time.reason } };
  return { ok: true, label: { id, label: label.value as string | number | boolean, timestamp: time.timestamp } };
}
