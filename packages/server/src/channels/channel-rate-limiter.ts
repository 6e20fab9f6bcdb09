/**
 * A token bucket per channel: a channel may send `perMinute` deliveries in a burst, then one every 60/perMinute
 * seconds, so an outage that queued hundreds of alerts drains at a steady pace instead of as a storm. The clock comes
 * in with each call. A delivery refused here waits in the queue; nothing is dropped.
 */

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly waitMs: number };

export interface ChannelRateLimiter {
  /** Takes a token for one delivery, or says how long until one is free. */
  take(channelId: string, perMinute: number, now: number): RateDecision;
  /** Forgets a channel (deleted, or its limit reset). */
  forget(channelId: string): void;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MINUTE_MS = 60_000;

/**
 * @example
 * const limiter = createChannelRateLimiter();
 * const decision = limiter.take(channel.id, channel.rateLimitPerMinute, Date.now());
 * if (!decision.ok) deferDelivery(decision.waitMs);
 */
export function createChannelRateLimiter(): ChannelRateLimiter {
  const buckets = new Map<string, Bucket>();
  return {
    take(channelId, perMinute, now) {
      if (!(perMinute > 0)) throw new RangeError(`ChannelRateLimiter.take: perMinute must be > 0, got ${perMinute}`);
      const bucket = buckets.get(channelId) ?? { tokens: perMinute, updatedAt: now };
      // A clock that steps back refills nothing; a lowered limit caps the tokens at once.
      const elapsed = Math.max(0, now - bucket.updatedAt);
      bucket.tokens = Math.min(perMinute, bucket.tokens + (elapsed * perMinute) / MINUTE_MS);
      bucket.updatedAt = Math.max(bucket.updatedAt, now);
      buckets.set(channelId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, waitMs: Math.ceil(((1 - bucket.tokens) * MINUTE_MS) / perMinute) };
    },
    forget(channelId) {
      buckets.delete(channelId);
    },
  };
}
