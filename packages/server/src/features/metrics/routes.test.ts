import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { pointOf, seedWindows } from '../../testing/seed-windows.js';
import { startTestApps } from '../../testing/test-app.js';
import { createServiceMetrics } from './service-metrics.js';

const start = startTestApps();

const MODEL = {
  name: 'churn',
  task: 'regression',
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'plan', type: 'categorical', categories: ['basic', 'pro'] },
  ],
  prediction: { type: 'numerical' },
  window: { kind: 'count', size: 1 },
};

async function createModel(app: FastifyInstance): Promise<void> {
  expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL })).statusCode).toBe(201);
  expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '3', aliases: ['production'] } })).statusCode).toBe(201);
}

async function scrape(app: FastifyInstance): Promise<string> {
  const response = await app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return response.body;
}

/** The value of one series of the exposition text, by its exact name and label set as prom-client writes it. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('counts ingested records by model and outcome', async () => {
    const { app } = await start();
    await createModel(app);
    const records = [{ id: 'a', features: { age: 30, plan: 'pro' }, prediction: 1 }, { id: 'b', features: { age: 31, plan: 'basic' }, prediction: 2 }, { id: 'c', features: { age: 'old' }, prediction: 3 }];
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } });
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: records.slice(0, 1) } });
    const text = await scrape(app);
    const series = (outcome: string): number | undefined => valueOf(text, `bothub_ingested_records_total{project="default",model="churn",kind="prediction",outcome="${outcome}"}`);
    expect([series('accepted'), series('duplicate'), series('rejected')]).toEqual([2, 1, 1]);
  });

  it('times requests by route template and status class, never by raw URL', async () => {
    const { app } = await start();
    await createModel(app);
    await app.inject({ method: 'GET', url: '/api/v1/models/churn' });
    await app.inject({ method: 'GET', url: '/api/v1/models/nope' });
    await app.inject({ method: 'GET', url: '/no/such/path' });
    const text = await scrape(app);
    expect(valueOf(text, 'bothub_http_request_duration_seconds_count{method="GET",route="/api/v1/models/:model",status_class="2xx"}')).toBe(1);
    expect(valueOf(text, 'bothub_http_request_duration_seconds_count{method="GET",route="/api/v1/models/:model",status_class="4xx"}')).toBe(1);
    expect(valueOf(text, 'bothub_http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"}')).toBe(1);
    expect(text).not.toContain('/api/v1/models/churn"');
  });

  it('reads queue depths and the newest model metrics from the store at each scrape, with version names', async () => {
    const { app, store } = await start();
    await createModel(app);
    const model = (await store.getModel('default', 'churn'))!;
    const version = (await store.getVersion(model.id, '3'))!;
    await seedWindows(store, model, version.id, 2, (w, i) => [pointOf(w, 'drift.statistic', 'age', 0.1 + i / 10, { pValue: 0.2 - i / 10 }), pointOf(w, 'drift.share', null, i / 2, { status: i === 1 ? 'critical' : 'ok' })]);
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [{ id: 'p', features: { age: 1, plan: 'pro' }, prediction: 0 }] } });

    const text = await scrape(app);
    const labels = 'project="default",model="churn",version="3"';
    expect(valueOf(text, `bothub_feature_drift_statistic{${labels},feature="age"}`)).toBeCloseTo(0.2, 12);
    expect(valueOf(text, `bothub_feature_drift_p_value{${labels},feature="age"}`)).toBeCloseTo(0.1, 12);
    expect(valueOf(text, `bothub_dataset_drift_share{${labels}}`)).toBe(0.5);
    expect(valueOf(text, `bothub_monitor_status{${labels},monitor="drift"}`)).toBe(2);
    expect(valueOf(text, 'bothub_pending_windows')).toBe(1);
    expect(valueOf(text, 'bothub_pending_deliveries')).toBe(0);
  });

  it('keeps each app\'s registry apart, and is not in the OpenAPI document', async () => {
    const metrics = createServiceMetrics({ processMetrics: false });
    const first = await start({ metrics });
    const second = await start();
    await createModel(first.app);
    await first.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [{ id: 'a', features: { age: 1, plan: 'pro' }, prediction: 0 }] } });
    expect(await metrics.registry.getSingleMetricAsString('bothub_ingested_records_total')).toContain('outcome="accepted"} 1');
    expect(await scrape(second.app)).not.toContain('bothub_ingested_records_total{');
    const document = (await second.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });
});
