/**
 * The schedule shared by the service's background jobs: a run after a first delay, then one every interval measured
 * from the end of the previous run, at most one run at a time, and a stop that lets the run in progress finish its
 * current step.
 */
import { createWakeableJob } from './wakeable-job.js';
import type { WakeableJob } from './wakeable-job.js';

/** `start` schedules the first run after `firstRunDelayMs`, then one every `intervalMs`; `stop` and `runOnce` as a wakeable job's. */
export type PeriodicJob<T> = Omit<WakeableJob<T>, 'wake'>;

export interface PeriodicJobOptions<T> {
  /** One run; `stopping()` turns true while `stop()` waits, so a long run can end after its current step. */
  readonly run: (stopping: () => boolean) => Promise<T>;
  /** Time between the end of one run and the start of the next. */
  readonly intervalMs: number;
  readonly firstRunDelayMs: number;
  /** Told when a scheduled run fails; the schedule goes on. */
  readonly onError: (error: unknown) => void;
}

/**
 * A wakeable job that nobody wakes (see wakeable-job.ts).
 *
 * @example
 * const job = createPeriodicJob({ run: () => store.closeTimeWindows(Date.now(), 1000), intervalMs: 1000, firstRunDelayMs: 0, onError: (err) => log.error({ err }, 'failed') });
 * job.start();
 * await job.stop();
 */
export function createPeriodicJob<T>(options: PeriodicJobOptions<T>): PeriodicJob<T> {
  return createWakeableJob({ run: options.run, pollMs: options.intervalMs, firstRunDelayMs: options.firstRunDelayMs, onError: options.onError });
}
