/**
 * The time-window closer: on every node, periodically turns the open time windows whose end plus lateness has passed
 * into `pending` windows (Store.closeTimeWindows) and wakes the window evaluator. The store closes each window once
 * whatever the nodes calling it, so this job needs no leader.
 */
import type { Store } from '../storage/store.js';
import { createPeriodicJob } from './periodic-job.js';
import type { PeriodicJob } from './periodic-job.js';

/** Windows closed per transaction: bounds how long one close holds SQLite's write lock. */
const DEFAULT_BATCH = 1000;

export interface TimeWindowCloserDeps {
  readonly store: Pick<Store, 'closeTimeWindows'>;
  /** Epoch milliseconds: a window closes once this passes its end plus its model's lateness. */
  readonly clock: () => number;
  /** Time between the end of one round and the start of the next; the first round runs at start. */
  readonly intervalMs: number;
  /** Most windows closed per transaction (default 1,000). */
  readonly batch?: number;
  readonly log: { error(obj: object, msg: string): void };
  /** Told after a round that closed windows, with how many: the evaluator's `wake`. */
  readonly onClosed?: (count: number) => void;
}

/** `runOnce` closes every window due at `clock()` and resolves with how many; a round stopped early ends after its current batch. */
export type TimeWindowCloser = PeriodicJob<number>;

/**
 * @example
 * const closer = createTimeWindowCloser({ store, clock: Date.now, intervalMs: 1000, log, onClosed: () => evaluator.wake() });
 * closer.start();
 * // … at shutdown
 * await closer.stop();
 */
export function createTimeWindowCloser(deps: TimeWindowCloserDeps): TimeWindowCloser {
  const batch = deps.batch ?? DEFAULT_BATCH;

  async function round(stopping: () => boolean): Promise<number> {
    const now = deps.clock();
    let total = 0;
    for (;;) {
      const closed = await deps.store.closeTimeWindows(now, batch);
      total += closed;
      if (closed < batch || stopping()) break;
      // Let requests in between two transactions.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (total > 0) deps.onClosed?.(total);
    return total;
  }

  return createPeriodicJob({
    run: round,
    intervalMs: deps.intervalMs,
    firstRunDelayMs: 0,
    onError: (error) => deps.log.error({ err: error }, 'closing time windows failed'),
  });
}
