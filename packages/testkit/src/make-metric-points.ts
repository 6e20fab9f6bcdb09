import type { MetricPoint } from '@bothub/core';

const HOUR = 3_600_000;

/**
 * A series of metric points for tests, one per value: model m1, version v1, all segments, window `w<i>` ending at
 * hour i (epoch ms i·3,600,000), status ok (insufficient_data for a null value); `base` replaces any shared field.
 * @example makeMetricPoints([0.1, 0.35, null], { metric: 'drift.statistic', feature: 'income' });
 */
export function makeMetricPoints(values: readonly (number | null)[], base: Partial<MetricPoint> = {}): MetricPoint[] {
  return values.map((value, i) => ({
    modelId: 'm1',
    versionId: 'v1',
    segment: null,
    windowId: `w${i}`,
    time: i * HOUR,
    metric: 'drift.statistic',
    feature: null,
    pValue: null,
    threshold: null,
    status: value === null ? 'insufficient_data' : 'ok',
    ...base,
    value,
  }));
}
