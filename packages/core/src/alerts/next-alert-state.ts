import type { Alert, AlertRule, Evidence, NotificationEvent } from './alert-schema.js';
import type { AlertKey } from './alert-key-of.js';
import type { ConditionResult } from './evaluate-condition.js';

/** The rule, series and moment an evaluation belongs to. */
export interface AlertStateContext {
  readonly rule: AlertRule;
  readonly key: AlertKey;
  /** Epoch ms of the evaluation. */
  readonly now: number;
  /** Evidence of this evaluation (stored on the alert when it fires). */
  readonly evidence: Evidence;
  /** A fresh alert id, called only when an alert opens. */
  readonly newId: () => string;
}

/** The outcome of one evaluation for one (rule, key). */
export interface AlertTransition {
  /** The alert after the evaluation: the same object when nothing changed, a new one when it changed or opened, null when there is none. */
  readonly alert: Alert | null;
  /** The state change channels are told about, if any. */
  readonly notify: NotificationEvent | null;
  /** Whether the alert must be written (new or updated). */
  readonly changed: boolean;
}

const MINUTE = 60_000;

/**
 * One step of an alert's lifecycle. `current` is the latest alert of this (rule, key), open or resolved, or null;
 * the caller keeps at most one open (firing or acknowledged) alert per (rule, key), so one problem is one alert.
 * - none + firing → a new alert (status firing, event "fired", notify "firing");
 * - firing/acknowledged + firing → updated: evidence, lastFiredAt, fireCount + 1, clearWindows 0; notify "renotify"
 *   when the alert is firing (not acknowledged), renotifyMinutes > 0 and renotifyMinutes have passed since the last
 *   notification (event "renotified");
 * - firing/acknowledged + clear → clearWindows + 1; at autoResolveWindows it resolves (by "system", notify "resolved");
 * - resolved + firing → a NEW alert (new id, event "fired" noting the one it follows), unless within cooldownMinutes
 *   of the resolve: then nothing;
 * - resolved or none + clear, and any insufficient_history → nothing.
 * lastNotifiedAt is set whenever notify is not null. Inputs are not modified.
 * @example
 * const { alert, notify, changed } = nextAlertState(current, result, { rule, key, now, evidence, newId: () => crypto.randomUUID() });
 */
export function nextAlertState(current: Alert | null, result: ConditionResult, context: AlertStateContext): AlertTransition {
  const unchanged: AlertTransition = { alert: current, notify: null, changed: false };
  if (result.state === 'insufficient_history') return unchanged;
  const { rule, now } = context;
  const open = current !== null && current.status !== 'resolved';

  if (result.state === 'clear') {
    if (!open) return unchanged;
    const clearWindows = current.clearWindows + 1;
    if (clearWindows < rule.autoResolveWindows) return { alert: { ...current, clearWindows }, notify: null, changed: true };
    const note = `clear for ${clearWindows} window${clearWindows === 1 ? '' : 's'}: ${result.reason}`;
    return {
      alert: { ...current, clearWindows, status: 'resolved', resolvedAt: now, resolvedBy: 'system', lastNotifiedAt: now, events: [...current.events, { at: now, action: 'resolved', by: 'system', note }] },
      notify: 'resolved',
      changed: true,
    };
  }

  if (open) {
    const updated: Alert = { ...current, evidence: context.evidence, lastFiredAt: now, fireCount: current.fireCount + 1, clearWindows: 0 };
    const lastNotified = current.lastNotifiedAt ?? current.firstFiredAt;
    const renotify = current.status === 'firing' && rule.renotifyMinutes > 0 && now - lastNotified >= rule.renotifyMinutes * MINUTE;
    if (!renotify) return { alert: updated, notify: null, changed: true };
    return { alert: { ...updated, lastNotifiedAt: now, events: [...current.events, { at: now, action: 'renotified', by: 'system', note: result.reason }] }, notify: 'renotify', changed: true };
  }

  if (current !== null && current.resolvedAt !== null && now - current.resolvedAt < rule.cooldownMinutes * MINUTE) return unchanged;
  const { key } = context;
  const alert: Alert = {
    id: context.newId(),
    ruleId: rule.id,
    modelId: key.modelId,
    versionId: key.versionId,
    segment: key.segment,
    feature: key.feature,
    severity: rule.severity,
    status: 'firing',
    incidentId: null,
    firstFiredAt: now,
    lastFiredAt: now,
    fireCount: 1,
    clearWindows: 0,
    lastNotifiedAt: now,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    evidence: context.evidence,
    feedback: null,
    events: [{ at: now, action: 'fired', by: 'system', note: current === null ? result.reason : `${result.reason} (fired again after alert ${current.id} was resolved)` }],
  };
  return { alert, notify: 'firing', changed: true };
}
