/**
 * The registry's shapes, declared once with TypeBox: request validation, TypeScript types and the OpenAPI document
 * all come from here.
 */
import { Type } from 'typebox';
import type { Static, TProperties } from 'typebox';

export const MODEL_TASKS = ['binary_classification', 'multiclass_classification', 'regression', 'ranking', 'embedding'] as const;
export const FEATURE_TYPES = ['numerical', 'categorical', 'boolean', 'text', 'embedding'] as const;
export const VALUE_TYPES = ['numerical', 'categorical', 'boolean'] as const;

/** Names used in URLs: models, projects, aliases. */
export const SlugSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,99}$', description: 'lowercase letters, digits, ".", "_" and "-"; at most 100 characters' });

export const FeatureSpecSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Enum(FEATURE_TYPES),
    dimension: Type.Optional(Type.Integer({ minimum: 1, maximum: 65536, description: 'Required for embedding features.' })),
    range: Type.Optional(Type.Object({ min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) }, { additionalProperties: false })),
    categories: Type.Optional(Type.Array(Type.String(), { maxItems: 10000, description: 'Known categories; others are accepted and counted as unseen.' })),
    nullable: Type.Optional(Type.Boolean({ default: true, description: 'Whether a record may omit the feature or send null.' })),
  },
  { additionalProperties: false },
);

export const WindowSpecSchema = Type.Object(
  {
    kind: Type.Enum(['count', 'time'] as const),
    size: Type.Integer({ minimum: 1, description: 'Records per window (count) or seconds per window (time).' }),
    slide: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Sliding windows: a new window every `slide` records or seconds; tumbling when omitted. Time windows: `size` must be a multiple of `slide`.' }),
    ),
    lateness: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'Time windows only: seconds a window stays open after its end for records that arrive late; default 10 % of `size` (rounded up). A record later than that re-opens its closed window.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RetentionSpecSchema = Type.Object(
  {
    recordsDays: Type.Integer({ minimum: 1, default: 30 }),
    metricsDays: Type.Integer({ minimum: 1, default: 365 }),
  },
  { additionalProperties: false },
);

/** Which monitors run on the model's windows, and their settings; every monitor is on by default. */
export const MonitorSettingsSchema = Type.Object(
  {
    multivariateDrift: Type.Optional(Type.Boolean({ default: true, description: 'MMD permutation test over the numerical features (about 70 % of a window\'s evaluation time).' })),
    dataQuality: Type.Optional(Type.Boolean({ default: true, description: 'Missing, out-of-range and unseen-category shares (quality.* metrics).' })),
    performance: Type.Optional(Type.Boolean({ default: true, description: 'Performance metrics and label coverage once labels arrive.' })),
    anomalies: Type.Optional(Type.Boolean({ default: true, description: 'Isolation Forest anomaly share.' })),
    fairness: Type.Optional(Type.Boolean({ default: true, description: 'Fairness metrics, when the model names a protected attribute.' })),
    anomalyPercentile: Type.Optional(Type.Number({ minimum: 50, maximum: 100, default: 95, description: 'Reference score percentile above which a row counts as anomalous.' })),
    datasetDriftShare: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.5, description: 'Share of drifted features at which the dataset counts as drifted.' })),
  },
  { additionalProperties: false },
);

/** The body of `POST /api/v1/models`. Unknown fields are rejected so a typo cannot silently drop a setting. */
export const ModelSpecSchema = Type.Object(
  {
    name: SlugSchema,
    project: Type.Optional(SlugSchema),
    task: Type.Enum(MODEL_TASKS),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    features: Type.Array(FeatureSpecSchema, { minItems: 1, maxItems: 2000 }),
    prediction: Type.Object({ type: Type.Enum(VALUE_TYPES) }, { additionalProperties: false }),
    label: Type.Optional(Type.Object({ type: Type.Enum(VALUE_TYPES) }, { additionalProperties: false })),
    score: Type.Optional(Type.Boolean({ description: 'Records carry a score (probability of the positive class).' })),
    segmentFields: Type.Optional(Type.Array(Type.String(), { maxItems: 10, description: 'Features whose values define segments.' })),
    protected: Type.Optional(Type.Object({ field: Type.String(), privileged: Type.String() }, { additionalProperties: false })),
    window: Type.Optional(WindowSpecSchema),
    retention: Type.Optional(RetentionSpecSchema),
    monitors: Type.Optional(MonitorSettingsSchema),
  },
  { additionalProperties: false },
);

/** The schemas without their `default`s, which the validator would fill in: a patch leaves what it does not name as it is. */
function withoutDefaults<Properties extends TProperties>(properties: Properties): Properties {
  const copies: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const copy: Record<string, unknown> = { ...schema };
    delete copy.default;
    copies[key] = copy;
  }
  return copies as Properties;
}

/**
 * The body of `PATCH /api/v1/models/{model}`: the settings that may change once records flow. The schema of the records
 * (task, features, prediction, label, score) and the model's identity may not; unknown fields are rejected.
 */
export const ModelPatchSchema = Type.Object(
  {
    description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'null clears it.' })),
    segmentFields: Type.Optional(Type.Array(Type.String(), { maxItems: 10, description: 'Replaces the list; applies to records ingested from then on.' })),
    protected: Type.Optional(
      Type.Union([Type.Object({ field: Type.String(), privileged: Type.String() }, { additionalProperties: false }), Type.Null()], { description: 'null: no fairness monitor.' }),
    ),
    window: Type.Optional(WindowSpecSchema),
    retention: Type.Optional(
      Type.Object({ recordsDays: Type.Optional(Type.Integer({ minimum: 1 })), metricsDays: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false, description: 'Merged over the current retention.' }),
    ),
    monitors: Type.Optional(
      Type.Object(Type.Partial(Type.Object(withoutDefaults(MonitorSettingsSchema.properties))).properties, { additionalProperties: false, description: 'Merged over the current settings.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ModelSchema = Type.Object({
  id: Type.String(),
  project: Type.String(),
  name: Type.String(),
  task: Type.Enum(MODEL_TASKS),
  description: Type.Union([Type.String(), Type.Null()]),
  features: Type.Array(FeatureSpecSchema),
  prediction: Type.Object({ type: Type.Enum(VALUE_TYPES) }),
  label: Type.Union([Type.Object({ type: Type.Enum(VALUE_TYPES) }), Type.Null()]),
  score: Type.Boolean(),
  segmentFields: Type.Array(Type.String()),
  protected: Type.Union([Type.Object({ field: Type.String(), privileged: Type.String() }), Type.Null()]),
  window: WindowSpecSchema,
  retention: RetentionSpecSchema,
  /** Absent on models registered before monitor settings existed: every monitor on. */
  monitors: Type.Optional(MonitorSettingsSchema),
  createdAt: Type.String(),
});

/** The body of `POST /api/v1/models/{model}/versions`. */
export const VersionSpecSchema = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 100 }),
    aliases: Type.Optional(Type.Array(SlugSchema, { maxItems: 20 })),
    metadata: Type.Optional(
      Type.Object(
        {
          trainingDataHash: Type.Optional(Type.String({ maxLength: 200 })),
          parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          metrics: Type.Optional(Type.Record(Type.String(), Type.Number())),
          artifactUri: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const VersionSchema = Type.Object({
  id: Type.String(),
  modelId: Type.String(),
  version: Type.String(),
  aliases: Type.Array(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  reference: Type.Union([Type.Object({ rows: Type.Integer(), builtAt: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
});

export type FeatureSpec = Static<typeof FeatureSpecSchema>;
export type WindowSpec = Static<typeof WindowSpecSchema>;
export type MonitorSettings = Static<typeof MonitorSettingsSchema>;
export type ModelSpec = Static<typeof ModelSpecSchema>;
export type ModelPatch = Static<typeof ModelPatchSchema>;
export type Model = Static<typeof ModelSchema>;
export type VersionSpec = Static<typeof VersionSpecSchema>;
export type Version = Static<typeof VersionSchema>;

/** Defaults applied when a model is created without them. */
export const DEFAULT_WINDOW: WindowSpec = { kind: 'count', size: 1000 };
export const DEFAULT_RETENTION = { recordsDays: 30, metricsDays: 365 } as const;
export const DEFAULT_PROJECT = 'default';
export const DEFAULT_MONITORS = { multivariateDrift: true, dataQuality: true, performance: true, anomalies: true, fairness: true, anomalyPercentile: 95, datasetDriftShare: 0.5 } as const satisfies Required<MonitorSettings>;
