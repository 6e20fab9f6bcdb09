import { quantile } from '@bothub/stats';
import type { MetricPoint } from '../monitoring/window.js';
import type { AlertRule, Condition } from './alert-schema.js';
import { describeSeries } from './describe-series.js';
import { formatAlertNumber as f } from './format-alert-number.js';

/** The verdict of a rule's condition on one series. */
export interface ConditionResult {
  /** insufficient_history: the condition cannot be decided yet (too little history, no value, no reference); the alert state stays as it is. */
  readonly state: 'firing' | 'clear' | 'insufficient_history';
  /** The value compared: the latest value; for absence, the minutes since the last record. */
  readonly value: number | null;
  /** What it was compared with: the static value, the reference ± change, the learned band edge, or the minutes allowed. */
  readonly threshold: number | null;
  /** Plain words with the numbers, e.g. "drift.statistic of income 0.31 above 0.2 in 3 of the last 5 windows". */
  readonly reason: string;
}

/** When the condition is decided, and on what. */
export interface ConditionContext {
  /** Epoch ms of the evaluation (absence rules compare it with lastRecordAt). */
  readonly now: number;
  /** Epoch ms of the model's last record, null when unknown. */
  readonly lastRecordAt: number | null;
}

type Valued = MetricPoint & { value: number };
const MINUTE = 60_000;

const crosses = (direction: 'above' | 'below', value: number, threshold: number): boolean => (direction === 'above' ? value > threshold : value < threshold);
const insufficient = (reason: string, value: number | null = null, threshold: number | null = null): ConditionResult => ({ state: 'insufficient_history', value, threshold, reason });
const verdict = (firing: boolean, value: number, threshold: number, reason: string): ConditionResult => ({ state: firing ? 'firing' : 'clear', value, threshold, reason });

/**
 * Decides a rule's condition on one of its series (oldest first, as selectRuleSeries gives it):
 * - threshold: the latest value is above (below) the value;
 * - n_of_m: at least n of the last m values are above (below) the value (fewer than m values: the ones there are;
 *   fewer than n: insufficient history);
 * - relative_to_reference: the latest value against its point's reference (MetricPoint.threshold, e.g. reference
 *   performance): above fires when value > ref + |ref|·change, below when value < ref − |ref|·change (ref·(1 ± change)
 *   for the usual ref ≥ 0); no reference: insufficient history;
 * - dynamic: a band learned from the `lookback` values before the latest, by percentile (numpy's linear quantile; the
 *   upper edge at `percentile`, default 95, the lower at 100 − percentile) or by mean ± k·σ (sample σ, ddof 1,
 *   default k 3); fewer than minHistory values: insufficient history; `outside` fires on either side;
 * - absence: fires when now − lastRecordAt ≥ minutes (lastRecordAt null: the latest point's time; no point either:
 *   clear, "no data yet").
 * Points whose value is null (status insufficient_data) are skipped; when the latest point itself has no value the
 * result is insufficient history, so a window without data neither fires on stale values nor counts towards resolving.
 * @example
 * evaluateCondition(rule, series, { now: Date.now(), lastRecordAt: null });
 * // { state: 'firing', value: 0.31, threshold: 0.2, reason: 'drift.statistic of income 0.31 above 0.2' }
 */
export function evaluateCondition(rule: AlertRule, series: readonly MetricPoint[], context: ConditionContext): ConditionResult {
  const condition = rule.condition;
  if (condition.kind === 'absence') return evaluateAbsence(condition.minutes, series, context);
  const latest = series.at(-1);
  if (!latest) return insufficient(`no ${rule.metric} values yet`);
  const subject = describeSeries(rule.metric, latest.feature, latest.segment);
  if (latest.value === null) return insufficient(`${subject} has no value in the latest window (insufficient data)`);
  const valued = series.filter((p): p is Valued => p.value !== null);
  return evaluateOnValues(condition, subject, valued, latest as Valued);
}

function evaluateOnValues(condition: Exclude<Condition, { kind: 'absence' }>, subject: string, valued: readonly Valued[], latest: Valued): ConditionResult {
  const value = latest.value;
  switch (condition.kind) {
    case 'threshold': {
      const firing = crosses(condition.direction, value, condition.value);
      return verdict(firing, value, condition.value, `${subject} ${f(value)} ${firing ? '' : 'not '}${condition.direction} ${f(condition.value)}`);
    }
    case 'n_of_m': {
      const { n, m, direction } = condition;
      const last = valued.slice(-m);
      if (last.length < n) return insufficient(`${subject} needs at least ${n} windows with a value, has ${last.length}`, value, condition.value);
      const count = last.filter((p) => crosses(direction, p.value, condition.value)).length;
      const firing = count >= n;
      const reason = firing
        ? `${subject} ${f(value)} ${direction} ${f(condition.value)} in ${count} of the last ${last.length} windows`
        : `${subject} ${direction} ${f(condition.value)} in ${count} of the last ${last.length} windows (${n} needed; latest ${f(value)})`;
      return verdict(firing, value, condition.value, reason);
    }
    case 'relative_to_reference': {
      const reference = latest.threshold;
      if (reference === null) return insufficient(`${subject} has no reference value`, value);
      const sign = condition.direction === 'above' ? 1 : -1;
      const bound = reference + sign * Math.abs(reference) * condition.change;
      const firing = crosses(condition.direction, value, bound);
      const change = `${f(condition.change * 100)} %`;
      return verdict(firing, value, bound, `${subject} ${f(value)} ${firing ? '' : 'not '}${condition.direction} ${f(bound)} (reference ${f(reference)} ${sign > 0 ? '+' : '−'} ${change})`);
    }
    case 'dynamic':
      return evaluateDynamic(condition, subject, valued, value);
  }
}

function evaluateDynamic(condition: Extract<Condition, { kind: 'dynamic' }>, subject: string, valued: readonly Valued[], value: number): ConditionResult {
  const history = valued.slice(Math.max(0, valued.length - 1 - condition.lookback), -1).map((p) => p.value);
  if (history.length < condition.minHistory) {
    return insufficient(`${subject}: the dynamic threshold needs ${condition.minHistory} windows of history, has ${history.length}`, value);
  }
  let upper: number;
  let lower: number;
  let basis: string;
  let fitted = '';
  if (condition.method === 'percentile') {
    const level = condition.percentile ?? 95;
    [upper, lower] = Array.from(quantile(history, [level / 100, 1 - level / 100])) as [number, number];
    basis = condition.direction === 'above' ? `the ${f(level)}th percentile` : condition.direction === 'below' ? `the ${f(100 - level)}th percentile` : `the ${f(100 - level)}th–${f(level)}th percentile band`;
  } else {
    const k = condition.k ?? 3;
    const mean = history.reduce((s, v) => s + v, 0) / history.length;
    const sd = Math.sqrt(history.reduce((s, v) => s + (v - mean) ** 2, 0) / (history.length - 1));
    upper = mean + k * sd;
    lower = mean - k * sd;
    const sign = condition.direction === 'above' ? '+' : condition.direction === 'below' ? '−' : '±';
    basis = `mean ${sign} ${f(k)}σ`;
    fitted = ` (mean ${f(mean)}, σ ${f(sd)})`;
  }
  const above = value > upper;
  const below = value < lower;
  const firing = condition.direction === 'above' ? above : condition.direction === 'below' ? below : above || below;
  // The edge reported: the one the condition watches, or for a band the one on the value's side.
  const useUpper = condition.direction === 'above' || (condition.direction === 'outside' && value >= (upper + lower) / 2);
  const edge = useUpper ? upper : lower;
  const side = useUpper ? 'above' : 'below';
  return verdict(firing, value, edge, `${subject} ${f(value)} ${firing ? '' : 'not '}${side} ${f(edge)}, ${basis} of the last ${history.length} windows${fitted}`);
}

function evaluateAbsence(minutes: number, series: readonly MetricPoint[], context: ConditionContext): ConditionResult {
  const last = context.lastRecordAt ?? series.at(-1)?.time ?? null;
  if (last === null) return { state: 'clear', value: null, threshold: minutes, reason: 'no data yet' };
  const silent = Math.max(0, context.now - last) / MINUTE;
  const firing = silent >= minutes;
  const reason = firing ? `no record for ${f(silent)} minutes (limit ${minutes})` : `last record ${f(silent)} minutes ago (limit ${minutes})`;
  return verdict(firing, silent, minutes, reason);
}
