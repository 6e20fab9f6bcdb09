import type { Dataset, DatasetColumn } from '../dataset.js';
import type { ReportOptions } from '../report-options.js';
import { columnDistribution, evaluateColumnDrift, evaluateDatasetDrift, evaluateMultivariateDrift } from '../monitors/drift/index.js';
import { evaluateColumnQuality, evaluateDataQuality } from '../monitors/quality/index.js';
import { evaluateAnomalies } from '../monitors/anomaly/index.js';
import { evaluatePerformance } from '../monitors/performance/index.js';
import { evaluateFairness } from '../monitors/fairness/index.js';
import { evaluateSegments } from '../monitors/segments/index.js';
import type { ColumnDrift, ColumnReport, EmbeddingDrift, Report } from './report-schema.js';
import { REPORT_SCHEMA_VERSION } from './report-schema.js';
import { summarizeReport } from './summarize-report.js';

/** Facts about the run that the pure core cannot know by itself. */
export interface ReportContext {
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly formats: { readonly reference: string; readonly current: string };
}

/** Segment tables show point values only: a few bootstrap replicates keep the per-segment cost low. */
const SEGMENT_BOOTSTRAP_REPLICATES = 20;
/** The metrics a segment table shows, in this order, when the task has them. */
const SEGMENT_HEADLINE_METRICS = ['rocAuc', 'accuracy', 'f1', 'f1Macro', 'rmse', 'mae', 'r2'];

/** The current values of the first headline metrics within one segment (null when labels do not allow any). */
function segmentPerformance(reference: Dataset, current: Dataset, options: ReportOptions): Record<string, number | null> | null {
  let performance;
  try {
    performance = evaluatePerformance(reference, current, options.roles, { confidence: options.confidence, seed: options.seed, bootstrapReplicates: SEGMENT_BOOTSTRAP_REPLICATES });
  } catch (error) {
    // A segment can lack what the whole file has (labels on both sides, a usable class): it then has no performance row.
    if (error instanceof RangeError) return null;
    throw error;
  }
  if (!performance) return null;
  const metrics = performance.current;
  return Object.fromEntries(SEGMENT_HEADLINE_METRICS.filter((name) => name in metrics).map((name) => [name, metrics[name]!.value]));
}

/** Which role each column plays (null for a plain feature). */
export function columnRoles(options: ReportOptions): Map<string, string> {
  const { roles } = options;
  const map = new Map<string, string>();
  if (roles.target) map.set(roles.target, 'target');
  if (roles.prediction) map.set(roles.prediction, 'prediction');
  if (roles.score) map.set(roles.score, 'score');
  for (const c of roles.scoreColumns ?? []) map.set(c, 'score');
  if (roles.timestamp) map.set(roles.timestamp, 'timestamp');
  if (roles.segment) map.set(roles.segment, 'segment');
  if (roles.protected) map.set(roles.protected.column, 'protected');
  return map;
}

/** Columns that count towards the dataset drift share: features, including the segment and protected columns. */
function isFeature(role: string | undefined): boolean {
  return role === undefined || role === 'segment' || role === 'protected';
}

function requireColumn(dataset: Dataset, name: string): DatasetColumn {
  const column = dataset.columns.get(name);
  if (!column) throw new RangeError(`buildReport: column ${name} is in one dataset but not in ${dataset.source}`);
  return column;
}

/**
 * Compares a current dataset with a reference one and assembles every section of the report: per-column drift,
 * dataset and multivariate drift, data quality, performance, anomalies, fairness and segments. Pure: the same
 * inputs and seed give the same report.
 * @example buildReport(reference, current, { ...DEFAULT_REPORT_OPTIONS, roles: { target: 'default', score: 'score' } }, context);
 */
export function buildReport(reference: Dataset, current: Dataset, options: ReportOptions, context: ReportContext): Report {
  const roles = columnRoles(options);
  const names = [...reference.columns.keys()];
  for (const name of current.columns.keys()) if (!reference.columns.has(name)) throw new RangeError(`buildReport: column ${name} is in ${current.source} but not in ${reference.source}`);

  const columns: Record<string, ColumnReport> = {};
  const featureDrift: Record<string, ColumnDrift | null> = {};
  const embeddings: Record<string, EmbeddingDrift> = {};
  for (const name of names) {
    const ref = requireColumn(reference, name);
    const cur = requireColumn(current, name);
    const role = roles.get(name);
    const { memo } = options;
    const { drift, tests, embedding } = evaluateColumnDrift(ref, cur, { seed: options.seed, extraTests: options.extraTests, ...(memo ? { memo } : {}) });
    columns[name] = { type: ref.type, role: role ?? null, drift, tests, distribution: columnDistribution(ref, cur, memo), quality: evaluateColumnQuality(ref, cur, memo) };
    if (isFeature(role) && ref.type !== 'embedding') featureDrift[name] = drift;
    if (embedding) embeddings[name] = embedding;
  }

  const numericalFeatures = names.filter((n) => isFeature(roles.get(n)) && reference.columns.get(n)!.type === 'numerical');
  const skip = new Set(options.skip ?? []);
  const multivariate = numericalFeatures.length >= 2 && !skip.has('multivariateDrift') ? evaluateMultivariateDrift(reference, current, numericalFeatures.slice(0, 20), { seed: options.seed }) : null;
  const datasetDrift = evaluateDatasetDrift(featureDrift, multivariate, embeddings, options.datasetDriftShare);

  const columnQuality = Object.fromEntries(Object.entries(columns).map(([n, c]) => [n, c.quality]));
  const memo = options.memo ? { memo: options.memo } : {};
  const dataQuality = evaluateDataQuality(reference, current, columnQuality, options.roles, options.memo);
  const performance = evaluatePerformance(reference, current, options.roles, { confidence: options.confidence, seed: options.seed, ...memo });
  const anomalies = skip.has('anomalies')
    ? null
    : evaluateAnomalies(reference, current, numericalFeatures, { seed: options.seed, confidence: options.confidence, ...(options.anomalyPercentile === undefined ? {} : { percentile: options.anomalyPercentile }), ...memo });
  const fairness = evaluateFairness(reference, current, options.roles, { confidence: options.confidence, seed: options.seed });
  const segmentColumn = options.roles.segment;
  const segments = segmentColumn
    ? evaluateSegments(
        reference,
        current,
        segmentColumn,
        names.filter((n) => isFeature(roles.get(n)) && reference.columns.get(n)!.type !== 'embedding'),
        {
          columnDrift: (ref, cur) => evaluateColumnDrift(ref, cur, { seed: options.seed, extraTests: [] }).drift,
          ...(performance ? { performance: (ref, cur) => segmentPerformance(ref, cur, options) } : {}),
        },
      )
    : null;

  const report: Omit<Report, 'summary'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: context.generatedAt,
    tool: { name: 'bothub', version: context.toolVersion },
    inputs: {
      reference: { source: reference.source, format: context.formats.reference, rows: reference.totalRows, sampledRows: reference.sampledRows, sampling: reference.sampling ?? null },
      current: { source: current.source, format: context.formats.current, rows: current.totalRows, sampledRows: current.sampledRows, sampling: current.sampling ?? null },
    },
    roles: {
      target: options.roles.target ?? null,
      prediction: options.roles.prediction ?? null,
      score: options.roles.score ?? null,
      scoreColumns: [...(options.roles.scoreColumns ?? [])],
      timestamp: options.roles.timestamp ?? null,
      segment: options.roles.segment ?? null,
      protected: options.roles.protected ? { ...options.roles.protected } : null,
    },
    columns,
    datasetDrift,
    dataQuality,
    performance,
    anomalies,
    fairness,
    segments,
  };
  return { ...report, summary: summarizeReport(report) };
}
