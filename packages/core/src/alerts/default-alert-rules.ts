import type { Model } from '../registry/model-schema.js';
import type { AlertRuleSpec } from './alert-schema.js';

/**
 * The rules Bothub creates with a model (they can be changed or switched off like any other):
 * - dataset drift: drift.dataset above 0.5 (the window's dataset drift verdict is 1), warning;
 * - performance drop, when the model has a label: classification accuracy more than 10 % below the reference, or
 *   regression RMSE more than 10 % above it, critical;
 * - no data: no record for 60 minutes, warning.
 * @example defaultAlertRules(model).map((r) => r.name); // ['Dataset drift', 'Performance drop', 'No data']
 */
export function defaultAlertRules(model: Model): AlertRuleSpec[] {
  const scope = { model: model.name, project: model.project };
  const rules: AlertRuleSpec[] = [
    {
      ...scope,
      name: 'Dataset drift',
      description: 'The dataset drift verdict of a window: enough features drifted, or their joint distribution did.',
      metric: 'drift.dataset',
      condition: { kind: 'threshold', direction: 'above', value: 0.5 },
      severity: 'warning',
    },
  ];
  const performance =
    model.label === null
      ? null
      : model.task === 'binary_classification' || model.task === 'multiclass_classification'
        ? { metric: 'performance.accuracy', direction: 'below' as const, words: 'Accuracy more than 10 % below the reference.' }
        : model.task === 'regression'
          ? { metric: 'performance.rmse', direction: 'above' as const, words: 'RMSE more than 10 % above the reference.' }
          : null;
  if (performance) {
    rules.push({
      ...scope,
      name: 'Performance drop',
      description: performance.words,
      metric: performance.metric,
      condition: { kind: 'relative_to_reference', direction: performance.direction, change: 0.1 },
      severity: 'critical',
    });
  }
  rules.push({
    ...scope,
    name: 'No data',
    description: 'The model has received no record for an hour.',
    metric: 'volume.count',
    condition: { kind: 'absence', minutes: 60 },
    severity: 'warning',
  });
  return rules;
}
