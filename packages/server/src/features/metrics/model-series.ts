/**
 * The model gauges of /metrics from a model's newest metric points: which Prometheus series each metric name of the
 * evaluation (metricPointsFromReport) becomes, under a cap on the feature series of a model.
 */
import type { MetricPoint, Model } from '@bothub/core';

/** The model gauge families and their labels. */
export const MODEL_GAUGES = {
  featureDriftStatistic: { name: 'bothub_feature_drift_statistic', help: 'Drift statistic of a column in the newest window (metric drift.statistic): the default test\'s statistic, normalized when the threshold is on it.', labels: ['project', 'model', 'version', 'feature'] },
  featureDriftPValue: { name: 'bothub_feature_drift_p_value', help: 'p-value of a column\'s drift test in the newest window (KS, chi-squared); absent for distance tests.', labels: ['project', 'model', 'version', 'feature'] },
  featureDriftEffectSize: { name: 'bothub_feature_drift_effect_size', help: 'Effect size of a column\'s drift in the newest window (metric drift.effect_size).', labels: ['project', 'model', 'version', 'feature'] },
  featureMissingShare: { name: 'bothub_feature_missing_share', help: 'Share of missing values of a column in the newest window (metric quality.missing_share).', labels: ['project', 'model', 'version', 'feature'] },
  featureOutOfRangeShare: { name: 'bothub_feature_out_of_range_share', help: 'Share of a numerical column\'s values outside the reference range in the newest window (metric quality.out_of_range_share).', labels: ['project', 'model', 'version', 'feature'] },
  featureUnseenShare: { name: 'bothub_feature_unseen_share', help: 'Share of a categorical column\'s values unseen in the reference in the newest window (metric quality.unseen_share).', labels: ['project', 'model', 'version', 'feature'] },
  datasetDriftShare: { name: 'bothub_dataset_drift_share', help: 'Share of drifted features in the newest window (metric drift.share).', labels: ['project', 'model', 'version'] },
  datasetDrifted: { name: 'bothub_dataset_drifted', help: '1 when the newest window drifted as a whole (share or multivariate test), else 0 (metric drift.dataset).', labels: ['project', 'model', 'version'] },
  multivariateDrift: { name: 'bothub_multivariate_drift_mmd2', help: 'Multivariate drift of the numerical features in the newest window: MMD squared (metric drift.multivariate).', labels: ['project', 'model', 'version'] },
  multivariateDriftPValue: { name: 'bothub_multivariate_drift_p_value', help: 'Permutation p-value of the multivariate drift test in the newest window.', labels: ['project', 'model', 'version'] },
  performance: { name: 'bothub_performance_metric', help: 'A performance metric of the newest labelled window (metrics performance.<metric>, e.g. rocAuc, accuracy, rmse).', labels: ['project', 'model', 'version', 'metric'] },
  labelCoverage: { name: 'bothub_label_coverage', help: 'Share of the newest window\'s records with a label (metric label.coverage).', labels: ['project', 'model', 'version'] },
  anomalyShare: { name: 'bothub_anomaly_share', help: 'Share of the newest window\'s rows above the reference\'s 95th-percentile anomaly score (metric anomaly.share).', labels: ['project', 'model', 'version'] },
  fairness: { name: 'bothub_fairness_metric', help: 'A fairness metric of the newest labelled window (metrics fairness.<metric>); feature is the protected column.', labels: ['project', 'model', 'version', 'metric', 'feature'] },
  windowRecords: { name: 'bothub_window_records', help: 'Records in the newest evaluated window (metric volume.count).', labels: ['project', 'model', 'version'] },
  monitorStatus: { name: 'bothub_monitor_status', help: 'Worst status of a monitor\'s newest points: 0 ok, 1 warning, 2 critical (points without a value are left out).', labels: ['project', 'model', 'version', 'monitor'] },
  latestPoint: { name: 'bothub_latest_point_timestamp_seconds', help: 'End of the newest evaluated window with a metric point, in Unix seconds.', labels: ['project', 'model', 'version'] },
  seriesDropped: { name: 'bothub_metrics_series_dropped', help: 'Feature series of the model left out of this scrape by the feature cap (metricsFeatureCap).', labels: ['project', 'model'] },
} as const satisfies Record<string, { name: string; help: string; labels: readonly string[] }>;

export type ModelGaugeKey = keyof typeof MODEL_GAUGES;

/** One value of one gauge. */
export interface ModelSample {
  readonly gauge: ModelGaugeKey;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Per-feature metric names and their gauges (the ones the feature cap bounds). */
const FEATURE_GAUGES: Readonly<Record<string, ModelGaugeKey>> = {
  'drift.statistic': 'featureDriftStatistic',
  'drift.effect_size': 'featureDriftEffectSize',
  'quality.missing_share': 'featureMissingShare',
  'quality.out_of_range_share': 'featureOutOfRangeShare',
  'quality.unseen_share': 'featureUnseenShare',
};

/** Metric names without a feature and their gauges. */
const MODEL_LEVEL_GAUGES: Readonly<Record<string, ModelGaugeKey>> = {
  'drift.share': 'datasetDriftShare',
  'drift.dataset': 'datasetDrifted',
  'drift.multivariate': 'multivariateDrift',
  'label.coverage': 'labelCoverage',
  'anomaly.share': 'anomalyShare',
  'volume.count': 'windowRecords',
};

const STATUS_VALUES: Readonly<Record<MetricPoint['status'], number | null>> = { ok: 0, warning: 1, critical: 2, insufficient_data: null };

/** The columns a feature series may name, in the order the cap keeps them: the model's features as declared, then the others (prediction, score, label) by name. */
function rankColumns(model: Model, points: readonly MetricPoint[]): string[] {
  const present = new Set(points.filter((p) => p.feature !== null && p.metric in FEATURE_GAUGES).map((p) => p.feature!));
  const declared = model.features.map((f) => f.name).filter((name) => present.has(name));
  const known = new Set(declared);
  return [...declared, ...[...present].filter((name) => !known.has(name)).sort()];
}

/**
 * The model's gauge samples from its newest points (`Store.latestMetrics`): a point without a value gives no sample;
 * feature series beyond the first `featureCap` columns are left out and counted in `bothub_metrics_series_dropped`.
 *
 * @example
 * const samples = modelSeries(model, await store.latestMetrics(model.id), (id) => names.get(id) ?? id, 100);
 */
export function modelSeries(model: Model, points: readonly MetricPoint[], versionName: (versionId: string) => string, featureCap: number): ModelSample[] {
  const kept = new Set(rankColumns(model, points).slice(0, featureCap));
  const samples: ModelSample[] = [];
  const base = (point: MetricPoint): Record<string, string> => ({ project: model.project, model: model.name, version: versionName(point.versionId) });
  const worst = new Map<string, { labels: Record<string, string>; value: number }>();
  const latest = new Map<string, { labels: Record<string, string>; value: number }>();
  let dropped = 0;

  for (const point of points) {
    const labels = base(point);
    const status = STATUS_VALUES[point.status];
    const monitor = point.metric.split('.')[0] ?? point.metric;
    const statusKey = `${labels.version}\u0000${monitor}`;
    if (status !== null && status >= (worst.get(statusKey)?.value ?? -1)) worst.set(statusKey, { labels: { ...labels, monitor }, value: status });
    if (point.time / 1000 > (latest.get(labels.version!)?.value ?? -Infinity)) latest.set(labels.version!, { labels, value: point.time / 1000 });
    if (point.value === null) continue;

    const featureGauge = FEATURE_GAUGES[point.metric];
    if (featureGauge !== undefined && point.feature !== null) {
      const withP = point.metric === 'drift.statistic' && point.pValue !== null;
      if (!kept.has(point.feature)) {
        dropped += withP ? 2 : 1;
        continue;
      }
      samples.push({ gauge: featureGauge, labels: { ...labels, feature: point.feature }, value: point.value });
      if (withP) samples.push({ gauge: 'featureDriftPValue', labels: { ...labels, feature: point.feature }, value: point.pValue! });
    } else if (point.metric.startsWith('performance.')) {
      samples.push({ gauge: 'performance', labels: { ...labels, metric: point.metric.slice('performance.'.length) }, value: point.value });
    } else if (point.metric.startsWith('fairness.')) {
      samples.push({ gauge: 'fairness', labels: { ...labels, metric: point.metric.slice('fairness.'.length), feature: point.feature ?? '' }, value: point.value });
    } else {
      const gauge = MODEL_LEVEL_GAUGES[point.metric];
      if (gauge === undefined) continue;
      samples.push({ gauge, labels, value: point.value });
      if (gauge === 'multivariateDrift' && point.pValue !== null) samples.push({ gauge: 'multivariateDriftPValue', labels, value: point.pValue });
    }
  }
  for (const { labels, value } of worst.values()) samples.push({ gauge: 'monitorStatus', labels, value });
  for (const { labels, value } of latest.values()) samples.push({ gauge: 'latestPoint', labels, value });
  samples.push({ gauge: 'seriesDropped', labels: { project: model.project, model: model.name }, value: dropped });
  return samples;
}
