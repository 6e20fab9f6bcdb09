import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeriodicJob } from './periodic-job.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('createPeriodicJob', () => {
  it('joins a run in progress, and stop waits for it while telling it to stop', async () => {
    let release: () => void = () => undefined;
    const seen: boolean[] = [];
    const job = createPeriodicJob({
      run: async (stopping) => {
        seen.push(stopping());
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        seen.push(stopping());
        return seen.length;
      },
      intervalMs: 1000,
      firstRunDelayMs: 0,
      onError: (error) => {
        throw error;
      },
    });
    const first = job.runOnce();
    expect(job.runOnce()).toBe(first);
    const stopped = job.stop();
    release();
    await stopped;
    expect(await first).toBe(2);
    expect(seen).toEqual([false, true]);
  });

  it('waits the first delay, then the interval after each run ends', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const job = createPeriodicJob({ run: () => Promise.resolve(++runs), intervalMs: 100, firstRunDelayMs: 50, onError: () => undefined });
    job.start();
    job.start();
    await vi.advanceTimersByTimeAsync(49);
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    await job.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
  });
});
