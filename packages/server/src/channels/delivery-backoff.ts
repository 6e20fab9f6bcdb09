/**
 * How long to wait before retrying a failed delivery: exponential backoff with full jitter (a uniform draw between 0
 * and min(max, base·2^(attempt−1))), so the deliveries queued for a channel that was down do not all return at the
 * same instant. https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */

export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** A uniform draw in [0, 1); Math.random by default, a seeded generator in tests. */
  readonly random?: () => number;
}

/**
 * The delay before the next try, `attempt` being the number of tries that failed so far (1 after the first). A
 * receiver's Retry-After is a floor the caller applies on top: `Math.max(outcome.retryAfterMs ?? 0, delay)`.
 *
 * @example
 * nextRetryDelayMs(1); // between 0 and 1000
 * nextRetryDelayMs(20, { maxMs: 300_000 }); // between 0 and 300000
 */
export function nextRetryDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 1000, maxMs = 300_000, random = Math.random } = options;
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`nextRetryDelayMs: attempt must be an integer ≥ 1, got ${attempt}`);
  if (!(baseMs > 0) || !(maxMs >= baseMs)) throw new RangeError(`nextRetryDelayMs: need 0 < baseMs ≤ maxMs, got ${baseMs} and ${maxMs}`);
  // 2^(attempt−1) overflows to Infinity for large attempts; min() still caps it.
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
