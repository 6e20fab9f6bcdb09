import { AlertRuleSpecSchema } from '@bothub/core';
import { makeModel } from '@bothub/testkit';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { defaultAlertRules } from './default-alert-rules.js';

const features = [{ name: 'age', type: 'numerical' as const }];

describe('defaultAlertRules', () => {
  it('gives a classifier with labels dataset drift, an accuracy drop and no data, each a valid rule spec', () => {
    const rules = defaultAlertRules(makeModel({ features }));
    expect(rules.map((r) => [r.name, r.metric, r.condition, r.severity])).toEqual([
      ['Dataset drift', 'drift.dataset', { kind: 'threshold', direction: 'above', value: 0.5 }, 'warning'],
      ['Performance drop', 'performance.accuracy', { kind: 'relative_to_reference', direction: 'below', change: 0.1 }, 'critical'],
      ['No data', 'volume.count', { kind: 'absence', minutes: 60 }, 'warning'],
    ]);
    for (const rule of rules) {
      expect(rule).toMatchObject({ model: 'credit', project: 'default' });
      expect(Value.Check(AlertRuleSpecSchema, rule)).toBe(true);
    }
  });

  it('watches RMSE rising for a regression model, and no performance without a label', () => {
    const regression = defaultAlertRules(makeModel({ features, task: 'regression', prediction: { type: 'numerical' }, label: { type: 'numerical' } }));
    expect(regression[1]).toMatchObject({ metric: 'performance.rmse', condition: { kind: 'relative_to_reference', direction: 'above', change: 0.1 } });
    expect(defaultAlertRules(makeModel({ features, label: null })).map((r) => r.name)).toEqual(['Dataset drift', 'No data']);
  });
});
