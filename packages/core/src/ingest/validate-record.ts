import type { Model } from '../registry/model-schema.js';
import { coerceValue } from './coerce-value.js';
import { parseRecordTimestamp } from './parse-record-timestamp.js';
import type { RecordOutcome, ValidRecord } from './record-schema.js';

/** Longest record id accepted (as in PredictionRecordSchema). */
export const MAX_RECORD_ID_LENGTH = 200;
/** Longest explicit segment accepted (as in PredictionRecordSchema). */
export const MAX_SEGMENT_LENGTH = 200;

type FeatureValue = ValidRecord['features'][string];
type Rejection = { readonly ok: false; readonly outcome: RecordOutcome };

/** Result of {@link validateRecord}; `ignoredFeatures` counts keys of `features` that the model does not declare. */
export type RecordValidation = { readonly ok: true; readonly record: ValidRecord; readonly ignoredFeatures: number } | Rejection;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: `__proto__`, `constructor` and the like are never read through the prototype chain. */
function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function reject(id: string | null, field: string, reason: string): Rejection {
  return { ok: false, outcome: { id, status: 'rejected', field, reason } };
}

/**
 * Validates one prediction record as a producer sent it (parsed JSON, untrusted) against the model's schema, and
 * returns it ready to store or the first problem found (field and reason).
 *
 * - `id`: a string of 1–200 characters.
 * - `timestamp`: see {@link parseRecordTimestamp} (default `now`; more than 1 day ahead rejected).
 * - `version`: a version or alias, resolved by `resolveVersion` (undefined asks for the default, the production
 *   alias); unknown → rejected on field "version".
 * - `features`: an object. Every declared feature is checked with {@link coerceValue}; absent or null is stored as
 *   null when the feature is nullable (the default), else rejected ("features.<name>", "missing"). Keys the model
 *   does not declare are ignored (not stored) and counted in `ignoredFeatures`, so producers can send new features
 *   before the schema knows them.
 * - `prediction`: required, typed by `model.prediction.type` (numerical, categorical or boolean rules of coerceValue).
 * - `score`: when the model has scores, absent/null or a number in [0, 1]; ignored when it has none.
 * - `label`: optional, null allowed, typed by `model.label.type` (the prediction's type when the model declares none).
 * - `segment`: the record's own (a string of at most 200 characters), else `field=value` pairs of the model's
 *   segment fields joined with "," (a missing value is written empty), else null.
 * - Other top-level keys are ignored. Values outside a declared range and unseen categories are accepted: they are
 *   data-quality findings, not rejections.
 * Hostile input cannot pollute prototypes: only own properties are read, and the stored features object has no
 * prototype.
 * @example
 * const result = validateRecord(model, { id: 'r1', features: { age: 42 }, prediction: 1 }, () => 'v1', Date.now());
 * if (!result.ok) outcomes.push(result.outcome);
 */
export function validateRecord(
  model: Model,
  raw: unknown,
  resolveVersion: (versionOrAlias: string | undefined) => string | null,
  now: number,
): RecordValidation {
  if (!isPlainObject(raw)) return reject(null, 'record', 'expected an object');
  const rawId = own(raw, 'id');
  if (typeof rawId !== 'string' || rawId.length === 0) return reject(null, 'id', 'expected a non-empty string');
  if (rawId.length > MAX_RECORD_ID_LENGTH) return reject(null, 'id', `longer than ${MAX_RECORD_ID_LENGTH} characters`);
  const id = rawId;

  const time = parseRecordTimestamp(own(raw, 'timestamp'), now);
  if (!time.ok) return reject(id, 'timestamp', time.reason);

  const rawVersion = own(raw, 'version');
  if (rawVersion !== undefined && rawVersion !== null && typeof rawVersion !== 'string') return reject(id, 'version', 'expected a string');
  const versionName = typeof rawVersion === 'string' ? rawVersion : undefined;
  const versionId = resolveVersion(versionName);
  if (versionId === null) {
    return reject(id, 'version', versionName === undefined ? 'no version given and the model has no production alias' : `unknown version or alias ${JSON.stringify(versionName.slice(0, 100))}`);
  }

  const rawFeatures = own(raw, 'features');
  if (!isPlainObject(rawFeatures)) return reject(id, 'features', 'expected an object');
  const features = Object.create(null) as Record<string, FeatureValue>;
  let known = 0;
  for (const spec of model.features) {
    if (Object.hasOwn(rawFeatures, spec.name)) known++;
    const value = own(rawFeatures, spec.name);
    if (value === undefined || value === null) {
      if (spec.nullable === false) return reject(id, `features.${spec.name}`, 'missing');
      features[spec.name] = null;
      continue;
    }
    const coerced = coerceValue(spec.type, value, spec.dimension);
    if (!coerced.ok) return reject(id, `features.${spec.name}`, coerced.reason);
    features[spec.name] = coerced.value;
  }

  const rawPrediction = own(raw, 'prediction');
  if (rawPrediction === undefined || rawPrediction === null) return reject(id, 'prediction', 'missing');
  const prediction = coerceValue(model.prediction.type, rawPrediction);
  if (!prediction.ok) return reject(id, 'prediction', prediction.reason);

  let score: number | null = null;
  const rawScore = own(raw, 'score');
  if (model.score && rawScore !== undefined && rawScore !== null) {
    if (typeof rawScore !== 'number' || !Number.isFinite(rawScore)) return reject(id, 'score', 'expected a number in [0, 1]');
    if (rawScore < 0 || rawScore > 1) return reject(id, 'score', `outside [0, 1] (${rawScore})`);
    score = rawScore;
  }

  let label: ValidRecord['label'] = null;
  const rawLabel = own(raw, 'label');
  if (rawLabel !== undefined && rawLabel !== null) {
    const coerced = coerceValue(model.label?.type ?? model.prediction.type, rawLabel);
    if (!coerced.ok) return reject(id, 'label', coerced.reason);
    label = coerced.value as string | number | boolean;
  }

  let segment: string | null = null;
  const rawSegment = own(raw, 'segment');
  if (rawSegment !== undefined && rawSegment !== null) {
    if (typeof rawSegment !== 'string') return reject(id, 'segment', 'expected a string');
    if (rawSegment.length > MAX_SEGMENT_LENGTH) return reject(id, 'segment', `longer than ${MAX_SEGMENT_LENGTH} characters`);
    segment = rawSegment;
  } else if (model.segmentFields.length > 0) {
    segment = model.segmentFields.map((field) => `${field}=${segmentValue(Object.hasOwn(features, field) ? features[field] : null)}`).join(',');
  }

  return {
    ok: true,
    record: { id, versionId, timestamp: time.timestamp, features, prediction: prediction.value as string | number | boolean, score, label, segment },
    ignoredFeatures: Math.max(0, Object.keys(rawFeatures).length - known),
  };
}

function segmentValue(value: FeatureValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? '' : String(value);
}
