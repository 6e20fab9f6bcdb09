import type { Dataset, DatasetColumn } from '../dataset.js';
import { describeTargetProblem } from '../monitors/performance/evaluate-performance.js';
import type { Model } from '../registry/model-schema.js';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/report-schema.js';
import type { ColumnRoles } from '../report-options.js';
import { DEFAULT_REPORT_OPTIONS } from '../report-options.js';
import { DEFAULT_MONITORS } from '../registry/model-schema.js';
import { ReferenceMemo } from '../reference-memo.js';
import type { ReferenceProfile } from './build-reference-profile.js';
import { formatIsoTime } from './format-iso-time.js';
import { metricPointsFromReport } from './metric-points-from-report.js';
import { ROLE_COLUMNS } from './records-to-dataset.js';
import type { MetricPoint } from './window.js';

export interface WindowEvaluationOptions {
  /** Seed of every randomized step (the same window and seed give the same points). */
  readonly seed: number;
  readonly windowId: string;
  readonly versionId: string;
  readonly segment: string | null;
  /** Epoch ms the points are stamped with: the window's end time. */
  readonly time: number;
  /** Written in the report's `tool.version`; default "service". */
  readonly toolVersion?: string;
}

/** The stored results of one window: the report the monitors produced and what the evaluation left out, and why. */
export interface WindowResults {
  readonly report: Report;
  readonly notes: readonly string[];
}

export interface WindowEvaluationResult {
  readonly points: MetricPoint[];
  readonly results: WindowResults;
  /** Records of the window with a label. */
  readonly labelled: number;
}

function countPresent(column: DatasetColumn | undefined): number {
  if (column === undefined) return 0;
  const { values } = column;
  let n = 0;
  if (values.storage === 'numeric') for (const v of values.values) n += Number.isNaN(v) ? 0 : 1;
  else if (values.storage === 'categorical') for (const c of values.codes) n += c < 0 ? 0 : 1;
  else for (const m of values.missing) n += 1 - m;
  return n;
}

function withColumns(dataset: Dataset, names: readonly string[]): Dataset {
  const columns = new Map<string, DatasetColumn>();
  for (const name of names) columns.set(name, dataset.columns.get(name)!);
  return { ...dataset, columns };
}

/** Share of a window's values outside the feature's declared range, or outside its declared categories. */
function schemaPoints(model: Model, window: Dataset, base: Omit<MetricPoint, 'metric' | 'feature' | 'value' | 'pValue' | 'threshold' | 'status'>): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const feature of model.features) {
    const column = window.columns.get(feature.name);
    if (column === undefined) continue;
    const { values } = column;
    let present = 0;
    let outside = 0;
    let metric: string;
    if (feature.range && values.storage === 'numeric') {
      metric = 'quality.schema_out_of_range_share';
      const min = feature.range.min ?? -Infinity;
      const max = feature.range.max ?? Infinity;
      for (const v of values.values) {
        if (Number.isNaN(v)) continue;
        present++;
        if (v < min || v > max) outside++;
      }
    } else if (feature.categories && values.storage === 'categorical') {
      metric = 'quality.schema_unknown_category_share';
      const known = new Set(feature.categories);
      const unknownCode = values.dictionary.map((label) => !known.has(label));
      for (const c of values.codes) {
        if (c < 0) continue;
        present++;
        if (unknownCode[c]) outside++;
      }
    } else continue;
    const value = present > 0 ? outside / present : null;
    points.push({ ...base, metric, feature: feature.name, value, pValue: null, threshold: 0, status: value === null ? 'insufficient_data' : value > 0 ? 'warning' : 'ok' });
  }
  return points;
}

// One memo per profile: a profile lives as long as its version is cached, and so does its reference-side work.
const memos = new WeakMap<ReferenceProfile, ReferenceMemo>();

function memoOf(profile: ReferenceProfile): ReferenceMemo {
  let memo = memos.get(profile);
  if (memo === undefined) {
    memo = new ReferenceMemo();
    memos.set(profile, memo);
  }
  return memo;
}

/**
 * Evaluates one closed window against its version's reference profile with the report's monitors (buildReport:
 * drift per column, dataset and multivariate drift, data quality, performance, anomalies, fairness) and turns the
 * report into metric points (metricPointsFromReport), plus the schema checks: `quality.schema_out_of_range_share`
 * for features with a declared range and `quality.schema_unknown_category_share` for features with declared
 * categories (warning when above 0).
 *
 * Roles come from the model: prediction, score (binary classification only: it is the positive class's probability),
 * protected (model.protected), no segment (windows are already per segment). The label is the target when the window
 * has at least one label and the reference has labels too; otherwise the label column is left out on both sides, so
 * that an empty label column does not count as a drifting feature. When the labels cannot support performance (a
 * single class over both sides, predictions that are not classes of the label), the report is built without a target
 * and `results.notes` says why; likewise fairness is dropped with a note when it cannot run. Columns present on one
 * side only are left out.
 *
 * The model's monitor settings (`model.monitors`, every monitor on by default) leave monitors out: multivariate drift
 * and anomalies are not computed, performance and fairness lose their roles, and data quality's points are dropped;
 * `results.notes` says which are off. The dataset drift share and the anomaly percentile come from the settings too.
 *
 * The reference side's work (sorted values, column scans, correlations, VIF, the fitted Isolation Forest and its
 * threshold, reference performance with its bootstrap) is done once per profile object and remembered, so keep the
 * deserialized profile between windows.
 * @example
 * const window = recordsToDataset(model, records, `window ${w.id}`);
 * const { points, results, labelled } = evaluateWindow(model, profile, window, { seed: 42, windowId: w.id, versionId: w.versionId, segment: w.segment, time: w.endTime });
 */
export function evaluateWindow(model: Model, profile: ReferenceProfile, window: Dataset, options: WindowEvaluationOptions): WindowEvaluationResult {
  const notes: string[] = [];
  const labelled = countPresent(window.columns.get(ROLE_COLUMNS.label));
  const reference = profile.reference;
  let names = [...reference.columns.keys()].filter((name) => {
    const cur = window.columns.get(name);
    return cur !== undefined && cur.values.storage === reference.columns.get(name)!.values.storage;
  });
  const has = (name: string): boolean => names.includes(name);

  const roles: { -readonly [K in keyof ColumnRoles]: ColumnRoles[K] } = {};
  if (has(ROLE_COLUMNS.prediction)) roles.prediction = ROLE_COLUMNS.prediction;
  if (model.task === 'binary_classification' && has(ROLE_COLUMNS.score)) roles.score = ROLE_COLUMNS.score;
  const hasOutput = roles.prediction !== undefined || roles.score !== undefined;
  const monitors = { ...DEFAULT_MONITORS, ...model.monitors };
  if (!monitors.performance) notes.push('performance monitor off (model settings)');
  if (!monitors.fairness && model.protected) notes.push('fairness monitor off (model settings)');
  if (monitors.fairness && model.protected && has(model.protected.field) && hasOutput) roles.protected = { column: model.protected.field, privileged: model.protected.privileged };
  if (has(ROLE_COLUMNS.label)) {
    if (monitors.performance && labelled > 0 && countPresent(reference.columns.get(ROLE_COLUMNS.label)) > 0 && hasOutput) roles.target = ROLE_COLUMNS.label;
    else names = names.filter((n) => n !== ROLE_COLUMNS.label);
  }

  let ref = withColumns(reference, names);
  let cur = withColumns(window, names);
  if (roles.target !== undefined) {
    const problem = describeTargetProblem(ref, cur, roles);
    if (problem !== null) {
      notes.push(`performance skipped: ${problem}`);
      delete roles.target;
      names = names.filter((n) => n !== ROLE_COLUMNS.label);
      ref = withColumns(reference, names);
      cur = withColumns(window, names);
    }
  }

  const context = { generatedAt: formatIsoTime(options.time), toolVersion: options.toolVersion ?? 'service', formats: { reference: 'reference-profile', current: 'window' } };
  const run = (): Report => buildReport(
      ref,
      cur,
      {
        ...DEFAULT_REPORT_OPTIONS,
        seed: options.seed,
        roles,
        memo: memoOf(profile),
        datasetDriftShare: monitors.datasetDriftShare,
        anomalyPercentile: monitors.anomalyPercentile,
        skip: [...(monitors.multivariateDrift ? [] : (['multivariateDrift'] as const)), ...(monitors.anomalies ? [] : (['anomalies'] as const))],
      },
      context,
    );
  let report: Report | null = null;
  while (report === null) {
    try {
      report = run();
    } catch (error) {
      // Records passed validation, so what remains are label/prediction combinations a monitor cannot use: drop that
      // monitor's role and keep the rest of the evaluation rather than lose the window.
      if (!(error instanceof RangeError)) throw error;
      if (roles.target !== undefined) {
        notes.push(`performance skipped: ${error.message}`);
        delete roles.target;
        names = names.filter((n) => n !== ROLE_COLUMNS.label);
        ref = withColumns(reference, names);
        cur = withColumns(window, names);
      } else if (roles.protected !== undefined) {
        notes.push(`fairness skipped: ${error.message}`);
        delete roles.protected;
      } else throw error;
    }
  }

  const base = { modelId: model.id, versionId: options.versionId, segment: options.segment, windowId: options.windowId, time: options.time };
  const allPoints = [...metricPointsFromReport(report, base, { count: window.totalRows, labelled }), ...schemaPoints(model, window, base)];
  const points = monitors.dataQuality ? allPoints : allPoints.filter((p) => !p.metric.startsWith('quality.'));
  if (!monitors.dataQuality) notes.push('data quality monitor off (model settings): no quality.* points');
  return { points, results: { report, notes }, labelled };
}
