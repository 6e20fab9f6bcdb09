import type { Alert, AlertRule, Channel, Model, NotificationEvent, Version } from '@bothub/core';
import type { NewDelivery } from '../../storage/alert-store.js';

/** What a notification is about besides the alert, and where it may go. */
export interface DeliveryContext {
  /** The alert's rule; null once the rule was deleted (its alerts still notify by severity). */
  readonly rule: AlertRule | null;
  readonly model: Model;
  /** The version the notification names: the rule's, else that of the window the alert fired in. */
  readonly version: Version | null;
  readonly channels: readonly Channel[];
  /** Epoch ms: when the deliveries are queued (and due). */
  readonly now: number;
}

/**
 * The key of one state change of one alert, the same for every channel and every attempt, so receivers can drop a
 * repeat: `<alert>:<event>:<fire count>` for firing and renotify (each fires anew), `<alert>:<event>:<event>` for
 * acknowledged and resolved (each happens once per alert).
 *
 * @example
 * notificationKey(alert, 'renotify'); // 'a1:renotify:4'
 */
export function notificationKey(alert: Alert, event: NotificationEvent): string {
  return `${alert.id}:${event}:${event === 'firing' || event === 'renotify' ? alert.fireCount : event}`;
}

/**
 * One delivery per channel that hears of this state change: the rule's channels (by name) when it names some, else
 * every channel subscribed to the alert's severity; disabled channels hear nothing. The notification is queued as
 * it is now; the delivery job adds the absolute URL (from the dashboard link) and the time it is sent.
 *
 * @example
 * const deliveries = planDeliveries(alert, 'firing', { rule, model, version, channels, now: Date.now() });
 */
export function planDeliveries(alert: Alert, event: NotificationEvent, context: DeliveryContext): NewDelivery[] {
  const { rule } = context;
  const named = rule?.channels ?? null;
  const chosen = context.channels.filter((c) => c.enabled && (named === null ? c.severities.includes(alert.severity) : named.includes(c.name)));
  const idempotencyKey = notificationKey(alert, event);
  const notification = {
    idempotencyKey,
    event,
    alert,
    rule: { id: alert.ruleId, name: rule?.name ?? '(deleted rule)' },
    model: { id: context.model.id, name: context.model.name, project: context.model.project },
    version: context.version === null ? null : { id: context.version.id, version: context.version.version },
    url: alert.evidence.link,
    sentAt: context.now,
  };
  return chosen.map((channel) => ({ channelId: channel.id, alertId: alert.id, event, idempotencyKey, notification, createdAt: context.now }));
}
