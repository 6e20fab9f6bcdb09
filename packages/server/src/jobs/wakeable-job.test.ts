import { describe, expect, it } from 'vitest';
import { createWakeableJob } from './wakeable-job.js';

/** A run that waits until the test lets it finish. */
function gatedRuns() {
  const started: (() => void)[] = [];
  let count = 0;
  const run = (stopping: () => boolean): Promise<{ run: number; stopping: boolean }> =>
    new Promise((resolve) => {
      const n = ++count;
      started.push(() => resolve({ run: n, stopping: stopping() }));
    });
  return { run, started, count: () => count };
}

describe('createWakeableJob', () => {
  it('joins the run in progress, runs without being started, and tells a run that stop() waits for it', async () => {
    const runs = gatedRuns();
    const job = createWakeableJob({ run: runs.run, pollMs: 60_000, onError: () => undefined });
    const first = job.runOnce();
    expect(job.runOnce()).toBe(first);
    runs.started[0]!();
    expect(await first).toEqual({ run: 1, stopping: false });

    const second = job.runOnce();
    const stopped = job.stop();
    runs.started[1]!();
    expect(await second).toEqual({ run: 2, stopping: true });
    await stopped;
    // Stopped: a wake schedules nothing.
    job.wake();
    expect(runs.count()).toBe(2);
  });
});
