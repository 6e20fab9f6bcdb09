import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '@bothub/core';
import { summarizeHealth } from './summarize-health.js';

const point = (metric: string, status: MetricPoint['status'], time: number, feature: string | null = null): MetricPoint => ({
  modelId: 'm', versionId: 'v', segment: null, windowId: 'w', time, metric, feature, value: status === 'insufficient_data' ? null : 1, pValue: null, threshold: null, status,
});

describe('summarizeHealth', () => {
  it('takes the worst status per monitor (metric family) and overall, with the points at warning or critical', () => {
    const critical = point('drift.statistic', 'critical', 30, 'age');
    const warning = point('quality.missing_share', 'warning', 20, 'plan');
    const health = summarizeHealth('churn', [point('drift.statistic', 'ok', 10, 'plan'), critical, warning, point('label.coverage', 'ok', 5), point('volume', 'insufficient_data', 40)]);
    expect(health).toEqual({
      model: 'churn',
      status: 'critical',
      monitors: [
        { monitor: 'drift', status: 'critical', updatedAt: 30, counts: { ok: 1, warning: 0, critical: 1, insufficient_data: 0 }, alerts: [critical] },
        { monitor: 'label', status: 'ok', updatedAt: 5, counts: { ok: 1, warning: 0, critical: 0, insufficient_data: 0 }, alerts: [] },
        { monitor: 'quality', status: 'warning', updatedAt: 20, counts: { ok: 0, warning: 1, critical: 0, insufficient_data: 0 }, alerts: [warning] },
        { monitor: 'volume', status: 'insufficient_data', updatedAt: 40, counts: { ok: 0, warning: 0, critical: 0, insufficient_data: 1 }, alerts: [] },
      ],
    });
  });

  it('is insufficient_data with no monitors before any evaluation', () => {
    expect(summarizeHealth('churn', [])).toEqual({ model: 'churn', status: 'insufficient_data', monitors: [] });
  });
});
