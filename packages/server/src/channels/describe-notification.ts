/**
 * The words every channel uses for a notification, written once: the headline, the state change, and the facts
 * (model, version, severity, metric, value against threshold …) that Slack, e-mail and PagerDuty each lay out their way.
 */
import type { Notification, NotificationEvent } from '@bothub/core';
import { formatIsoTime } from '@bothub/core';

export interface NotificationFact {
  readonly label: string;
  readonly value: string;
}

export const EVENT_LABELS: Readonly<Record<NotificationEvent, string>> = {
  firing: 'Firing',
  renotify: 'Still firing',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/**
 * Counts stay whole; other values keep 4 significant digits.
 *
 * @example
 * formatMetricValue(0.312345); // '0.3123'
 * formatMetricValue(null); // 'n/a'
 */
export function formatMetricValue(value: number | null): string {
  if (value === null) return 'n/a';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * `credit: drift.statistic of income 0.31 above 0.2 in 3 of the last 5 windows`, prefixed with the state change
 * unless the alert is (newly) firing.
 *
 * @example
 * notificationHeadline(notification); // 'Resolved: credit: drift.share 0.62 above 0.5'
 */
export function notificationHeadline(notification: Notification): string {
  const headline = `${notification.model.name}: ${notification.alert.evidence.reason}`;
  return notification.event === 'firing' ? headline : `${EVENT_LABELS[notification.event]}: ${headline}`;
}

/**
 * Who changed the alert's state and when, for acknowledged and resolved notifications; null otherwise.
 *
 * @example
 * stateChangeNote(resolvedNotification); // 'Resolved by system at 2026-01-01T00:10:00.000Z'
 */
export function stateChangeNote(notification: Notification): string | null {
  const { alert } = notification;
  if (notification.event === 'acknowledged') return `Acknowledged by ${alert.acknowledgedBy ?? 'unknown'} at ${formatIsoTime(alert.acknowledgedAt ?? notification.sentAt)}`;
  if (notification.event === 'resolved') return `Resolved by ${alert.resolvedBy ?? 'system'} at ${formatIsoTime(alert.resolvedAt ?? notification.sentAt)}`;
  return null;
}

/** `drift.statistic (income)`, or the bare metric when it has no feature. */
export function metricLabel(notification: Notification): string {
  const { metric, feature } = notification.alert.evidence;
  return feature === null ? metric : `${metric} (${feature})`;
}

/**
 * The facts of an alert in reading order.
 *
 * @example
 * notificationFacts(notification).map((fact) => `${fact.label}: ${fact.value}`).join('\n');
 */
export function notificationFacts(notification: Notification): NotificationFact[] {
  const { alert, model, version } = notification;
  const { evidence } = alert;
  return [
    { label: 'Model', value: model.project === 'default' ? model.name : `${model.project}/${model.name}` },
    { label: 'Version', value: version?.version ?? 'all versions' },
    { label: 'Segment', value: alert.segment ?? 'all' },
    { label: 'Severity', value: alert.severity },
    { label: 'Metric', value: metricLabel(notification) },
    { label: 'Value vs threshold', value: `${formatMetricValue(evidence.value)} vs ${formatMetricValue(evidence.threshold)}` },
    { label: 'Status', value: alert.status },
    { label: 'Window', value: `${evidence.windowId ?? 'none'} (${formatIsoTime(evidence.time)})` },
    { label: 'Rule', value: notification.rule.name },
  ];
}
