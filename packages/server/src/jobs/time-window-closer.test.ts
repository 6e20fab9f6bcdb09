import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, TEST_NOW } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { createTimeWindowCloser } from './time-window-closer.js';
import type { TimeWindowCloserDeps } from './time-window-closer.js';
import { createWindowEvaluator } from './window-evaluator.js';

const HOUR = 3_600_000;

const opened: TestApp[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const t of opened.splice(0)) await t.app.close();
});

/** A store whose `closeTimeWindows` answers with `answer(call number from 1, now)`. */
function fakeStore(answer: (call: number, now: number) => Promise<number>): TimeWindowCloserDeps['store'] {
  let calls = 0;
  return { closeTimeWindows: (now) => answer(++calls, now) };
}

const failOnError: TimeWindowCloserDeps['log'] = {
  error: (obj) => {
    throw new Error(`unexpected error log: ${JSON.stringify(obj)}`);
  },
};

describe('createTimeWindowCloser', () => {
  it('ingestion → closer on a fake clock → evaluator: hourly metric points at the hours\' ends, re-evaluated after a late record', async () => {
    const t = await createTestApp({ limits: { bodyBytes: 1_000_000, batchRecords: 1000 } });
    opened.push(t);
    const { app, store } = t;
    const model = {
      name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }, { name: 'plan', type: 'categorical' }], prediction: { type: 'numerical' },
      segmentFields: ['plan'], window: { kind: 'time', size: 3600, lateness: 60 },
    };
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: model })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } })).statusCode).toBe(201);
    const row = (i: number, shift: number): { features: object; prediction: number } => ({ features: { age: 20 + ((i * 7) % 40) + shift, plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2 });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: Array.from({ length: 400 }, (_, i) => row(i, 0)) } })).statusCode).toBe(200);
    // Hour A holds data like the reference, hour B drifted data; the hour between them gets nothing.
    const hourA = TEST_NOW - 4 * HOUR;
    const hourB = TEST_NOW - 2 * HOUR;
    const records = [
      ...Array.from({ length: 200 }, (_, i) => ({ id: `a-${i}`, timestamp: hourA + i * 10_000, ...row(i, 0) })),
      ...Array.from({ length: 200 }, (_, i) => ({ id: `b-${i}`, timestamp: hourB + i * 10_000, ...row(i, 40) })),
    ];
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } })).json()).toMatchObject({ accepted: 400 });

    let now = hourA + HOUR + 59_999;
    const wakes: number[] = [];
    const closer = createTimeWindowCloser({ store, clock: () => now, intervalMs: 1000, batch: 2, log: failOnError, onClosed: (count) => wakes.push(count) });
    const errors: unknown[] = [];
    const evaluator = createWindowEvaluator({ store, clock: () => now, workerId: 'test', seed: 42, concurrency: 4, leaseMs: 60_000, pollMs: 60_000, log: { error: (obj) => errors.push(obj), debug: () => undefined } });

    expect(await closer.runOnce()).toBe(0);
    now += 1;
    // Hour A for all segments, for plan=pro and for plan=basic: two transactions of two windows at most.
    expect(await closer.runOnce()).toBe(3);
    expect(wakes).toEqual([3]);
    expect(await evaluator.runOnce()).toBe(3);
    now = TEST_NOW;
    expect(await closer.runOnce()).toBe(3);
    expect(await evaluator.runOnce()).toBe(3);
    expect(errors).toEqual([]);

    type Point = { time: number; windowId: string; value: number | null; status: string };
    const series = async (query: string): Promise<Point[]> => (await app.inject({ method: 'GET', url: `/api/v1/models/churn/metrics?metric=drift.statistic&feature=age${query}` })).json<{ points: Point[] }>().points;
    const all = await series('');
    expect(all.map((p) => p.time)).toEqual([hourA + HOUR, hourB + HOUR]);
    expect(all[1]!.value!).toBeGreaterThan(all[0]!.value!);
    expect((await series('&segment=plan%3Dpro')).map((p) => p.time)).toEqual([hourA + HOUR, hourB + HOUR]);
    const { windows } = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/windows' })).json<{ windows: { id: string; kind: string; startTime: number; endTime: number; count: number; status: string }[] }>();
    expect(windows.find((w) => w.id === all[0]!.windowId)).toMatchObject({ kind: 'time', startTime: hourA, endTime: hourA + HOUR, count: 200, status: 'evaluated' });

    // A record for hour A, an hour and more late: accepted, its windows re-evaluated, the points replaced.
    const late = { id: 'late', timestamp: hourA + 1, ...row(3, 0) };
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [late] } })).json()).toMatchObject({ accepted: 1 });
    expect(await closer.runOnce()).toBe(0);
    expect(await evaluator.runOnce()).toBe(2);
    const after = await series('');
    expect(after.map((p) => p.time)).toEqual([hourA + HOUR, hourB + HOUR]);
    const window = (await app.inject({ method: 'GET', url: `/api/v1/models/churn/windows/${after[0]!.windowId}` })).json<{ window: { count: number; status: string } }>();
    expect(window.window).toMatchObject({ count: 201, status: 'evaluated' });
  });

  it('runs a round at start and then every interval until stopped', async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    let now = 1000;
    const closer = createTimeWindowCloser({
      store: fakeStore((_, at) => {
        calls.push(at);
        return Promise.resolve(0);
      }),
      clock: () => now,
      intervalMs: 5000,
      log: failOnError,
    });
    closer.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([1000]);
    now = 6000;
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toEqual([1000]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([1000, 6000]);
    await closer.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([1000, 6000]);
  });

  it('logs a failed round and keeps going', async () => {
    vi.useFakeTimers();
    const errors: object[] = [];
    let attempts = 0;
    const closer = createTimeWindowCloser({
      store: fakeStore((call) => {
        attempts = call;
        return call === 1 ? Promise.reject(new Error('database restarting')) : Promise.resolve(1);
      }),
      clock: () => 0,
      intervalMs: 1000,
      log: { error: (obj) => errors.push(obj) },
    });
    closer.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(attempts).toBe(2);
    expect(errors).toHaveLength(1);
    await closer.stop();
  });
});
