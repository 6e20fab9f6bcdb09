import { ROLE_COLUMNS } from '@bothub/core';
import type { Model } from '@bothub/core';
import { invalidField } from '../../http/errors.js';
import type { NewAlertRule } from '../../storage/alert-store.js';

/**
 * The rules of an alert rule that its schema cannot state; throws a 400 naming the field:
 * - n_of_m: n ≤ m; dynamic: minHistory ≤ lookback (else it could never fire);
 * - feature: one of the model's features, its prediction, score or label column, or "*" (a typo would never fire);
 * - channels: channels that exist (a typo would notify nobody).
 *
 * @example
 * checkAlertRule(rule, model, new Set(['ops']));
 */
export function checkAlertRule(rule: NewAlertRule, model: Model, channels: ReadonlySet<string>): void {
  const { condition } = rule;
  if (condition.kind === 'n_of_m' && condition.n > condition.m) throw invalidField('body', 'condition.n', `n (${condition.n}) must not exceed m (${condition.m})`);
  if (condition.kind === 'dynamic' && condition.minHistory > condition.lookback) {
    throw invalidField('body', 'condition.minHistory', `minHistory (${condition.minHistory}) must not exceed lookback (${condition.lookback})`);
  }
  const columns = new Set<string>([...model.features.map((f) => f.name), ...Object.values(ROLE_COLUMNS)]);
  if (rule.feature !== null && rule.feature !== '*' && !columns.has(rule.feature)) throw invalidField('body', 'feature', `not a feature of model ${model.name}: ${JSON.stringify(rule.feature)}`);
  rule.channels?.forEach((name, i) => {
    if (!channels.has(name)) throw invalidField('body', `channels[${i}]`, `no channel named ${JSON.stringify(name)}`);
  });
}
