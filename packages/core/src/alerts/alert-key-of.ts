import type { MetricPoint } from '../monitoring/window.js';
import type { AlertRule } from './alert-schema.js';

/** What one alert of a rule is about: the rule's model, and the version, segment and feature of one of its series. */
export interface AlertKey {
  readonly modelId: string;
  /** The rule's version, or null when the rule watches every version together. */
  readonly versionId: string | null;
  readonly segment: string | null;
  readonly feature: string | null;
}

/**
 * The alert key of a rule's series, from any point of it (rules with segment or feature "*" have one series per
 * segment or feature), or from the rule alone when there is no point (absence rules before any data): "*" then
 * becomes null.
 * @example alertKeyOf(rule, point); // { modelId: 'm1', versionId: null, segment: null, feature: 'income' }
 */
export function alertKeyOf(rule: AlertRule, point: Pick<MetricPoint, 'segment' | 'feature'> | null): AlertKey {
  const segment = point ? point.segment : rule.segment === '*' ? null : rule.segment;
  const feature = point ? point.feature : rule.feature === '*' ? null : rule.feature;
  return { modelId: rule.modelId, versionId: rule.versionId, segment, feature };
}
