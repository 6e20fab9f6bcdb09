/**
 * @bothub/core — Bothub's domain, pure: the dataset model the monitors read, the monitors themselves (drift, data
 * quality, performance, anomalies, fairness, segments), the report they assemble and the checks run on it.
 */
export { COLUMN_TYPES, isNumericStorage } from './column-type.js';
export type { ColumnType } from './column-type.js';
export type {
  CategoricalColumnValues,
  ColumnCounts,
  ColumnValues,
  Dataset,
  DatasetColumn,
  EmbeddingColumnValues,
  NumericColumnValues,
} from './dataset.js';
export { selectRows } from './select-rows.js';
export { DEFAULT_REPORT_OPTIONS } from './report-options.js';
export type { ColumnRoles, ReportOptions } from './report-options.js';

export { buildReport, columnRoles } from './report/build-report.js';
export type { ReportContext } from './report/build-report.js';
export { summarizeReport } from './report/summarize-report.js';
export { formatCount, formatNumber, formatPValue, formatShare } from './format/format-value.js';
export { reportJsonSchema } from './report/report-json-schema.js';
export { DRIFT_TEST_NAMES, REPORT_SCHEMA_VERSION, ReportSchema } from './report/report-schema.js';
export type {
  Anomalies,
  ColumnDrift,
  ColumnQuality,
  ColumnQualitySide,
  ColumnReport,
  DataQuality,
  DatasetDrift,
  DatasetInfo,
  Distribution,
  DriftTestName,
  EmbeddingDrift,
  Fairness,
  FairnessSide,
  Finding,
  MetricValue,
  MultivariateDrift,
  Performance,
  Report,
  SegmentReport,
  Segments,
  TestResult,
} from './report/report-schema.js';

export { checkConditions, describeCondition, parseConditionsDocument, parseFailOn, parseMetricBound, parseShare } from './check/index.js';
export type { CheckCondition, CheckOutcome, ConditionOutcome } from './check/index.js';

export { evaluateSegments, SEGMENT_MAX_COUNT, SEGMENT_MIN_ROWS } from './monitors/segments/index.js';
export type { SegmentEvaluators } from './monitors/segments/index.js';

export {
  columnDistribution,
  DRIFT_DEFAULTS,
  evaluateColumnDrift,
  evaluateDatasetDrift,
  evaluateEmbeddingDrift,
  evaluateMultivariateDrift,
  isDriftTestApplicable,
  runDriftTest,
} from './monitors/drift/index.js';
export type { ColumnDriftEvaluation, ColumnDriftOptions, EmbeddingDriftOptions, MultivariateDriftOptions } from './monitors/drift/index.js';
export { evaluateColumnQuality, evaluateDataQuality, QUALITY_THRESHOLDS } from './monitors/quality/index.js';
export { evaluateAnomalies } from './monitors/anomaly/index.js';
export type { AnomalyOptions } from './monitors/anomaly/index.js';
export { describeTargetProblem, evaluatePerformance, inferTask } from './monitors/performance/index.js';
export type { PerformanceOptions, PerformanceTask } from './monitors/performance/index.js';
export { evaluateFairness, FOUR_FIFTHS } from './monitors/fairness/index.js';
export type { FairnessOptions } from './monitors/fairness/index.js';

export {
  DEFAULT_MONITORS,
  DEFAULT_PROJECT,
  DEFAULT_RETENTION,
  DEFAULT_WINDOW,
  FEATURE_TYPES,
  FeatureSpecSchema,
  MODEL_TASKS,
  ModelPatchSchema,
  ModelSchema,
  MonitorSettingsSchema,
  ModelSpecSchema,
  SlugSchema,
  VALUE_TYPES,
  VersionSchema,
  VersionSpecSchema,
  WindowSpecSchema,
} from './registry/model-schema.js';
export type { FeatureSpec, Model, ModelPatch, ModelSpec, MonitorSettings, Version, VersionSpec, WindowSpec } from './registry/model-schema.js';
export { LabelBatchSchema, LabelRecordSchema, PredictionBatchSchema, PredictionRecordSchema, RecordOutcomeSchema } from './ingest/record-schema.js';
export type { LabelRecord, PredictionRecord, RecordOutcome, ValidLabel, ValidRecord } from './ingest/record-schema.js';
export { METRIC_STATUSES, MetricPointSchema, WINDOW_STATUSES, WindowSchema } from './monitoring/window.js';
export type { MetricPoint, Window } from './monitoring/window.js';
export { checkWindowSpec, defaultLateness, TIME_WINDOW_MAX_OVERLAP, timeWindowStarts, timeWindowTiming } from './windows/index.js';
export type { TimeWindowTiming, WindowSpecProblem } from './windows/index.js';

export { coerceValue, MAX_CATEGORY_LENGTH, MAX_FUTURE_SKEW_MS, MAX_RECORD_ID_LENGTH, MAX_SEGMENT_LENGTH, MAX_TEXT_LENGTH, MIN_EPOCH_MS, parseRecordTimestamp, validateLabel, validateRecord } from './ingest/index.js';
export type { CoercedValue, RecordValidation } from './ingest/index.js';
export {
  buildReferenceProfile,
  deserializeReferenceProfile,
  evaluateWindow,
  formatIsoTime,
  metricPointsFromReport,
  recordsToDataset,
  REFERENCE_PROFILE_FORMAT_VERSION,
  REFERENCE_PROFILE_MAX_ROWS,
  ROLE_COLUMNS,
  serializeReferenceProfile,
} from './monitoring/index.js';
export type {
  MetricPointBase,
  ReferenceProfile,
  ReferenceProfileOptions,
  StoredRecordLike,
  WindowEvaluationOptions,
  WindowEvaluationResult,
  WindowFacts,
  WindowResults,
} from './monitoring/index.js';

export {
  acknowledgeAlert,
  ALERT_STATUSES,
  AlertEventSchema,
  alertKeyOf,
  AlertRuleSchema,
  AlertRuleSpecSchema,
  AlertSchema,
  buildEvidence,
  CHANNEL_KINDS,
  ChannelSchema,
  ChannelSpecSchema,
  ConditionSchema,
  defaultAlertRules,
  evaluateCondition,
  EvidenceSchema,
  groupIncident,
  IncidentSchema,
  nextAlertState,
  NOTIFICATION_EVENTS,
  NotificationSchema,
  previewRule,
  recordFeedback,
  resolveAlert,
  rulePrecision,
  selectRuleSeries,
  seriesKeyOf,
  SEVERITIES,
  suggestThreshold,
} from './alerts/index.js';
export type {
  Alert,
  AlertAction,
  AlertEvent,
  AlertKey,
  AlertRule,
  AlertRuleSpec,
  AlertStateContext,
  AlertTransition,
  Channel,
  ChannelSpec,
  Condition,
  ConditionContext,
  ConditionResult,
  Evidence,
  EvidenceInput,
  Incident,
  Notification,
  NotificationEvent,
  RulePrecision,
  RulePreview,
  RulePreviewFiring,
  RulePreviewOptions,
  Severity,
  SuggestThresholdOptions,
  ThresholdSuggestion,
} from './alerts/index.js';
