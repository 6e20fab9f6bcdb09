import { describe, expect, it } from 'vitest';
import type { MetricPoint, Model } from '@bothub/core';
import { MODEL_GAUGES, modelSeries } from './model-series.js';
import type { ModelSample } from './model-series.js';

const MODEL = {
  id: 'm-1',
  project: 'credit',
  name: 'scoring',
  features: [{ name: 'income' }, { name: 'age' }, { name: 'region' }],
} as unknown as Model;

function point(metric: string, feature: string | null, value: number | null, extra: Partial<MetricPoint> = {}): MetricPoint {
  return { modelId: 'm-1', versionId: 'v-id-7', segment: null, windowId: 'w', time: 1_767_225_600_000, metric, feature, value, pValue: null, threshold: null, status: value === null ? 'insufficient_data' : 'ok', ...extra };
}

const names = (id: string): string => (id === 'v-id-7' ? '7' : id);
const find = (samples: readonly ModelSample[], gauge: string, labels: Record<string, string> = {}): number | undefined =>
  samples.find((s) => s.gauge === gauge && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('modelSeries', () => {
  // Every metric name metricPointsFromReport writes (packages/core/src/monitoring/metric-points-from-report.ts).
  const everyMetric: MetricPoint[] = [
    point('drift.statistic', 'income', 0.31, { pValue: 0.002, status: 'warning' }),
    point('drift.statistic', 'region', 0.12),
    point('drift.effect_size', 'income', 0.8, { status: 'warning' }),
    point('quality.missing_share', 'age', 0.05),
    point('quality.out_of_range_share', 'age', 0.01),
    point('quality.unseen_share', 'region', 0.02),
    point('drift.share', null, 0.5, { status: 'critical' }),
    point('drift.dataset', null, 1, { status: 'critical' }),
    point('drift.multivariate', null, 0.04, { pValue: 0.01, status: 'warning' }),
    point('performance.rocAuc', null, 0.82),
    point('performance.accuracy', null, 0.9, { status: 'warning' }),
    point('label.coverage', null, 0.25),
    point('anomaly.share', null, 0.07),
    point('fairness.disparateImpact', 'gender', 0.7, { status: 'warning' }),
    point('fairness.statisticalParityDifference', 'gender', -0.1),
    point('volume.count', null, 1000),
  ];

  it('maps every metric name of the evaluation to a gauge, with version names and the protected column', () => {
    const samples = modelSeries(MODEL, everyMetric, names, 100);
    const base = { project: 'credit', model: 'scoring', version: '7' };
    expect(find(samples, 'featureDriftStatistic', { ...base, feature: 'income' })).toBe(0.31);
    expect(find(samples, 'featureDriftPValue', { feature: 'income' })).toBe(0.002);
    // A distance test has no p-value: no series rather than a made-up value.
    expect(find(samples, 'featureDriftPValue', { feature: 'region' })).toBeUndefined();
    expect(find(samples, 'featureDriftEffectSize', { feature: 'income' })).toBe(0.8);
    expect(find(samples, 'featureMissingShare', { feature: 'age' })).toBe(0.05);
    expect(find(samples, 'featureOutOfRangeShare', { feature: 'age' })).toBe(0.01);
    expect(find(samples, 'featureUnseenShare', { feature: 'region' })).toBe(0.02);
    expect(find(samples, 'datasetDriftShare', base)).toBe(0.5);
    expect(find(samples, 'datasetDrifted', base)).toBe(1);
    expect(find(samples, 'multivariateDrift', base)).toBe(0.04);
    expect(find(samples, 'multivariateDriftPValue', base)).toBe(0.01);
    expect(find(samples, 'performance', { metric: 'rocAuc' })).toBe(0.82);
    expect(find(samples, 'labelCoverage', base)).toBe(0.25);
    expect(find(samples, 'anomalyShare', base)).toBe(0.07);
    expect(find(samples, 'fairness', { metric: 'disparateImpact', feature: 'gender' })).toBe(0.7);
    expect(find(samples, 'windowRecords', base)).toBe(1000);
    expect(find(samples, 'latestPoint', base)).toBe(1_767_225_600);
    expect(find(samples, 'seriesDropped', { project: 'credit', model: 'scoring' })).toBe(0);
    expect(new Set(samples.map((s) => s.gauge))).toEqual(new Set(Object.keys(MODEL_GAUGES)));
    for (const sample of samples) expect(Object.keys(sample.labels).sort()).toEqual([...MODEL_GAUGES[sample.gauge].labels].sort());
  });

  it('reports each monitor\'s worst status: 0 ok, 1 warning, 2 critical', () => {
    const samples = modelSeries(MODEL, everyMetric, names, 100);
    const status = (monitor: string): number | undefined => find(samples, 'monitorStatus', { monitor });
    expect([status('drift'), status('quality'), status('performance'), status('fairness'), status('anomaly'), status('label')]).toEqual([2, 0, 1, 1, 0, 0]);
  });

  it('leaves out points without a value, and a monitor with only such points', () => {
    const samples = modelSeries(MODEL, [point('anomaly.share', null, null), point('label.coverage', null, 0)], names, 100);
    expect(find(samples, 'anomalyShare')).toBeUndefined();
    expect(find(samples, 'monitorStatus', { monitor: 'anomaly' })).toBeUndefined();
    expect(find(samples, 'labelCoverage')).toBe(0);
  });

  it('keeps the first `featureCap` columns in declared order and counts the series it drops', () => {
    const points = [
      point('drift.statistic', 'region', 0.1, { pValue: 0.5 }),
      point('drift.statistic', 'income', 0.2, { pValue: 0.4 }),
      point('drift.statistic', 'age', 0.3, { pValue: 0.3 }),
      point('quality.missing_share', 'age', 0),
      point('drift.statistic', 'prediction', 0.4),
      point('drift.share', null, 0.25),
    ];
    const samples = modelSeries(MODEL, points, names, 2);
    const features = [...new Set(samples.filter((s) => s.labels.feature !== undefined).map((s) => s.labels.feature))];
    expect(features).toEqual(['income', 'age']);
    // region: statistic + p-value; prediction (not a declared feature, ranked last): statistic.
    expect(find(samples, 'seriesDropped')).toBe(3);
    expect(find(samples, 'datasetDriftShare')).toBe(0.25);
    expect(modelSeries(MODEL, points, names, 0).filter((s) => s.labels.feature !== undefined)).toEqual([]);
  });
});
