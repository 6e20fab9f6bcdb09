/**
 * The report's JSON shape, declared once with TypeBox: the TypeScript types, the JSON Schema file
 * (docs/report.schema.json) and the documentation all come from here. Bump REPORT_SCHEMA_VERSION on any change
 * that removes or renames a field (additions are minor).
 */
import { Type } from 'typebox';
import type { Static, TSchema } from 'typebox';
import { COLUMN_TYPES } from '../column-type.js';

export const REPORT_SCHEMA_VERSION = '1.0';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DRIFT_TEST_NAMES = ['ks', 'chi2', 'psi', 'wasserstein', 'jensenshannon', 'hellinger', 'kl', 'cramervonmises', 'mmd'] as const;
export type DriftTestName = (typeof DRIFT_TEST_NAMES)[number];

export const ColumnTypeSchema = Type.Enum(COLUMN_TYPES);
export const DriftTestNameSchema = Type.Enum(DRIFT_TEST_NAMES);

/** One named test on one column: the statistic exactly as the statistics core (and scipy) computes it. */
export const TestResultSchema = Type.Object({
  statistic: Nullable(Type.Number({ description: 'Unscaled, as the statistics core computes it; null when the test could not run.' })),
  pValue: Nullable(Type.Number({ description: 'Null where the test has no p-value (distances, PSI).' })),
  normalized: Type.Optional(Nullable(Type.Number({ description: 'A scaled form, e.g. Wasserstein divided by the reference standard deviation.' }))),
  reason: Type.Optional(Type.String({ description: 'Why the test did not run (e.g. insufficient data).' })),
});

/** The default drift verdict of a column. */
export const ColumnDriftSchema = Type.Object({
  test: DriftTestNameSchema,
  statistic: Nullable(Type.Number()),
  pValue: Nullable(Type.Number()),
  normalized: Type.Optional(Nullable(Type.Number())),
  threshold: Type.Object({
    on: Type.Union([Type.Literal('pValue'), Type.Literal('statistic'), Type.Literal('normalized')]),
    value: Type.Number(),
    description: Type.String({ description: 'The rule in words, e.g. "drift when p < 0.05 and PSI ≥ 0.1".' }),
  }),
  drifted: Nullable(Type.Boolean({ description: 'Null when there was not enough data to decide.' })),
  effectSize: Nullable(Type.Object({ name: Type.String(), value: Type.Number() })),
  reason: Type.Optional(Type.String()),
});

/** What the report shows of a column's distribution: a histogram on shared edges, or category shares. */
export const DistributionSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('histogram'),
    edges: Type.Array(Type.Number()),
    reference: Type.Array(Type.Number({ description: 'Share of non-missing reference values per bin.' })),
    current: Type.Array(Type.Number()),
  }),
  Type.Object({
    kind: Type.Literal('categories'),
    categories: Type.Array(Type.String({ description: 'The most frequent categories; the rest are summed under "(other)".' })),
    reference: Type.Array(Type.Number()),
    current: Type.Array(Type.Number()),
  }),
  Type.Object({ kind: Type.Literal('none') }),
]);

export const ColumnQualitySideSchema = Type.Object({
  rows: Type.Number(),
  missing: Type.Number(),
  missingShare: Type.Number(),
  typeMismatches: Type.Number(),
  distinct: Nullable(Type.Number({ description: 'Distinct non-missing values in the sampled rows.' })),
  constant: Type.Boolean(),
  nearConstant: Type.Boolean({ description: 'The most frequent value covers ≥ 95 % of non-missing rows.' }),
  min: Type.Optional(Nullable(Type.Number())),
  max: Type.Optional(Nullable(Type.Number())),
  mean: Type.Optional(Nullable(Type.Number())),
  std: Type.Optional(Nullable(Type.Number())),
});

export const ColumnQualitySchema = Type.Object({
  reference: ColumnQualitySideSchema,
  current: ColumnQualitySideSchema,
  outOfRangeShare: Nullable(Type.Number({ description: 'Share of current values outside [min, max] of the reference (numeric columns).' })),
  unseenCategoryShare: Nullable(Type.Number({ description: 'Share of current values whose category never occurs in the reference.' })),
  unseenCategories: Type.Array(Type.String({ description: 'Up to 20 unseen categories, most frequent first.' })),
  missingShareChange: Type.Number({ description: 'current.missingShare − reference.missingShare.' }),
});

export const ColumnReportSchema = Type.Object({
  type: ColumnTypeSchema,
  role: Nullable(Type.String({ description: 'target, prediction, score, timestamp, segment or protected; null for a feature.' })),
  drift: Nullable(ColumnDriftSchema),
  tests: Type.Record(Type.String(), TestResultSchema, { description: 'Every test asked for with --tests that applies to the column.' }),
  distribution: DistributionSchema,
  quality: ColumnQualitySchema,
});

export const FindingSchema = Type.Object({
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
  code: Type.String({ description: 'Stable identifier, e.g. missing_share_increase, unseen_categories, constant_column.' }),
  column: Nullable(Type.String()),
  message: Type.String(),
});

export const MultivariateDriftSchema = Type.Object({
  test: Type.Literal('mmd'),
  columns: Type.Array(Type.String()),
  sampleSize: Type.Object({ reference: Type.Number(), current: Type.Number() }),
  mmd2: Type.Number(),
  pValue: Type.Number(),
  sigma: Type.Number(),
  permutations: Type.Number(),
  threshold: Type.Number(),
  drifted: Type.Boolean(),
});

export const EmbeddingDriftSchema = Type.Object({
  dimension: Type.Number(),
  sampleSize: Type.Object({ reference: Type.Number(), current: Type.Number() }),
  mmd: Type.Object({ mmd2: Type.Number(), pValue: Type.Number(), sigma: Type.Number() }),
  meanCosineSimilarity: Nullable(Type.Number()),
  nearNeighbourShare: Type.Number({ description: 'Share of current vectors with a reference vector at cosine ≥ threshold (SimHash LSH).' }),
  nearNeighbourThreshold: Type.Number(),
  drifted: Type.Boolean(),
});

export const DatasetDriftSchema = Type.Object({
  columnsTested: Type.Number(),
  driftedColumns: Type.Array(Type.String()),
  driftedShare: Type.Number(),
  threshold: Type.Number({ description: 'The dataset drifts when driftedShare ≥ threshold (default 0.5) or the multivariate test drifts.' }),
  drifted: Type.Boolean(),
  multivariate: Nullable(MultivariateDriftSchema),
  embeddings: Type.Record(Type.String(), EmbeddingDriftSchema),
});

export const DataQualitySideSchema = Type.Object({
  rows: Type.Number(),
  duplicateRows: Type.Number(),
  duplicateIds: Nullable(Type.Number({ description: 'Repeated values in id columns, summed over id columns; null when there is none.' })),
});

export const MatrixOverColumnsSchema = Type.Object({
  columns: Type.Array(Type.String()),
  reference: Type.Array(Type.Array(Nullable(Type.Number()))),
  current: Type.Array(Type.Array(Nullable(Type.Number()))),
});

export const DataQualitySchema = Type.Object({
  reference: DataQualitySideSchema,
  current: DataQualitySideSchema,
  findings: Type.Array(FindingSchema),
  varianceInflation: Type.Object({
    columns: Type.Array(Type.String()),
    reference: Type.Array(Nullable(Type.Number({ description: 'Infinity (perfect collinearity) is written as null.' }))),
    current: Type.Array(Nullable(Type.Number())),
  }),
  correlations: MatrixOverColumnsSchema,
});

/** A metric with its confidence interval (null bounds where no interval applies). */
export const MetricValueSchema = Type.Object({
  value: Nullable(Type.Number()),
  lower: Nullable(Type.Number()),
  upper: Nullable(Type.Number()),
  interval: Nullable(Type.String({ description: 'How the interval was computed: wilson, delong, bootstrap.' })),
});

export const PerformanceSchema = Type.Object({
  task: Type.Union([Type.Literal('binary_classification'), Type.Literal('multiclass_classification'), Type.Literal('regression')]),
  confidence: Type.Number(),
  rows: Type.Object({ reference: Type.Number(), current: Type.Number() }),
  reference: Type.Record(Type.String(), MetricValueSchema, { description: 'Keyed by the statistics core metric names: accuracy, precision, recall, f1, rocAuc, averagePrecision, logLoss, brier, mae, rmse, mape, r2 …' }),
  current: Type.Record(Type.String(), MetricValueSchema),
  change: Type.Record(Type.String(), Nullable(Type.Number({ description: 'current − reference.' }))),
  degraded: Type.Array(Type.String({ description: 'Metrics whose current interval lies entirely on the worse side of the reference value.' })),
  droppedRows: Type.Optional(
    Type.Object(
      { reference: Type.Number(), current: Type.Number() },
      { description: 'Rows left out because the target or the prediction/score is missing.' },
    ),
  ),
  notes: Type.Optional(Type.Array(Type.String({ description: 'Why a metric is empty or how an interval was formed (e.g. a single-class target, a bootstrap on a subsample).' }))),
});

export const AnomaliesSchema = Type.Object({
  columns: Type.Array(Type.String()),
  percentile: Type.Number(),
  threshold: Type.Number({ description: 'The reference score at the percentile.' }),
  referenceShareAbove: Type.Number(),
  currentShareAbove: Type.Number(),
  currentShareInterval: MetricValueSchema,
  topRows: Type.Array(
    Type.Object({
      row: Type.Number({ description: '1-based row number in the current sample.' }),
      score: Type.Number(),
      values: Type.Record(Type.String(), Nullable(Type.Union([Type.Number(), Type.String()]))),
    }),
  ),
});

export const FairnessGroupSchema = Type.Object({
  group: Type.String(),
  count: Type.Number(),
  selectionRate: MetricValueSchema,
  truePositiveRate: MetricValueSchema,
  falsePositiveRate: MetricValueSchema,
});

export const FairnessSideSchema = Type.Object({
  disparateImpact: MetricValueSchema,
  statisticalParityDifference: MetricValueSchema,
  equalOpportunityDifference: MetricValueSchema,
  averageOddsDifference: MetricValueSchema,
  groups: Type.Array(FairnessGroupSchema),
  fourFifthsRule: Type.Object({
    passed: Nullable(Type.Boolean({ description: 'Disparate impact ≥ 0.8 (and ≤ 1.25); null with insufficient data.' })),
    message: Type.String(),
  }),
  insufficient: Type.Array(Type.String({ description: 'Metrics left empty, with the reason.' })),
});

export const FairnessSchema = Type.Object({
  column: Type.String(),
  privileged: Type.String(),
  minGroupSize: Type.Number(),
  reference: Nullable(FairnessSideSchema),
  current: FairnessSideSchema,
});

export const SegmentReportSchema = Type.Object({
  value: Type.String(),
  rows: Type.Object({ reference: Type.Number(), current: Type.Number() }),
  columnsTested: Type.Number(),
  driftedColumns: Type.Array(Type.String()),
  driftedShare: Nullable(Type.Number({ description: 'Null when the segment is too small in either dataset.' })),
  performance: Nullable(Type.Record(Type.String(), Nullable(Type.Number()), { description: 'Current value of the headline metrics in this segment.' })),
  anomalyShare: Nullable(Type.Number()),
});

export const SegmentsSchema = Type.Object({
  column: Type.String(),
  minRows: Type.Number(),
  segments: Type.Array(SegmentReportSchema),
  worst: Type.Array(Type.String({ description: 'Segments ordered by drifted share, worst first (at most 5).' })),
});

export const DatasetInfoSchema = Type.Object({
  source: Type.String(),
  format: Type.String(),
  rows: Type.Number(),
  sampledRows: Type.Number(),
  sampling: Nullable(Type.String()),
});

export const ReportSchema = Type.Object(
  {
    schemaVersion: Type.Literal(REPORT_SCHEMA_VERSION),
    generatedAt: Type.String({ description: 'ISO 8601 time the report was made.' }),
    tool: Type.Object({ name: Type.Literal('bothub'), version: Type.String() }),
    inputs: Type.Object({ reference: DatasetInfoSchema, current: DatasetInfoSchema }),
    roles: Type.Object({
      target: Nullable(Type.String()),
      prediction: Nullable(Type.String()),
      score: Nullable(Type.String()),
      scoreColumns: Type.Array(Type.String()),
      timestamp: Nullable(Type.String()),
      segment: Nullable(Type.String()),
      protected: Nullable(Type.Object({ column: Type.String(), privileged: Type.String() })),
    }),
    summary: Type.Object({
      verdict: Type.Union([Type.Literal('ok'), Type.Literal('warning'), Type.Literal('drift')]),
      headline: Type.String(),
      messages: Type.Array(Type.String()),
    }),
    columns: Type.Record(Type.String(), ColumnReportSchema),
    datasetDrift: DatasetDriftSchema,
    dataQuality: DataQualitySchema,
    performance: Nullable(PerformanceSchema),
    anomalies: Nullable(AnomaliesSchema),
    fairness: Nullable(FairnessSchema),
    segments: Nullable(SegmentsSchema),
  },
  { title: 'Bothub report', description: 'The JSON written by bothub report --json.' },
);

export type TestResult = Static<typeof TestResultSchema>;
export type ColumnDrift = Static<typeof ColumnDriftSchema>;
export type Distribution = Static<typeof DistributionSchema>;
export type ColumnQuality = Static<typeof ColumnQualitySchema>;
export type ColumnQualitySide = Static<typeof ColumnQualitySideSchema>;
export type ColumnReport = Static<typeof ColumnReportSchema>;
export type Finding = Static<typeof FindingSchema>;
export type MultivariateDrift = Static<typeof MultivariateDriftSchema>;
export type EmbeddingDrift = Static<typeof EmbeddingDriftSchema>;
export type DatasetDrift = Static<typeof DatasetDriftSchema>;
export type DataQuality = Static<typeof DataQualitySchema>;
export type MetricValue = Static<typeof MetricValueSchema>;
export type Performance = Static<typeof PerformanceSchema>;
export type Anomalies = Static<typeof AnomaliesSchema>;
export type FairnessSide = Static<typeof FairnessSideSchema>;
export type Fairness = Static<typeof FairnessSchema>;
export type SegmentReport = Static<typeof SegmentReportSchema>;
export type Segments = Static<typeof SegmentsSchema>;
export type DatasetInfo = Static<typeof DatasetInfoSchema>;
export type Report = Static<typeof ReportSchema>;
