/**
 * The alerting part of the storage port (`Store.alerts`): rules, alerts with their events and feedback, incidents,
 * channels with their write-only secrets, and the delivery queue. Both adapters implement it and pass
 * alert-store.case.ts, part of the Store contract suite.
 *
 * The two guarantees the delivery of notifications rests on:
 * - `applyAlertChanges` writes alert state changes, their incident and the deliveries they cause in ONE transaction,
 *   so a state change is never stored without its notifications nor notified without being stored. It refuses (with
 *   `StoreConflictError('alert')`, writing nothing) a change computed from an alert that changed meanwhile, or a
 *   second open alert for one (rule, series): nodes evaluating at once cannot both notify the same change.
 * - A delivery is unique per (channel, idempotency key), is claimed by one worker at a time under a lease, and the
 *   deliveries of one alert to one channel are handed out in the order they were queued.
 */
import type { Alert, AlertRule, Channel, Incident, Notification, NotificationEvent, Severity } from '@bothub/core';

/** A rule as the service writes it; the store assigns `id`, `createdAt` and `updatedAt`. */
export type NewAlertRule = Omit<AlertRule, 'id' | 'createdAt' | 'updatedAt'>;

export interface AlertRuleFilter {
  readonly modelId?: string;
  readonly enabled?: boolean;
}

/** An alert and its revision, which counts its writes: a change is applied only to the revision it was computed from. */
export interface StoredAlert {
  readonly alert: Alert;
  readonly revision: number;
}

export interface AlertFilter {
  readonly status?: Alert['status'];
  readonly modelId?: string;
  readonly severity?: Severity;
  readonly ruleId?: string;
  readonly limit: number;
  /** The `next` of the previous page. */
  readonly before?: string;
}

/** Newest first (the order alerts were opened). */
export interface AlertPage {
  readonly alerts: readonly Alert[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly next: string | null;
}

export interface IncidentFilter {
  readonly modelId?: string;
  readonly status?: Incident['status'];
  readonly limit: number;
  readonly before?: string;
}

export interface IncidentPage {
  readonly incidents: readonly Incident[];
  readonly next: string | null;
}

/** What a channel keeps out of its public shape; null when not set. */
export interface ChannelSecretValues {
  readonly secret: string | null;
  readonly smtpPassword: string | null;
}

/** A channel as the service writes it; the store assigns `id` and `createdAt` and derives `hasSecret`. */
export type NewChannel = Omit<Channel, 'id' | 'createdAt' | 'hasSecret'> & { readonly secrets: ChannelSecretValues };

export interface StoredChannel {
  readonly channel: Channel;
  readonly secrets: ChannelSecretValues;
}

export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One notification of one alert state change to one channel, queued until it is sent or given up. */
export interface Delivery {
  readonly id: string;
  readonly channelId: string;
  readonly alertId: string;
  readonly event: NotificationEvent;
  readonly idempotencyKey: string;
  /** As queued; the delivery job sets its absolute `url` and `sentAt` when sending. */
  readonly notification: Notification;
  readonly status: DeliveryStatus;
  /** Attempts made so far (a wait for the channel's rate limit is not an attempt). */
  readonly attempts: number;
  /** Epoch ms: not handed out before. */
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly sentAt: number | null;
}

export type NewDelivery = Pick<Delivery, 'channelId' | 'alertId' | 'event' | 'idempotencyKey' | 'notification' | 'createdAt'>;

/** An alert to write: `revision` is the one it was computed from, null for a new alert. */
export interface AlertWrite {
  readonly alert: Alert;
  readonly revision: number | null;
}

export interface AlertChanges {
  readonly alerts: readonly AlertWrite[];
  /** Written (inserted or replaced by id) with the alerts. */
  readonly incidents?: readonly Incident[];
  /** Queued with the alerts; one already queued with the same (channel, idempotency key) is left as it is. */
  readonly deliveries: readonly NewDelivery[];
}

/** How a claimed delivery ended. `attempted`: it was sent (and failed or succeeded), rather than given up unsent. */
export interface DeliveryOutcome {
  readonly status: 'sent' | 'dead';
  readonly at: number;
  readonly error: string | null;
  readonly attempted: boolean;
}

export interface AlertStore {
  // Rules
  /** Throws StoreConflictError('rule') when the model already has a rule of that name. */
  createRule(rule: NewAlertRule): Promise<AlertRule>;
  getRule(id: string): Promise<AlertRule | null>;
  /** In creation order. */
  listRules(filter?: AlertRuleFilter): Promise<AlertRule[]>;
  /** Replaces the rule (keeping its id and createdAt); null when there is none. Throws StoreConflictError('rule') for a taken name. */
  updateRule(id: string, rule: NewAlertRule): Promise<AlertRule | null>;
  /** False when there was none. The rule's alerts stay (their history). */
  deleteRule(id: string): Promise<boolean>;

  // Alerts and incidents
  getAlert(id: string): Promise<StoredAlert | null>;
  /** The newest alert (open or resolved) of a rule's series (see seriesKeyOf), for the next evaluation. */
  latestAlert(ruleId: string, seriesKey: string): Promise<StoredAlert | null>;
  listAlerts(filter: AlertFilter): Promise<AlertPage>;
  getIncident(id: string): Promise<Incident | null>;
  /** The open incident of a model's window, if any. */
  openIncident(modelId: string, windowId: string | null): Promise<Incident | null>;
  listIncidents(filter: IncidentFilter): Promise<IncidentPage>;
  /** See the module comment. Returns how many deliveries it queued. */
  applyAlertChanges(changes: AlertChanges): Promise<{ readonly deliveries: number }>;

  // Channels
  /** Throws StoreConflictError('channel') when the name is taken. */
  createChannel(channel: NewChannel): Promise<StoredChannel>;
  getChannel(name: string): Promise<StoredChannel | null>;
  getChannelById(id: string): Promise<StoredChannel | null>;
  /** By name. */
  listChannels(): Promise<StoredChannel[]>;
  /** Replaces the channel of that name (keeping its id, createdAt and name); null when there is none. */
  updateChannel(name: string, channel: NewChannel): Promise<StoredChannel | null>;
  /** Deletes the channel and gives up its pending deliveries (status dead, "channel deleted"). False when there was none. */
  deleteChannel(name: string): Promise<boolean>;

  // Deliveries (several nodes may call these concurrently)
  /** An alert's deliveries in the order they were queued. */
  listDeliveries(alertId: string): Promise<Delivery[]>;
  /** Deliveries not yet sent or given up (pending, due or not, claimed or not): the queue depth /metrics reports. */
  countPendingDeliveries(): Promise<number>;
  /**
   * Claims up to `limit` pending deliveries due at `now` (nextAttemptAt <= now) whose lease is free or expired, for
   * `leaseMs`, oldest due first. A delivery is not handed out while an earlier delivery of the same alert to the same
   * channel is pending, so a channel hears of an alert's changes in order.
   */
  claimDueDeliveries(now: number, limit: number, worker: string, leaseMs: number): Promise<Delivery[]>;
  /** Ends a claimed delivery (sent or dead; an error of null keeps the last one); false when `worker` no longer holds it. */
  completeDelivery(id: string, worker: string, outcome: DeliveryOutcome): Promise<boolean>;
  /** A failed attempt to retry at `nextAttemptAt`: attempts + 1, lastError, lease released. */
  rescheduleDelivery(id: string, worker: string, nextAttemptAt: number, error: string): Promise<boolean>;
  /** Puts a claimed delivery back unsent until `nextAttemptAt` (the channel's rate limit): not an attempt. */
  deferDelivery(id: string, worker: string, nextAttemptAt: number): Promise<boolean>;
}
