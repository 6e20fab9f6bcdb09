import { FOUR_FIFTHS } from '../monitors/fairness/evaluate-fairness.js';
import { QUALITY_THRESHOLDS } from '../monitors/quality/quality-thresholds.js';
import type { ColumnDrift, Finding, Report } from '../report/report-schema.js';
import type { MetricPoint } from './window.js';

/** The fields every point of one window evaluation shares. */
export type MetricPointBase = Pick<MetricPoint, 'modelId' | 'versionId' | 'segment' | 'windowId' | 'time'>;
type Status = MetricPoint['status'];

/** Facts about the window that the report does not carry. */
export interface WindowFacts {
  /** Records in the window. */
  readonly count: number;
  /** Records of the window with a label. */
  readonly labelled: number;
}

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function driftStatus(drift: ColumnDrift): Status {
  return drift.drifted === true ? 'warning' : drift.drifted === false ? 'ok' : 'insufficient_data';
}

function findingStatus(findings: readonly Finding[], column: string, codes: readonly string[]): Status {
  let status: Status = 'ok';
  for (const f of findings) {
    if (f.column !== column || !codes.includes(f.code)) continue;
    if (f.severity === 'critical') return 'critical';
    if (f.severity === 'warning') status = 'warning';
  }
  return status;
}

/**
 * The metric points of one window evaluation, from the report the monitors produced (buildReport) and the window's
 * facts. Metric names and status rules:
 *
 * - `drift.statistic` per column (features, prediction, score, label): the default test's statistic (its normalized
 *   form when the threshold is on it), its p-value, the threshold value (on the p-value for KS and χ², on the
 *   statistic or the normalized statistic otherwise; see the report's threshold.on); drifted → warning, not → ok,
 *   undecided → insufficient_data.
 * - `drift.effect_size` per column with an effect size: its value; the column's drift status.
 * - `drift.share` (dataset): share of drifted features, threshold the dataset drift share; ≥ threshold → critical.
 * - `drift.dataset` (dataset): 1 when the dataset drifted (share or multivariate), else 0; drifted → critical.
 * - `drift.multivariate` (dataset, numerical features): MMD², its permutation p-value, threshold; drifted → warning.
 * - `quality.missing_share` per column: current missing share, threshold the reference share + 5 points; the
 *   severity of the column's missing-value finding (warning, critical), else ok.
 * - `quality.out_of_range_share` per numeric column and `quality.unseen_share` per categorical/boolean column: the
 *   share, the warning threshold of QUALITY_THRESHOLDS, the severity of the column's finding (info counts as ok).
 * - `performance.<metric>` per current metric once labels allow it: the value, threshold the reference value;
 *   degraded (intervals apart, on the worse side) → warning.
 * - `label.coverage`: labelled / count. `volume.count`: records in the window. Both ok.
 * - `anomaly.share`: share of window rows above the reference's 95th-percentile anomaly score, threshold the
 *   reference's share above it; warning when the Wilson interval of the window share lies above that threshold.
 * - `fairness.<metric>` (feature: the protected column): the window side's disparateImpact (threshold 0.8;
 *   four-fifths rule failed → warning), statisticalParityDifference, equalOpportunityDifference,
 *   averageOddsDifference (ok).
 * A value that is null, NaN or infinite is written as null with status insufficient_data; p-values and thresholds
 * that are not finite are written as null. Sections the report lacks give no points.
 * @example const points = metricPointsFromReport(report, { modelId, versionId, segment: null, windowId, time }, { count: 1000, labelled: 0 });
 */
export function metricPointsFromReport(report: Report, base: MetricPointBase, facts: WindowFacts): MetricPoint[] {
  const points: MetricPoint[] = [];
  const add = (metric: string, feature: string | null, value: number | null | undefined, status: Status, pValue: number | null = null, threshold: number | null = null): void => {
    const v = finite(value);
    points.push({ ...base, metric, feature, value: v, pValue: finite(pValue), threshold: finite(threshold), status: v === null ? 'insufficient_data' : status });
  };
  const findings = report.dataQuality.findings;

  for (const [name, column] of Object.entries(report.columns)) {
    const { drift, quality } = column;
    if (drift) {
      const status = driftStatus(drift);
      const value = drift.threshold.on === 'normalized' ? (drift.normalized ?? null) : drift.statistic;
      add('drift.statistic', name, value, status, drift.pValue, drift.threshold.value);
      if (drift.effectSize) add('drift.effect_size', name, drift.effectSize.value, status);
    }
    add('quality.missing_share', name, quality.current.missingShare, findingStatus(findings, name, ['missing_share_increase', 'missing_values_appeared']), null, quality.reference.missingShare + QUALITY_THRESHOLDS.missingShareWarning);
    if (quality.outOfRangeShare !== null) {
      const n = quality.reference.rows - quality.reference.missing;
      add('quality.out_of_range_share', name, quality.outOfRangeShare, findingStatus(findings, name, ['out_of_range']), null, Math.max(QUALITY_THRESHOLDS.outOfRangeWarning, 4 / (n + 1)));
    }
    if (quality.unseenCategoryShare !== null) {
      add('quality.unseen_share', name, quality.unseenCategoryShare, findingStatus(findings, name, ['unseen_categories']), null, QUALITY_THRESHOLDS.unseenWarning);
    }
  }

  const dataset = report.datasetDrift;
  const tested = dataset.columnsTested > 0;
  add('drift.share', null, tested ? dataset.driftedShare : null, dataset.driftedShare >= dataset.threshold ? 'critical' : 'ok', null, dataset.threshold);
  add('drift.dataset', null, tested || dataset.multivariate ? (dataset.drifted ? 1 : 0) : null, dataset.drifted ? 'critical' : 'ok');
  if (dataset.multivariate) {
    const m = dataset.multivariate;
    add('drift.multivariate', null, m.mmd2, m.drifted ? 'warning' : 'ok', m.pValue, m.threshold);
  }

  if (report.performance) {
    const { current, reference, degraded } = report.performance;
    for (const [metric, value] of Object.entries(current)) {
      add(`performance.${metric}`, null, value.value, degraded.includes(metric) ? 'warning' : 'ok', null, reference[metric]?.value ?? null);
    }
  }
  add('label.coverage', null, facts.count > 0 ? facts.labelled / facts.count : null, 'ok');

  if (report.anomalies) {
    const a = report.anomalies;
    const lower = a.currentShareInterval.lower;
    add('anomaly.share', null, a.currentShareAbove, lower !== null && lower > a.referenceShareAbove ? 'warning' : 'ok', null, a.referenceShareAbove);
  }

  if (report.fairness) {
    const { column, current } = report.fairness;
    const passed = current.fourFifthsRule.passed;
    add('fairness.disparateImpact', column, current.disparateImpact.value, passed === false ? 'warning' : 'ok', null, FOUR_FIFTHS);
    add('fairness.statisticalParityDifference', column, current.statisticalParityDifference.value, 'ok');
    add('fairness.equalOpportunityDifference', column, current.equalOpportunityDifference.value, 'ok');
    add('fairness.averageOddsDifference', column, current.averageOddsDifference.value, 'ok');
  }

  add('volume.count', null, facts.count, 'ok');
  return points;
}
