import type { MetricPoint } from '../monitoring/window.js';
import { alertKeyOf } from './alert-key-of.js';
import type { Alert, AlertRule } from './alert-schema.js';
import { buildEvidence } from './build-evidence.js';
import type { ConditionResult } from './evaluate-condition.js';
import { evaluateCondition } from './evaluate-condition.js';
import { nextAlertState } from './next-alert-state.js';
import { selectRuleSeries } from './select-rule-series.js';
import { seriesKeyOf } from './series-key-of.js';

/** One evaluation at which the rule's condition held. */
export interface RulePreviewFiring {
  readonly time: number;
  /** The window evaluated; null for the final absence check at `options.now`. */
  readonly windowId: string | null;
  /** The series (alert) key, see seriesKeyOf. */
  readonly key: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly reason: string;
}

/** What a rule would have done over the stored history. */
export interface RulePreview {
  /** Evaluations replayed: one per window of each of the rule's series (plus the final absence check). */
  readonly windowsEvaluated: number;
  /** Every evaluation where the condition held, oldest first. */
  readonly firings: RulePreviewFiring[];
  /** Alerts that would have opened (repeated firings of one problem update one alert; the cooldown holds re-opening back). */
  readonly alertsOpened: number;
  /** firings / windowsEvaluated (0 when nothing was evaluated). */
  readonly firingShare: number;
}

export interface RulePreviewOptions {
  /** Epoch ms of the model's last record: with `now`, absence rules are also checked at `now`. */
  readonly lastRecordAt?: number | null;
  /** Epoch ms of the preview; absence rules only. */
  readonly now?: number;
}

/** How many of the latest values a condition reads (the series passed are the non-null values, so this is exact). */
function valuesNeeded(rule: AlertRule): number {
  const c = rule.condition;
  return c.kind === 'n_of_m' ? c.m : c.kind === 'dynamic' ? c.lookback + 1 : 1;
}

/**
 * Replays a proposed rule over the metric history as if it had been on: for each of its series, in time order, every
 * window is evaluated (evaluateCondition) and the alert lifecycle stepped (nextAlertState, with the window's time as
 * the clock), so auto-resolve, cooldown and "one problem, one alert" count as they would have. Absence rules are
 * checked when each window closes against the previous window's time (a gap of `minutes` or more would have fired),
 * and once more at `options.now` when given.
 * @example
 * const preview = previewRule(rule, await store.metricHistory(modelId), {});
 * `${preview.firings.length} firings, ${preview.alertsOpened} alerts, ${(preview.firingShare * 100).toFixed(1)} % of windows`;
 */
export function previewRule(rule: AlertRule, history: readonly MetricPoint[], options: RulePreviewOptions = {}): RulePreview {
  const firings: RulePreviewFiring[] = [];
  let windowsEvaluated = 0;
  let alertsOpened = 0;
  let ids = 0;
  const newId = (): string => `preview-${++ids}`;

  const step = (current: Alert | null, key: string, point: MetricPoint | null, result: ConditionResult, time: number, windowId = point?.windowId ?? null): Alert | null => {
    windowsEvaluated++;
    if (result.state === 'firing') firings.push({ time, windowId, key, value: result.value, threshold: result.threshold, reason: result.reason });
    // Without an open alert only a firing changes anything (see nextAlertState): quiet windows skip building evidence (2.5× faster).
    if (result.state !== 'firing' && (current === null || current.status === 'resolved')) return current;
    const evidence = buildEvidence({ rule, result, windowId, time, feature: point?.feature ?? null, windowPoints: [], modelName: '' });
    const next = nextAlertState(current, result, { rule, key: alertKeyOf(rule, point), now: time, evidence, newId });
    if (next.notify === 'firing') alertsOpened++;
    return next.alert;
  };

  const series = selectRuleSeries(rule, history);
  const absence = rule.condition.kind === 'absence';
  const need = valuesNeeded(rule);
  for (const [key, points] of series) {
    let current: Alert | null = null;
    const valued: MetricPoint[] = [];
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      let result: ConditionResult;
      if (absence) {
        result = evaluateCondition(rule, [point], { now: point.time, lastRecordAt: (points[i - 1] ?? point).time });
      } else {
        if (point.value !== null) valued.push(point);
        result = evaluateCondition(rule, point.value === null ? [point] : valued.slice(-need), { now: point.time, lastRecordAt: null });
      }
      current = step(current, key, point, result, point.time);
    }
    if (absence && options.now !== undefined) {
      const last = points.at(-1)!;
      const lastRecordAt = options.lastRecordAt ?? last.time;
      step(current, key, last, evaluateCondition(rule, points, { now: options.now, lastRecordAt }), options.now, null);
    }
  }
  if (absence && series.size === 0 && options.now !== undefined) {
    const key = seriesKeyOf(alertKeyOf(rule, null));
    step(null, key, null, evaluateCondition(rule, [], { now: options.now, lastRecordAt: options.lastRecordAt ?? null }), options.now);
  }
  firings.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { windowsEvaluated, firings, alertsOpened, firingShare: windowsEvaluated === 0 ? 0 : firings.length / windowsEvaluated };
}
