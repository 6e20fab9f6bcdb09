import { afterEach, describe, expect, it } from 'vitest';
import { createServiceMetrics } from '../features/metrics/index.js';
import { createTestApp, TEST_NOW } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';
import { createEvaluationWorkerPool } from './evaluation-worker-pool.js';
import type { EvaluateWindowFn } from './evaluate-in-process.js';
import { createWindowEvaluator } from './window-evaluator.js';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.app.close();
});

/** Registers a model with a reference, ingests two windows of 200 (the second drifted), runs the job, returns the points. */
async function evaluateTwoWindows(evaluate?: EvaluateWindowFn): Promise<unknown[]> {
  const t = await createTestApp({ limits: { bodyBytes: 1_000_000, batchRecords: 1000 } });
  opened.push(t);
  const { app, store } = t;
  const model = { name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }, { name: 'plan', type: 'categorical' }], prediction: { type: 'numerical' }, window: { kind: 'count', size: 200 } };
  expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: model })).statusCode).toBe(201);
  expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } })).statusCode).toBe(201);
  const row = (i: number, shift: number): object => ({ features: { age: 20 + ((i * 7) % 40) + shift, plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2 });
  expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: Array.from({ length: 400 }, (_, i) => row(i, 0)) } })).statusCode).toBe(200);
  const records = [
    ...Array.from({ length: 200 }, (_, i) => ({ id: `same-${i}`, timestamp: TEST_NOW - 7_200_000, ...row(i, 0) })),
    ...Array.from({ length: 200 }, (_, i) => ({ id: `drift-${i}`, timestamp: TEST_NOW - 3_600_000, ...row(i, 40) })),
  ];
  expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } })).json()).toMatchObject({ accepted: 400 });
  const errors: unknown[] = [];
  const evaluator = createWindowEvaluator({
    store, clock: () => TEST_NOW, workerId: 'test', seed: 42, concurrency: 4, leaseMs: 60_000, pollMs: 60_000,
    log: { error: (obj) => errors.push(obj) }, ...(evaluate ? { evaluate } : {}),
  });
  expect(await evaluator.runOnce()).toBe(2);
  expect(errors).toEqual([]);
  const series = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?feature=age' })).json<{ points: { time: number; metric: string; value: number | null; status: string }[] }>().points;
  return series.map((p) => [p.time, p.metric, p.value, p.status]);
}

describe('createWindowEvaluator', () => {
  it('evaluates through the injected evaluate (a worker pool) with the points of the in-process default', async () => {
    const pool = createEvaluationWorkerPool();
    try {
      const inWorker = await evaluateTwoWindows(pool.evaluate);
      expect(inWorker.length).toBeGreaterThan(0);
      expect(inWorker).toEqual(await evaluateTwoWindows());
    } finally {
      await pool.close();
    }
  });
});

describe('createWindowEvaluator and model changes', () => {
  it('evaluates the next window with the settings a PATCH gave the model, and ingestion closes windows at the new size', async () => {
    const t = await createTestApp({ limits: { bodyBytes: 1_000_000, batchRecords: 1000 } });
    opened.push(t);
    const { app, store } = t;
    const model = { name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }, { name: 'plan', type: 'categorical' }], prediction: { type: 'numerical' }, window: { kind: 'count', size: 200 }, monitors: { anomalies: false } };
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: model })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } })).statusCode).toBe(201);
    const row = (i: number): object => ({ features: { age: 20 + ((i * 7) % 40), plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2 });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: Array.from({ length: 400 }, (_, i) => row(i)) } })).statusCode).toBe(200);
    const ingest = async (prefix: string): Promise<void> => {
      const records = Array.from({ length: 200 }, (_, i) => ({ id: `${prefix}-${i}`, timestamp: TEST_NOW, ...row(i) }));
      expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } })).json()).toMatchObject({ accepted: 200 });
    };
    const metrics = createServiceMetrics({ processMetrics: false });
    const evaluator = createWindowEvaluator({ store, clock: () => TEST_NOW, workerId: 'test', seed: 42, concurrency: 1, leaseMs: 60_000, pollMs: 60_000, log: { error: (obj) => expect.fail(JSON.stringify(obj)) }, metrics });
    const anomalyWindows = async (): Promise<string[]> => {
      const { points } = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=anomaly.share' })).json<{ points: { windowId: string }[] }>();
      return [...new Set(points.map((point) => point.windowId))];
    };

    await ingest('before');
    expect(await evaluator.runOnce()).toBe(1);
    expect(await anomalyWindows()).toEqual([]);

    const patched = await app.inject({ method: 'PATCH', url: '/api/v1/models/churn', payload: { monitors: { anomalies: true }, window: { kind: 'count', size: 100 } } });
    expect(patched.statusCode).toBe(200);
    await ingest('after');
    // The evaluator has read the model before (its first round): it must not keep those settings.
    expect(await evaluator.runOnce()).toBe(2);
    expect(await anomalyWindows()).toHaveLength(2);
    const { windows } = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/windows' })).json<{ windows: { count: number }[] }>();
    expect(windows.map((window) => window.count)).toEqual([100, 100, 200]);
    const durations = await metrics.registry.getSingleMetricAsString('bothub_window_evaluation_duration_seconds');
    expect(durations).toContain('bothub_window_evaluation_duration_seconds_count{outcome="evaluated"} 3');
    expect(Number(/_sum\{outcome="evaluated"\} (\S+)/.exec(durations)?.[1])).toBeGreaterThan(0);
  });
});
