import { describe, expect, it } from 'vitest';
import { createChannelRateLimiter } from './channel-rate-limiter.js';

const T0 = Date.UTC(2026, 0, 1);

describe('createChannelRateLimiter', () => {
  it('lets a burst of perMinute through, then one every 60/perMinute seconds', () => {
    const limiter = createChannelRateLimiter();
    for (let i = 0; i < 3; i += 1) expect(limiter.take('c1', 3, T0)).toEqual({ ok: true });
    expect(limiter.take('c1', 3, T0)).toEqual({ ok: false, waitMs: 20_000 });
    expect(limiter.take('c1', 3, T0 + 19_999)).toEqual({ ok: false, waitMs: 1 });
    expect(limiter.take('c1', 3, T0 + 20_000)).toEqual({ ok: true });
    expect(limiter.take('c1', 3, T0 + 20_000)).toEqual({ ok: false, waitMs: 20_000 });
  });

  it('keeps a bucket per channel', () => {
    const limiter = createChannelRateLimiter();
    expect(limiter.take('a', 1, T0)).toEqual({ ok: true });
    expect(limiter.take('a', 1, T0).ok).toBe(false);
    expect(limiter.take('b', 1, T0)).toEqual({ ok: true });
  });

  it('sends at most perMinute + the refill over any stretch (no storm after an outage)', () => {
    const limiter = createChannelRateLimiter();
    let sent = 0;
    for (let t = 0; t <= 10 * 60_000; t += 100) if (limiter.take('c', 30, T0 + t).ok) sent += 1;
    // 30 at once, then 30 a minute for 10 minutes
    expect(sent).toBe(30 + 300);
  });

  it('does not refill when the clock steps back, and caps tokens when the limit is lowered', () => {
    const limiter = createChannelRateLimiter();
    expect(limiter.take('c', 2, T0).ok).toBe(true);
    expect(limiter.take('c', 2, T0).ok).toBe(true);
    expect(limiter.take('c', 2, T0 - 60_000).ok).toBe(false);
    const lowered = createChannelRateLimiter();
    expect(lowered.take('c', 60, T0).ok).toBe(true);
    // 59 tokens left, capped at the new capacity of 1
    expect(lowered.take('c', 1, T0).ok).toBe(true);
    expect(lowered.take('c', 1, T0).ok).toBe(false);
  });

  it('forgets a channel', () => {
    const limiter = createChannelRateLimiter();
    expect(limiter.take('c', 1, T0).ok).toBe(true);
    limiter.forget('c');
    expect(limiter.take('c', 1, T0).ok).toBe(true);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => createChannelRateLimiter().take('c', 0, T0)).toThrow(RangeError);
  });
});
