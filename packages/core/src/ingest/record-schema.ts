import { Type } from 'typebox';
import type { Static } from 'typebox';

const Scalar = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]);

/** One inference record as a producer sends it. Validated against the model version's schema record by record. */
export const PredictionRecordSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200, description: 'The producer\'s id: a record with an id already seen is a duplicate, counted once.' }),
  timestamp: Type.Optional(Type.Union([Type.String(), Type.Number()], { description: 'ISO 8601 or epoch milliseconds; default: time of receipt.' })),
  version: Type.Optional(Type.String({ description: 'Model version or alias; default: the production alias.' })),
  features: Type.Record(Type.String(), Type.Union([Scalar, Type.Array(Type.Number())])),
  prediction: Scalar,
  score: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  label: Type.Optional(Scalar),
  segment: Type.Optional(Type.String({ maxLength: 200 })),
});

/**
 * A batch of predictions. The envelope is the API's own object and rejects unknown fields (a `project` or `model`
 * sent here would otherwise be silently ignored); the records are the producer's and ignore them.
 */
export const PredictionBatchSchema = Type.Object(
  { records: Type.Array(Type.Unknown(), { description: 'Each record is validated on its own: valid records of a batch are accepted even when others are rejected.' }) },
  { additionalProperties: false },
);

export const LabelRecordSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  label: Scalar,
  timestamp: Type.Optional(Type.Union([Type.String(), Type.Number()])),
});

/** A batch of labels; as for predictions, the envelope rejects unknown fields and the labels ignore them. */
export const LabelBatchSchema = Type.Object({ labels: Type.Array(Type.Unknown()) }, { additionalProperties: false });

/** The answer for one record of a batch, in the batch's order. */
export const RecordOutcomeSchema = Type.Union([
  Type.Object({ id: Type.Union([Type.String(), Type.Null()]), status: Type.Literal('accepted') }),
  Type.Object({ id: Type.Union([Type.String(), Type.Null()]), status: Type.Literal('duplicate') }),
  Type.Object({ id: Type.Union([Type.String(), Type.Null()]), status: Type.Literal('rejected'), field: Type.String(), reason: Type.String() }),
]);

export type PredictionRecord = Static<typeof PredictionRecordSchema>;
export type LabelRecord = Static<typeof LabelRecordSchema>;
export type RecordOutcome = Static<typeof RecordOutcomeSchema>;

/** A record after validation, ready to store: the timestamp resolved, the version resolved to its id. */
export interface ValidRecord {
  readonly id: string;
  readonly versionId: string;
  readonly timestamp: number;
  readonly features: Readonly<Record<string, number | string | boolean | null | readonly number[]>>;
  readonly prediction: number | string | boolean | null;
  readonly score: number | null;
  readonly label: number | string | boolean | null;
  readonly segment: string | null;
}

export interface ValidLabel {
  readonly id: string;
  readonly label: number | string | boolean | null;
  readonly timestamp: number;
}
