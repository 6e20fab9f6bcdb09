/**
 * The schedule shared by the service's background jobs: a run after a first delay, then one every interval measured
 * from the end of the previous run, at most one run at a time, and a stop that lets the run in progress finish its
 * current step.
 */

export interface PeriodicJob<T> {
  /** Schedules the first run after `firstRunDelayMs`, then one every `intervalMs`. */
  start(): void;
  /** Cancels the next run and waits for the one in progress, telling it to stop early through `stopping()`. */
  stop(): Promise<void>;
  /** One run now (joining the run in progress, if any). */
  runOnce(): Promise<T>;
}

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
 * @example
 * const job = createPeriodicJob({ run: () => store.closeTimeWindows(Date.now(), 1000), intervalMs: 1000, firstRunDelayMs: 0, onError: (err) => log.error({ err }, 'failed') });
 * job.start();
 * await job.stop();
 */
export function createPeriodicJob<T>(options: PeriodicJobOptions<T>): PeriodicJob<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<T> | undefined;
  let stopped = true;
  let stopping = false;
  const isStopping = (): boolean => stopping;

  function runOnce(): Promise<T> {
    running ??= options.run(isStopping).finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      runOnce()
        .catch(options.onError)
        .finally(() => schedule(options.intervalMs));
    }, delay);
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(options.firstRunDelayMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      stopping = true;
      try {
        await running?.catch(() => undefined);
      } finally {
        stopping = false;
      }
    },
    runOnce,
  };
}
