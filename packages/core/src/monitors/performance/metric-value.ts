import type { MetricValue } from '../../report/report-schema.js';

/**
 * A metric without an interval, or with none computable; NaN and ±Infinity become null.
 * @example pointMetric(0.5); // { value: 0.5, lower: null, upper: null, interval: null }
 */
export function pointMetric(value: number | null): MetricValue {
  return { value: finiteOrNull(value), lower: null, upper: null, interval: null };
}

/**
 * A metric with its interval bounds; a bound that is not finite leaves both bounds and the method null.
 * @example intervalMetric(0.8, 0.49, 0.94, 'wilson');
 */
export function intervalMetric(value: number | null, lower: number, upper: number, interval: string): MetricValue {
  const v = finiteOrNull(value);
  if (v === null || !Number.isFinite(lower) || !Number.isFinite(upper)) return pointMetric(v);
  return { value: v, lower, upper, interval };
}

/** NaN and ±Infinity as null (JSON has no place for them). */
export function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
