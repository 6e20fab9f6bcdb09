/**
 * A notification as a PagerDuty Events API v2 event. The alert id is the dedup_key, so the trigger, later re-triggers,
 * the acknowledge and the resolve all act on one PagerDuty alert, which follows Bothub's.
 * https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
 */
import type { Notification, NotificationEvent } from '@bothub/core';
import { formatIsoTime } from '@bothub/core';
import { notificationFacts, notificationHeadline } from './describe-notification.js';
import { truncateText } from './truncate-text.js';

/** PagerDuty's documented enqueue endpoint; a channel's `url` overrides it (a regional endpoint, or a test receiver). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export type PagerDutyAction = 'trigger' | 'acknowledge' | 'resolve';

export interface PagerDutyPayload {
  /** At most 1024 characters (PagerDuty's limit). */
  readonly summary: string;
  readonly source: string;
  readonly severity: 'critical' | 'warning' | 'info';
  readonly timestamp: string;
  readonly component: string;
  readonly group: string;
  readonly class: string;
  readonly custom_details: Readonly<Record<string, unknown>>;
}

export type PagerDutyEvent =
  | {
      readonly routing_key: string;
      readonly event_action: 'trigger';
      readonly dedup_key: string;
      readonly payload: PagerDutyPayload;
      readonly client: string;
      readonly client_url: string;
      readonly links: readonly { readonly href: string; readonly text: string }[];
    }
  | { readonly routing_key: string; readonly event_action: 'acknowledge' | 'resolve'; readonly dedup_key: string };

const ACTIONS: Readonly<Record<NotificationEvent, PagerDutyAction>> = {
  firing: 'trigger',
  renotify: 'trigger',
  acknowledged: 'acknowledge',
  resolved: 'resolve',
};

/**
 * @example
 * const event = renderPagerDutyEvent(channel.routingKey, notification);
 * await postJson(channel.url ?? PAGERDUTY_EVENTS_URL, JSON.stringify(event), {}, { policy, timeoutMs: 10_000 });
 */
export function renderPagerDutyEvent(routingKey: string, notification: Notification): PagerDutyEvent {
  const { alert, model } = notification;
  const action = ACTIONS[notification.event];
  if (action !== 'trigger') return { routing_key: routingKey, event_action: action, dedup_key: alert.id };
  const facts = Object.fromEntries(notificationFacts(notification).map((fact) => [fact.label, fact.value]));
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: alert.id,
    payload: {
      summary: truncateText(`[${alert.severity}] ${notificationHeadline(notification)}`, 1024),
      source: `bothub/${model.project}/${model.name}`,
      severity: alert.severity,
      timestamp: formatIsoTime(alert.lastFiredAt),
      component: model.name,
      group: model.project,
      class: alert.evidence.metric,
      custom_details: { ...facts, reason: alert.evidence.reason, evidence: alert.evidence, alertId: alert.id, ruleId: notification.rule.id, fireCount: alert.fireCount },
    },
    client: 'Bothub',
    client_url: notification.url,
    links: [{ href: notification.url, text: 'View in Bothub' }],
  };
}
