import { makeModel } from '@bothub/testkit';
import { createRandom, sampleStandardNormal } from '@bothub/stats';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Model } from '../registry/model-schema.js';
import { ReportSchema } from '../report/report-schema.js';
import { buildReferenceProfile } from './build-reference-profile.js';
import { evaluateWindow } from './evaluate-window.js';
import type { StoredRecordLike } from './records-to-dataset.js';
import { recordsToDataset } from './records-to-dataset.js';
import { METRIC_STATUSES, MetricPointSchema } from './window.js';
import type { MetricPoint } from './window.js';

const model: Model = makeModel({
  features: [
    { name: 'a', type: 'numerical', range: { min: -3, max: 3 } },
    { name: 'b', type: 'numerical' },
    { name: 'c', type: 'numerical' },
    { name: 'region', type: 'categorical', categories: ['north', 'south'] },
    { name: 'gender', type: 'categorical' },
  ],
  protected: { field: 'gender', privileged: 'm' },
});

interface Shape {
  readonly shift?: number;
  readonly labelled?: number;
  readonly singleClass?: boolean;
  readonly regions?: readonly string[];
}

function records(n: number, seed: number, shape: Shape = {}): StoredRecordLike[] {
  const rng = createRandom(seed);
  const regions = shape.regions ?? ['north', 'south'];
  return Array.from({ length: n }, (_, i) => {
    const a = sampleStandardNormal(rng) + (shape.shift ?? 0);
    const score = 1 / (1 + Math.exp(-a));
    const label = shape.singleClass ? true : rng.nextFloat() < score;
    return {
      features: { a, b: sampleStandardNormal(rng) + (shape.shift ?? 0), c: sampleStandardNormal(rng) + (shape.shift ?? 0), region: regions[i % regions.length]!, gender: i % 2 === 0 ? 'm' : 'f' },
      prediction: score >= 0.5,
      score,
      label: i < n * (shape.labelled ?? 1) ? label : null,
    };
  });
}

const profile = buildReferenceProfile(model, recordsToDataset(model, records(2000, 1), 'reference'), { seed: 42 });
const options = { seed: 42, windowId: 'w1', versionId: 'v1', segment: null, time: Date.UTC(2026, 10, 22) };
const evaluate = (recs: StoredRecordLike[]) => evaluateWindow(model, profile, recordsToDataset(model, recs, 'window w1'), options);
const point = (points: readonly MetricPoint[], metric: string, feature: string | null = null) => points.find((p) => p.metric === metric && p.feature === feature);

function expectWellFormed(points: readonly unknown[]): void {
  for (const p of points) {
    expect(Value.Check(MetricPointSchema, p), JSON.stringify(p)).toBe(true);
    const { value, pValue, threshold, status } = p as { value: number | null; pValue: number | null; threshold: number | null; status: string };
    for (const v of [value, pValue, threshold]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
    expect(METRIC_STATUSES).toContain(status);
    if (value === null) expect(status).toBe('insufficient_data');
  }
}

describe('evaluateWindow', () => {
  it('finds no drift in a window like the reference, and leaves the unlabelled label column out', () => {
    const { points, results, labelled } = evaluate(records(1000, 2, { labelled: 0 }));
    expectWellFormed(points);
    expect(labelled).toBe(0);
    expect(Value.Check(ReportSchema, results.report)).toBe(true);
    expect(results.report.columns.label).toBeUndefined();
    expect(results.report.performance).toBeNull();
    expect(point(points, 'drift.statistic', 'a')).toMatchObject({ modelId: 'm1', versionId: 'v1', windowId: 'w1', segment: null, time: options.time, status: 'ok', threshold: 0.05 });
    expect(point(points, 'drift.dataset')).toMatchObject({ value: 0, status: 'ok' });
    expect(point(points, 'label.coverage')).toMatchObject({ value: 0, status: 'ok' });
    expect(point(points, 'volume.count')).toMatchObject({ value: 1000, status: 'ok' });
    expect(points.some((p) => p.metric.startsWith('performance.'))).toBe(false);
    for (const metric of ['drift.share', 'drift.multivariate', 'anomaly.share']) expect(point(points, metric), metric).toBeDefined();
    expect(point(points, 'quality.missing_share', 'b')).toMatchObject({ value: 0, status: 'ok' });
    expect(point(points, 'quality.unseen_share', 'region')).toMatchObject({ value: 0, status: 'ok' });
    expect(point(points, 'fairness.disparateImpact', 'gender')).toBeDefined();
  });

  it('flags drifted features and the dataset', () => {
    const { points } = evaluate(records(1000, 3, { shift: 1 }));
    expectWellFormed(points);
    for (const f of ['a', 'b', 'c']) expect(point(points, 'drift.statistic', f)?.status).toBe('warning');
    expect(point(points, 'drift.effect_size', 'a')?.status).toBe('warning');
    expect(point(points, 'drift.share')).toMatchObject({ status: 'critical', threshold: 0.5 });
    expect(point(points, 'drift.dataset')).toMatchObject({ value: 1, status: 'critical' });
    expect(point(points, 'drift.multivariate')?.status).toBe('warning');
    expect(point(points, 'quality.out_of_range_share', 'a')?.value).toBeGreaterThan(0);
  });

  it('writes performance points and the label coverage once labels arrive', () => {
    const { points, labelled } = evaluate(records(1000, 4, { labelled: 0.4 }));
    expectWellFormed(points);
    expect(labelled).toBe(400);
    expect(point(points, 'label.coverage')).toMatchObject({ value: 0.4, status: 'ok' });
    for (const metric of ['accuracy', 'rocAuc', 'f1']) {
      const p = point(points, `performance.${metric}`);
      expect(p?.value, metric).toBeGreaterThan(0.5);
      expect(p?.threshold, metric).toBeGreaterThan(0.5);
    }
  });

  it('skips performance with a note when the labels hold a single class, and keeps the rest', () => {
    const singleProfile = buildReferenceProfile(model, recordsToDataset(model, records(500, 5, { singleClass: true }), 'reference'), { seed: 42 });
    const { points, results } = evaluateWindow(model, singleProfile, recordsToDataset(model, records(300, 6, { singleClass: true }), 'w'), options);
    expectWellFormed(points);
    expect(results.notes[0]).toMatch(/^performance skipped: target column "label" has a single class/);
    expect(points.some((p) => p.metric.startsWith('performance.'))).toBe(false);
    expect(point(points, 'drift.statistic', 'a')).toBeDefined();
  });

  it('checks declared ranges and categories', () => {
    const recs = records(200, 7, { regions: ['north', 'south', 'west', 'east'], labelled: 0 });
    const { points } = evaluate(recs);
    expect(point(points, 'quality.schema_unknown_category_share', 'region')).toMatchObject({ value: 0.5, threshold: 0, status: 'warning' });
    const outside = recs.filter((r) => Math.abs(r.features.a as number) > 3).length;
    expect(point(points, 'quality.schema_out_of_range_share', 'a')).toMatchObject({ value: outside / 200, status: outside > 0 ? 'warning' : 'ok' });
    expect(point(points, 'quality.unseen_share', 'region')?.value).toBe(0.5);
  });

  it('leaves out the monitors the model switches off, says so, and takes the drift share and anomaly percentile from its settings', () => {
    const quiet: Model = { ...model, monitors: { multivariateDrift: false, dataQuality: false, performance: false, anomalies: false, fairness: false } };
    const recs = records(1000, 3, { shift: 1, labelled: 0.5 });
    const off = evaluateWindow(quiet, profile, recordsToDataset(quiet, recs, 'w'), options);
    expectWellFormed(off.points);
    for (const prefix of ['drift.multivariate', 'anomaly.', 'quality.', 'performance.', 'fairness.']) {
      expect(off.points.some((p) => p.metric.startsWith(prefix)), prefix).toBe(false);
    }
    expect(point(off.points, 'drift.statistic', 'a')?.status).toBe('warning');
    expect(off.results.notes).toEqual(
      expect.arrayContaining(['performance monitor off (model settings)', 'fairness monitor off (model settings)', 'data quality monitor off (model settings): no quality.* points']),
    );
    const strict: Model = { ...model, monitors: { datasetDriftShare: 0.9, anomalyPercentile: 99 } };
    const tuned = evaluateWindow(strict, profile, recordsToDataset(strict, recs, 'w'), options);
    expect(point(tuned.points, 'drift.share')?.threshold).toBe(0.9);
    expect(tuned.results.report.anomalies?.percentile).toBe(99);
  });

  it('gives the same points for the same window and seed', () => {
    const recs = records(300, 8);
    expect(evaluate(recs)).toEqual(evaluate(recs));
  });

  it('survives tiny and empty windows without NaN', () => {
    for (const n of [0, 1, 3]) {
      const { points } = evaluate(records(n, 9));
      expectWellFormed(points);
      expect(point(points, 'volume.count')?.value).toBe(n);
    }
  });
});
