import type { MetricPoint } from '@bothub/core';
import { makeAlertRule, makeMetricPoints } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { selectRuleSeries } from './select-rule-series.js';

const HOUR = 3_600_000;
const point = (p: Partial<MetricPoint>): MetricPoint => makeMetricPoints([0.1], p)[0]!;

const history: MetricPoint[] = [
  point({ feature: 'income', time: 3 * HOUR, windowId: 'w3', versionId: 'v2' }),
  point({ feature: 'income', time: 1 * HOUR, windowId: 'w1' }),
  point({ feature: 'age', time: 2 * HOUR, windowId: 'w2' }),
  point({ feature: 'income', segment: 'eu', time: 2 * HOUR, windowId: 'w2eu' }),
  point({ feature: 'income', segment: 'us', time: 2 * HOUR, windowId: 'w2us' }),
  point({ feature: null, metric: 'drift.share', time: 2 * HOUR, windowId: 'w2' }),
  point({ feature: 'income', modelId: 'other', time: 2 * HOUR }),
];
const windows = (series: Map<string, MetricPoint[]>, key: string): string[] => (series.get(key) ?? []).map((p) => p.windowId);

describe('selectRuleSeries', () => {
  it('gives one series per feature for feature "*", all versions together in time order, all-segments points only', () => {
    const series = selectRuleSeries(makeAlertRule({ feature: '*' }), history);
    expect([...series.keys()].sort()).toEqual(['*||age', '*||income']);
    expect(windows(series, '*||income')).toEqual(['w1', 'w3']);
  });

  it('keeps one version when the rule names it', () => {
    const series = selectRuleSeries(makeAlertRule({ feature: 'income', versionId: 'v1' }), history);
    expect([...series.keys()]).toEqual(['v1||income']);
    expect(windows(series, 'v1||income')).toEqual(['w1']);
  });

  it('gives one series per segment for segment "*" and keeps a named segment', () => {
    const each = selectRuleSeries(makeAlertRule({ feature: 'income', segment: '*' }), history);
    expect([...each.keys()].sort()).toEqual(['*|eu|income', '*|us|income']);
    const eu = selectRuleSeries(makeAlertRule({ feature: 'income', segment: 'eu' }), history);
    expect(windows(eu, '*|eu|income')).toEqual(['w2eu']);
  });

  it('keeps only featureless points of the metric when the rule has no feature, and no other model', () => {
    const series = selectRuleSeries(makeAlertRule({ metric: 'drift.share', feature: null }), history);
    expect([...series.keys()]).toEqual(['*||']);
    expect(selectRuleSeries(makeAlertRule({ metric: 'drift.share', feature: '*' }), history).size).toBe(0);
    expect(selectRuleSeries(makeAlertRule({ modelId: 'nobody' }), history).size).toBe(0);
  });
});
