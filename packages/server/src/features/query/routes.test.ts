import type { MetricPoint, Window } from '@bothub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

let current: TestApp | undefined;
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

const MODEL = {
  name: 'churn',
  task: 'binary_classification',
  features: [{ name: 'age', type: 'numerical' }],
  prediction: { type: 'numerical' },
  window: { kind: 'count', size: 3 },
};

/** A model with three evaluated windows of three records; each window has drift points for `age` (one per window) and a per-segment point. */
async function start(): Promise<TestApp & { windows: Window[] }> {
  const started = await createTestApp();
  current = started;
  const { app, store } = started;
  await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
  await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } });
  const records = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, timestamp: TEST_NOW - 10_000 + i * 1000, features: { age: 30 + i }, prediction: i % 2 }));
  const ingested = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } });
  expect(ingested.json()).toMatchObject({ accepted: 9 });
  const claimed = await store.claimPendingWindows(10, 'test', 60_000);
  expect(claimed).toHaveLength(3);
  const statuses = ['ok', 'warning', 'critical'] as const;
  for (const [index, window] of [...claimed].sort((a, b) => a.startSeq - b.startSeq).entries()) {
    const base = { modelId: window.modelId, versionId: window.versionId, windowId: window.id, time: window.endTime, pValue: null, threshold: 0.1 };
    const points: MetricPoint[] = [
      { ...base, segment: null, metric: 'drift.statistic', feature: 'age', value: index / 10, status: statuses[index]! },
      { ...base, segment: null, metric: 'quality.missing_share', feature: 'age', value: 0, status: 'ok' },
      { ...base, segment: 'plan=pro', metric: 'drift.statistic', feature: 'age', value: 0.5, status: 'critical' },
    ];
    expect(await store.completeWindow(window.id, 'test', { points, results: { window: index }, labelled: 0 })).toBe(true);
  }
  return { ...started, windows: claimed };
}

interface Page {
  windows: Window[];
  next: string | null;
}

describe('query routes', () => {
  it('lists windows newest first, paginated with next', async () => {
    const { app } = await start();
    const first = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/windows?limit=2' })).json<Page>();
    expect(first.windows).toHaveLength(2);
    expect(first.windows[0]!.endSeq).toBeGreaterThan(first.windows[1]!.endSeq);
    expect(first.next).not.toBeNull();
    const second = (await app.inject({ method: 'GET', url: `/api/v1/models/churn/windows?limit=2&before=${encodeURIComponent(first.next!)}` })).json<Page>();
    expect(second.windows).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(second.windows[0]!.endSeq).toBeLessThan(first.windows[1]!.endSeq);
    expect(second.windows[0]).toMatchObject({ kind: 'count', count: 3, status: 'evaluated', segment: null });
    const all = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/windows' })).json<Page>();
    expect(all.windows).toHaveLength(3);
  });

  it('checks the windows query: limit bounds and types, unknown model', async () => {
    const { app } = await start();
    for (const query of ['limit=0', 'limit=501', 'limit=two']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/models/churn/windows?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ error: { code: 'validation_failed', details: { in: 'querystring', field: 'limit' } } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/nope/windows' })).json()).toMatchObject({ error: { code: 'model_not_found' } });
  });

  it('gets one window with its results and points; an unknown window is 404', async () => {
    const { app, windows } = await start();
    const window = windows[0]!;
    const response = await app.inject({ method: 'GET', url: `/api/v1/models/churn/windows/${encodeURIComponent(window.id)}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ window: Window; results: unknown; points: MetricPoint[] }>();
    expect(body.window.id).toBe(window.id);
    expect(body.results).toEqual({ window: expect.any(Number) as number });
    expect(body.points).toHaveLength(3);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/models/churn/windows/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'window_not_found' } });
  });

  it('answers a metric time series, the all-segments series by default', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=drift.statistic&feature=age' });
    expect(response.statusCode).toBe(200);
    const points = response.json<{ points: MetricPoint[] }>().points;
    expect(points.map((p) => p.value)).toEqual([0, 0.1, 0.2]);
    expect(points.every((p) => p.segment === null)).toBe(true);
    const segment = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=drift.statistic&segment=plan%3Dpro' })).json<{ points: MetricPoint[] }>().points;
    expect(segment.map((p) => p.segment)).toEqual(['plan=pro', 'plan=pro', 'plan=pro']);
    const every = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=drift.statistic&segment=*' })).json<{ points: MetricPoint[] }>().points;
    expect(every).toHaveLength(6);
    const limited = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=drift.statistic&limit=2' })).json<{ points: MetricPoint[] }>().points;
    expect(limited).toHaveLength(2);
  });

  it('filters metrics by time (epoch ms or ISO 8601) and version (name or alias)', async () => {
    const { app, windows } = await start();
    const times = windows.map((w) => w.endTime).sort((a, b) => a - b);
    const from = (await app.inject({ method: 'GET', url: `/api/v1/models/churn/metrics?metric=drift.statistic&from=${times[1]!}` })).json<{ points: MetricPoint[] }>().points;
    expect(from.map((p) => p.time)).toEqual([times[1], times[2]]);
    const to = (await app.inject({ method: 'GET', url: `/api/v1/models/churn/metrics?metric=drift.statistic&to=${new Date(times[0]!).toISOString()}` })).json<{ points: MetricPoint[] }>().points;
    expect(to.map((p) => p.time)).toEqual([times[0]]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=drift.statistic&version=production' })).json<{ points: MetricPoint[] }>().points).toHaveLength(3);
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?metric=drift.statistic&version=1' })).json<{ points: MetricPoint[] }>().points).toHaveLength(3);
    const unknownVersion = await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?version=7' });
    expect(unknownVersion.statusCode).toBe(404);
    expect(unknownVersion.json()).toMatchObject({ error: { code: 'version_not_found' } });
    const badTime = await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?from=yesterday' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json()).toMatchObject({ error: { code: 'validation_failed', details: { in: 'querystring', field: 'from' } } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?limit=0' })).statusCode).toBe(400);
  });

  it('answers health: the worst status of each monitor\'s newest points', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/api/v1/models/churn/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; monitors: { monitor: string; status: string; alerts: MetricPoint[]; counts: Record<string, number> }[] }>();
    expect(body.status).toBe('critical');
    expect(body.monitors.map((m) => [m.monitor, m.status])).toEqual([
      ['drift', 'critical'],
      ['quality', 'ok'],
    ]);
    // Only the newest all-segments point per metric and feature counts; the per-segment points do not.
    expect(body.monitors[0]!.counts).toEqual({ ok: 0, warning: 0, critical: 1, insufficient_data: 0 });
    expect(body.monitors[0]!.alerts.map((p) => [p.metric, p.feature, p.value])).toEqual([['drift.statistic', 'age', 0.2]]);
  });

  it('answers health insufficient_data before any evaluation', async () => {
    const started = await createTestApp();
    current = started;
    await started.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    expect((await started.app.inject({ method: 'GET', url: '/api/v1/models/churn/health' })).json()).toEqual({ model: 'churn', status: 'insufficient_data', monitors: [] });
    expect((await started.app.inject({ method: 'GET', url: '/api/v1/models/nope/health' })).statusCode).toBe(404);
  });
});
