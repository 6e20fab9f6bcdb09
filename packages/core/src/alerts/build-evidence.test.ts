import type { MetricPoint } from '@bothub/core';
import { makeAlertRule, makeMetricPoints } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { buildEvidence } from './build-evidence.js';

const point = (p: Partial<MetricPoint>, value: number | null): MetricPoint => makeMetricPoints([value], { windowId: 'w9', ...p })[0]!;
const result = { state: 'firing', value: 0.31, threshold: 0.2, reason: 'drift.statistic of income 0.31 above 0.2' } as const;

describe('buildEvidence', () => {
  it('carries the verdict, the window link and the top drifting features by effect size, largest first', () => {
    const windowPoints = [
      point({ metric: 'drift.effect_size', feature: 'age', status: 'ok' }, 0.1),
      point({ metric: 'drift.effect_size', feature: 'income', status: 'warning' }, -0.9),
      point({ metric: 'drift.effect_size', feature: 'zip', status: 'warning' }, 0.4),
      point({ metric: 'drift.effect_size', feature: 'empty' }, null),
      point({ metric: 'drift.statistic', feature: 'income', status: 'warning' }, 0.31),
      point({ metric: 'drift.statistic', feature: 'zip', status: 'critical' }, 0.25),
      point({ metric: 'drift.statistic', feature: 'age', status: 'ok' }, 0.01),
      point({ metric: 'drift.share', feature: null }, 0.66),
    ];
    const evidence = buildEvidence({ rule: makeAlertRule(), result, windowId: 'w9', time: 9, feature: 'income', windowPoints, modelName: 'credit' });
    expect(evidence).toEqual({
      windowId: 'w9',
      time: 9,
      metric: 'drift.statistic',
      feature: 'income',
      value: 0.31,
      threshold: 0.2,
      reason: result.reason,
      topFeatures: [
        { feature: 'income', effectSize: -0.9, drifted: true },
        { feature: 'zip', effectSize: 0.4, drifted: true },
        { feature: 'age', effectSize: 0.1, drifted: false },
      ],
      link: '/models/credit/windows/w9',
    });
  });

  it('keeps at most ten features and links the model without a window', () => {
    const windowPoints = Array.from({ length: 12 }, (_, i) => point({ metric: 'drift.effect_size', feature: `f${String(i).padStart(2, '0')}` }, i / 10));
    const evidence = buildEvidence({ rule: makeAlertRule(), result, windowId: null, time: 0, feature: null, windowPoints, modelName: 'credit' });
    expect(evidence.topFeatures.map((t) => t.feature)).toEqual(['f11', 'f10', 'f09', 'f08', 'f07', 'f06', 'f05', 'f04', 'f03', 'f02']);
    expect(evidence.link).toBe('/models/credit');
  });
});
