import type { Alert, AlertRule, Incident, Model, NotificationEvent, Version } from '@bothub/core';
import type { NewDelivery } from '../../storage/alert-store.js';
import type { Store } from '../../storage/store.js';
import { planDeliveries } from './plan-deliveries.js';

/** An alert to write, the revision it was computed from (null: new) and the state change channels hear of. */
export interface AlertChange {
  readonly alert: Alert;
  readonly revision: number | null;
  readonly notify: NotificationEvent | null;
}

export interface AlertCommit {
  readonly changes: readonly AlertChange[];
  /** The incident the fired alerts joined, if any. */
  readonly incident?: Incident | null;
  /** The model of every change. */
  readonly model: Model;
  /** The version notifications name (see DeliveryContext.version). */
  readonly version: Version | null;
  readonly now: number;
}

/** Told of each committed state change (fired, re-notified, acknowledged, resolved): the live `alert.changed` event. */
export type AlertChangeListener = (model: Model, alert: Alert, state: NotificationEvent) => void;

/** The incidents of resolved alerts whose every alert is now resolved: they close. */
async function closingIncidents(store: Store, alerts: readonly Alert[], written: readonly Incident[]): Promise<Incident[]> {
  const fresh = new Map(alerts.map((a) => [a.id, a]));
  const ids = new Set(alerts.filter((a) => a.status === 'resolved' && a.incidentId !== null).map((a) => a.incidentId!));
  const closing: Incident[] = [];
  for (const id of ids) {
    const incident = written.find((i) => i.id === id) ?? (await store.alerts.getIncident(id));
    if (incident?.status !== 'open') continue;
    const statuses = await Promise.all(incident.alertIds.map(async (alertId) => (fresh.get(alertId) ?? (await store.alerts.getAlert(alertId))?.alert)?.status ?? 'resolved'));
    if (statuses.every((status) => status === 'resolved')) closing.push({ ...incident, status: 'resolved' });
  }
  return closing;
}

/**
 * Writes alert changes with the deliveries they cause (one per channel that hears of each state change) and their
 * incidents (the one the fired alerts joined; those whose alerts are all resolved now close) in one transaction:
 * a change is never stored without its notifications, nor notified twice. Throws StoreConflictError('alert') when
 * an alert changed meanwhile (nothing is written; read again and retry). Returns how many deliveries it queued.
 *
 * @example
 * await commitAlertChanges(store, { changes: [{ alert, revision, notify: 'acknowledged' }], model, version: null, now: Date.now() });
 */
export async function commitAlertChanges(store: Store, commit: AlertCommit, onChanged?: AlertChangeListener): Promise<number> {
  const notified = commit.changes.filter((c) => c.notify !== null);
  const deliveries: NewDelivery[] = [];
  if (notified.length > 0) {
    const channels = (await store.alerts.listChannels()).map((c) => c.channel);
    const rules = new Map<string, AlertRule | null>();
    for (const { alert, notify } of notified) {
      if (!rules.has(alert.ruleId)) rules.set(alert.ruleId, await store.alerts.getRule(alert.ruleId));
      deliveries.push(...planDeliveries(alert, notify!, { rule: rules.get(alert.ruleId) ?? null, model: commit.model, version: commit.version, channels, now: commit.now }));
    }
  }
  const written = commit.incident ? [commit.incident] : [];
  const closing = await closingIncidents(store, commit.changes.map((c) => c.alert), written);
  const incidents = [...written.filter((i) => !closing.some((c) => c.id === i.id)), ...closing];
  const result = await store.alerts.applyAlertChanges({ alerts: commit.changes.map(({ alert, revision }) => ({ alert, revision })), incidents, deliveries });
  if (onChanged) for (const { alert, notify } of notified) onChanged(commit.model, alert, notify!);
  return result.deliveries;
}
