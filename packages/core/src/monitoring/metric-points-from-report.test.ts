import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/report-schema.js';
import { DEFAULT_REPORT_OPTIONS } from '../report-options.js';
import { metricPointsFromReport } from './metric-points-from-report.js';

const n = 60;
const reference = makeDataset('ref', {
  x: { type: 'numerical', values: Array.from({ length: n }, (_, i) => i) },
  y: { type: 'numerical', values: Array.from({ length: n }, (_, i) => (i * 7) % 13) },
  c: { type: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 2 ? 'a' : 'b')) },
  label: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 3 === 0) },
  prediction: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 3 === 0 || i % 5 === 0) },
});
const current = makeDataset('cur', {
  x: { type: 'numerical', values: Array.from({ length: n }, (_, i) => i + 100) },
  y: { type: 'numerical', values: Array.from({ length: n }, (_, i) => (i % 10 === 0 ? null : (i * 7) % 13)) },
  c: { type: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'new' : 'a')) },
  label: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 2 === 0) },
  prediction: { type: 'boolean', values: Array.from({ length: n }, (_, i) => i % 3 === 0) },
});
const context = { generatedAt: '2026-11-22T00:00:00.000Z', toolVersion: 'test', formats: { reference: 'x', current: 'x' } };
const report = buildReport(reference, current, { ...DEFAULT_REPORT_OPTIONS, roles: { target: 'label', prediction: 'prediction' } }, context);
const base = { modelId: 'm', versionId: 'v', segment: 'region=north', windowId: 'w', time: 5 };
const find = (points: ReturnType<typeof metricPointsFromReport>, metric: string, feature: string | null = null) => points.find((p) => p.metric === metric && p.feature === feature);

describe('metricPointsFromReport', () => {
  const points = metricPointsFromReport(report, base, { count: n, labelled: 30 });

  it('stamps every point with the window', () => {
    for (const p of points) expect(p).toMatchObject(base);
  });

  it('maps drift verdicts to statuses', () => {
    expect(find(points, 'drift.statistic', 'x')).toMatchObject({ status: 'warning', pValue: report.columns.x!.drift!.pValue, threshold: 0.05 });
    expect(find(points, 'drift.statistic', 'y')?.status).toBe('ok');
    expect(find(points, 'drift.statistic', 'label')).toBeDefined();
    expect(find(points, 'drift.dataset')).toMatchObject({ value: report.datasetDrift.drifted ? 1 : 0 });
    expect(find(points, 'drift.share')).toMatchObject({ value: report.datasetDrift.driftedShare, threshold: 0.5 });
  });

  it('maps quality findings to statuses', () => {
    expect(find(points, 'quality.missing_share', 'y')).toMatchObject({ value: 6 / n, status: 'warning' });
    expect(find(points, 'quality.unseen_share', 'c')).toMatchObject({ value: 0.25, status: 'critical', threshold: 0.01 });
    expect(find(points, 'quality.out_of_range_share', 'x')).toMatchObject({ status: 'critical' });
  });

  it('writes performance with the reference value as threshold, and the label coverage and volume', () => {
    const accuracy = find(points, 'performance.accuracy');
    expect(accuracy).toMatchObject({ value: report.performance!.current.accuracy!.value, threshold: report.performance!.reference.accuracy!.value });
    expect(find(points, 'label.coverage')).toMatchObject({ value: 0.5, status: 'ok' });
    expect(find(points, 'volume.count')).toMatchObject({ value: n, status: 'ok' });
  });

  it('marks degraded metrics and an anomaly share above the reference as warnings', () => {
    const doctored: Report = {
      ...report,
      performance: { ...report.performance!, degraded: ['accuracy'] },
      anomalies: { columns: ['x'], percentile: 95, threshold: 0.6, referenceShareAbove: 0.05, currentShareAbove: 0.3, currentShareInterval: { value: 0.3, lower: 0.2, upper: 0.4, interval: 'wilson' }, topRows: [] },
    };
    const out = metricPointsFromReport(doctored, base, { count: n, labelled: 0 });
    expect(find(out, 'performance.accuracy')?.status).toBe('warning');
    expect(find(out, 'anomaly.share')).toMatchObject({ value: 0.3, threshold: 0.05, status: 'warning' });
  });

  it('never writes NaN or Infinity: null with insufficient_data instead', () => {
    const x = report.columns.x!;
    const doctored: Report = { ...report, columns: { ...report.columns, x: { ...x, drift: { ...x.drift!, statistic: Number.NaN, pValue: Infinity } } } };
    const out = metricPointsFromReport(doctored, base, { count: 0, labelled: 0 });
    expect(find(out, 'drift.statistic', 'x')).toMatchObject({ value: null, pValue: null, status: 'insufficient_data' });
    expect(find(out, 'label.coverage')).toMatchObject({ value: null, status: 'insufficient_data' });
  });
});
