/**
 * The subject of an alert reason: the metric, its feature and its segment, e.g. "drift.statistic of income in
 * segment eu".
 * @example describeSeries('drift.statistic', 'income', null); // 'drift.statistic of income'
 */
export function describeSeries(metric: string, feature: string | null, segment: string | null): string {
  return `${metric}${feature === null ? '' : ` of ${feature}`}${segment === null ? '' : ` in segment ${segment}`}`;
}
