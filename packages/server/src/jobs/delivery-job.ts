/**
 * The delivery job: sends the notifications queued in the store. It claims due deliveries under a lease (so several
 * nodes share the queue and a crashed node's claims return), waits for each channel's rate limit (a delivery is
 * deferred, never dropped), sends, and records the outcome: sent; a retryable failure rescheduled with exponential
 * backoff and full jitter (at least the receiver's Retry-After); a permanent failure, or a notification older than
 * the maximum age, dead — listed on its alert with the last error.
 *
 * Exactly once per state change: a delivery row exists once per (channel, idempotency key) and is ended by the worker
 * holding it. The one window for a repeat is a crash between a receiver's 2xx and the commit that records it; the
 * repeat then carries the same idempotency key (header and payload), so receivers can drop it.
 */
import type { Delivery } from '../storage/alert-store.js';
import type { Store } from '../storage/store.js';
import { createChannelRateLimiter, nextRetryDelayMs, sendNotification } from '../channels/index.js';
import type { ChannelRateLimiter, LookupAll, OutboundPolicy, SendOutcome } from '../channels/index.js';
import { notificationUrl } from '../features/alerts/index.js';
import type { ServiceMetrics } from '../features/metrics/index.js';
import { createWakeableJob } from './wakeable-job.js';
import type { WakeableJob } from './wakeable-job.js';

export interface DeliveryJobDeps {
  readonly store: Store;
  /** Epoch ms: due times, backoff, the maximum age, the signature's timestamp. */
  readonly clock: () => number;
  /** Identifies this node in claims. */
  readonly workerId: string;
  readonly policy: OutboundPolicy;
  /** The service's public address: the dashboard link of each notification is made absolute with it. */
  readonly publicUrl: () => string;
  /** A delivery not sent by this age (from its queueing) is given up. */
  readonly maxAgeMs: number;
  /** How long a claim holds; longer than a send can take (its timeout). */
  readonly leaseMs: number;
  /** How often to look for due deliveries when not woken (retries coming due, other nodes' queue). */
  readonly pollMs: number;
  /** Deliveries claimed per round. Default 50. */
  readonly batch?: number;
  readonly log: { error(obj: object, msg: string): void; warn?(obj: object, msg: string): void };
  /** The backoff's uniform draw; Math.random by default, a seeded generator in tests. */
  readonly random?: () => number;
  /** One send's time limit (default: the senders' 10 s). */
  readonly sendTimeoutMs?: number;
  readonly lookup?: LookupAll;
  readonly limiter?: ChannelRateLimiter;
  /** Counts each claimed delivery's outcome by channel kind (bothub_alert_deliveries_total). */
  readonly metrics?: Pick<ServiceMetrics, 'countDelivery'>;
}

/** `wake` when notifications were queued; `runOnce` sends everything due now and resolves with how many it sent; `stop` lets the sends in progress finish (or time out). */
export type DeliveryJob = WakeableJob<number>;

const DEFAULT_BATCH = 50;
/** What became of a claimed delivery: ended (sent or dead), or waiting (a retry, the rate limit). */
type Fate = 'sent' | 'dead' | 'waiting';
const HOUR_MS = 3_600_000;

/**
 * @example
 * const deliveries = createDeliveryJob({ store, clock: Date.now, workerId: 'node-1', policy: { allowPrivate: [] }, publicUrl: () => 'https://bothub.example.com', maxAgeMs: 24 * 3_600_000, leaseMs: 60_000, pollMs: 1000, log });
 * deliveries.start();
 */
export function createDeliveryJob(deps: DeliveryJobDeps): DeliveryJob {
  const { store } = deps;
  const batch = deps.batch ?? DEFAULT_BATCH;
  const limiter = deps.limiter ?? createChannelRateLimiter();
  function giveUp(delivery: Delivery, error: string, attempted: boolean): Promise<boolean> {
    deps.log.warn?.({ delivery: delivery.id, alert: delivery.alertId, channel: delivery.channelId, error }, 'notification given up');
    return store.alerts.completeDelivery(delivery.id, deps.workerId, { status: 'dead', at: deps.clock(), error, attempted });
  }

  /** Records a send's outcome: sent, rescheduled, or given up. */
  async function settle(delivery: Delivery, kind: string, outcome: SendOutcome): Promise<Fate> {
    if (outcome.ok) {
      await store.alerts.completeDelivery(delivery.id, deps.workerId, { status: 'sent', at: deps.clock(), error: null, attempted: true });
      deps.metrics?.countDelivery(kind, 'sent');
      return 'sent';
    }
    const attempts = delivery.attempts + 1;
    const delay = Math.max(outcome.retryAfterMs ?? 0, nextRetryDelayMs(attempts, deps.random === undefined ? {} : { random: deps.random }));
    const next = deps.clock() + delay;
    if (!outcome.retryable || next - delivery.createdAt >= deps.maxAgeMs) {
      await giveUp(delivery, outcome.retryable ? `not delivered within ${deps.maxAgeMs / HOUR_MS} hours (${attempts} attempts); last error: ${outcome.error}` : outcome.error, true);
      deps.metrics?.countDelivery(kind, 'dead');
      return 'dead';
    }
    await store.alerts.rescheduleDelivery(delivery.id, deps.workerId, next, outcome.error);
    deps.metrics?.countDelivery(kind, 'retry');
    return 'waiting';
  }

  /** Sends one claimed delivery and records what happened. */
  async function deliver(delivery: Delivery): Promise<Fate> {
    const now = deps.clock();
    const stored = await store.alerts.getChannelById(delivery.channelId);
    const unsendable =
      stored === null
        ? 'channel deleted'
        : !stored.channel.enabled
          ? 'channel disabled'
          : now - delivery.createdAt >= deps.maxAgeMs
            ? `not delivered within ${deps.maxAgeMs / HOUR_MS} hours; last error: ${delivery.lastError ?? 'none'}`
            : null;
    if (stored === null || unsendable !== null) {
      await giveUp(delivery, unsendable ?? 'channel deleted', false);
      deps.metrics?.countDelivery(stored?.channel.kind ?? 'unknown', 'dead');
      return 'dead';
    }
    const { channel, secrets } = stored;
    const rate = limiter.take(channel.id, channel.rateLimitPerMinute, now);
    if (!rate.ok) {
      await store.alerts.deferDelivery(delivery.id, deps.workerId, now + rate.waitMs);
      deps.metrics?.countDelivery(channel.kind, 'deferred');
      return 'waiting';
    }
    const notification = { ...delivery.notification, url: notificationUrl(deps.publicUrl(), delivery.notification.url), sentAt: now };
    const outcome = await sendNotification(channel, { secret: secrets.secret ?? undefined, smtpPassword: secrets.smtpPassword ?? undefined }, notification, {
      policy: deps.policy,
      now: deps.clock,
      ...(deps.sendTimeoutMs === undefined ? {} : { timeoutMs: deps.sendTimeoutMs }),
      ...(deps.lookup === undefined ? {} : { lookup: deps.lookup }),
    });
    return settle(delivery, channel.kind, outcome);
  }

  /** A channel's deliveries one after another (in the order claimed); channels side by side. */
  async function deliverAll(deliveries: readonly Delivery[]): Promise<Fate[]> {
    const byChannel = new Map<string, Delivery[]>();
    for (const d of deliveries) byChannel.set(d.channelId, [...(byChannel.get(d.channelId) ?? []), d]);
    const fates = await Promise.all(
      [...byChannel.values()].map(async (queue) => {
        const ended: Fate[] = [];
        for (const delivery of queue) {
          try {
            ended.push(await deliver(delivery));
          } catch (error) {
            // The lease lapses and the delivery is claimed again; one failure must not stop the others.
            deps.log.error({ err: error, delivery: delivery.id }, 'delivery failed');
            ended.push('waiting');
          }
        }
        return ended;
      }),
    );
    return fates.flat();
  }

  async function round(stopping: () => boolean): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await store.alerts.claimDueDeliveries(deps.clock(), batch, deps.workerId, deps.leaseMs);
      if (claimed.length === 0) break;
      const fates = await deliverAll(claimed);
      sent += fates.filter((fate) => fate === 'sent').length;
      // A full batch may have left more due; an ended delivery may have freed the next change of its alert.
      if ((claimed.length < batch && fates.every((fate) => fate === 'waiting')) || stopping()) break;
    }
    return sent;
  }

  return createWakeableJob({ run: round, pollMs: deps.pollMs, onError: (error) => deps.log.error({ err: error }, 'delivery round failed') });
}
