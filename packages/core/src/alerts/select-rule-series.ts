import type { MetricPoint } from '../monitoring/window.js';
import type { AlertRule } from './alert-schema.js';
import { seriesKeyOf } from './series-key-of.js';

function matches(ruleValue: string | null, pointValue: string | null): boolean {
  if (ruleValue === null) return pointValue === null;
  if (ruleValue === '*') return pointValue !== null;
  return pointValue === ruleValue;
}

/**
 * The series a rule watches, from metric history points, grouped by alert key (see seriesKeyOf) and each sorted
 * oldest first. Points of other models and metrics are ignored. The rule's scope:
 * - versionId: a version id keeps that version's points; null puts every version in one series, in time order;
 * - segment: a value keeps that segment; "*" gives one series per segment (not the all-segments series); null keeps
 *   only the all-segments series;
 * - feature: a name keeps that feature; "*" gives one series per feature; null keeps points without a feature.
 * @example
 * const series = selectRuleSeries(rule, points); // rule.feature '*' → Map { '*||income' => [...], '*||age' => [...] }
 */
export function selectRuleSeries(rule: AlertRule, points: readonly MetricPoint[]): Map<string, MetricPoint[]> {
  const series = new Map<string, MetricPoint[]>();
  for (const point of points) {
    if (point.modelId !== rule.modelId || point.metric !== rule.metric) continue;
    if (rule.versionId !== null && point.versionId !== rule.versionId) continue;
    if (!matches(rule.segment, point.segment) || !matches(rule.feature, point.feature)) continue;
    const key = seriesKeyOf({ versionId: rule.versionId, segment: point.segment, feature: point.feature });
    const list = series.get(key);
    if (list) list.push(point);
    else series.set(key, [point]);
  }
  for (const list of series.values()) list.sort((a, b) => a.time - b.time);
  return series;
}
