/**
 * The schedule of the service's background jobs: a first run `firstRunDelayMs` after start, then one every `pollMs`
 * measured from the end of the previous run, or at once when woken (a batch closed windows, an alert queued
 * notifications); at most one run at a time; a stop that lets the run in progress finish its current step. A job
 * that is never woken is a plain periodic job (periodic-job.ts).
 */

export interface WakeableJob<T> {
  /** There is work: run now (or right after the run in progress). */
  wake(): void;
  start(): void;
  /** Stops scheduling and waits for the run in progress, telling it to stop early through `stopping()`. */
  stop(): Promise<void>;
  /** One run now (joining the run in progress, if any); works whether or not the job is started. */
  runOnce(): Promise<T>;
}

export interface WakeableJobOptions<T> {
  /** One run; `stopping()` turns true while `stop()` waits, so a long run can end after its current step. */
  readonly run: (stopping: () => boolean) => Promise<T>;
  /** Time between the end of one run and the start of the next, when not woken. */
  readonly pollMs: number;
  /** Delay of the first run after start; default 0. */
  readonly firstRunDelayMs?: number;
  /** Told when a scheduled run fails; the schedule goes on. */
  readonly onError: (error: unknown) => void;
}

/**
 * @example
 * const job = createWakeableJob({ run: () => sendDueNotifications(), pollMs: 1000, onError: (err) => log.error({ err }, 'failed') });
 * job.start();
 * job.wake(); // after queueing work
 * await job.stop();
 */
export function createWakeableJob<T>(options: WakeableJobOptions<T>): WakeableJob<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<T> | undefined;
  let wanted = false;
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
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      wanted = false;
      runOnce()
        .catch(options.onError)
        .finally(() => schedule(wanted ? 0 : options.pollMs));
    }, delay);
  }

  return {
    wake() {
      wanted = true;
      if (!running) schedule(0);
    },
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(options.firstRunDelayMs ?? 0);
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
