import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createWindowEvaluator } from './jobs/window-evaluator.js';
import { createTestApp, TEST_NOW } from './testing/test-app.js';
import type { TestApp } from './testing/test-app.js';

let current: TestApp | undefined;
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});
async function start(...args: Parameters<typeof createTestApp>): Promise<TestApp> {
  current = await createTestApp(...args);
  return current;
}

const MODEL = { name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'numerical' } };

describe('createApp', () => {
  it('answers /healthz while the process lives', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when the store answers and 503 with the error shape when it does not', async () => {
    const { app, store } = await start();
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    store.ping = () => Promise.reject(new Error('database unreachable'));
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ error: { code: 'not_ready', message: expect.any(String) as string } });
  });

  it('answers unknown routes 404 with the error shape', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found', details: { method: 'GET', url: '/api/v1/nothing' } } });
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/models' })).json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves the OpenAPI 3 document with every route', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/readyz',
        '/api/v1/models',
        '/api/v1/models/{model}',
        '/api/v1/models/{model}/versions',
        '/api/v1/models/{model}/aliases/{alias}',
        '/api/v1/models/{model}/versions/{version}/reference',
        '/api/v1/models/{model}/predictions',
        '/api/v1/models/{model}/labels',
        '/api/v1/models/{model}/windows',
        '/api/v1/models/{model}/windows/{window}',
        '/api/v1/models/{model}/metrics',
        '/api/v1/models/{model}/health',
      ]),
    );
    expect(document.paths['/openapi.json']).toBeUndefined();
  });

  it('serves the docs page with its own assets, no network needed', async () => {
    const { app } = await start();
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const assets = [...page.body.matchAll(/(?:href|src)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith('/docs/'), asset).toBe(true);
      expect((await app.inject({ method: 'GET', url: asset })).statusCode, asset).toBe(200);
    }
  });

  it('answers malformed JSON 400 invalid_json', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers an empty JSON body 400 invalid_json', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('rejects a prototype-polluting body as invalid JSON', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"polluted": true}}' });
    expect(response.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers other media types 415 and unknown encodings 415', async () => {
    const { app } = await start();
    const text = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const brotli = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, payload: '{}' });
    expect(brotli.statusCode).toBe(415);
    expect(brotli.json()).toMatchObject({ error: { code: 'unsupported_encoding', details: { encoding: 'br' } } });
  });

  it('answers a body over the limit 413 naming the limit', async () => {
    const { app } = await start({ limits: { bodyBytes: 1000, batchRecords: 100 } });
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, description: 'x'.repeat(2000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'body_too_large', message: 'The body is larger than the limit of 1000 bytes.', details: { limit: 1000 } } });
  });

  it('decodes gzip bodies, and answers corrupt gzip 400', async () => {
    const { app } = await start();
    const created = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: gzipSync(JSON.stringify(MODEL)) });
    expect(created.statusCode).toBe(201);
    const corrupt = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: Buffer.from('not gzip at all') });
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json()).toMatchObject({ error: { code: 'invalid_body' } });
  });

  it('applies the body limit to the decoded size of a gzip body', async () => {
    const { app } = await start({ limits: { bodyBytes: 1000, batchRecords: 100 } });
    const bomb = gzipSync(JSON.stringify({ ...MODEL, description: ' '.repeat(100_000) }));
    expect(bomb.length).toBeLessThan(1000);
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: bomb });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'body_too_large', details: { limit: 1000 } } });
  });

  it('answers an unexpected failure 500 with the error shape and no internals', async () => {
    const { app, store } = await start();
    store.listModels = () => Promise.reject(new Error('disk on fire'));
    const response = await app.inject({ method: 'GET', url: '/api/v1/models' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: 'Internal error.' } });
  });
});

describe('the service end to end over HTTP', () => {
  it('registers a model, uploads a reference, ingests drifted predictions and reads the metrics, windows and health', async () => {
    const { app, store } = await start({ limits: { bodyBytes: 1_000_000, batchRecords: 1000 } });
    const model = { ...MODEL, features: [{ name: 'age', type: 'numerical' }, { name: 'plan', type: 'categorical' }], window: { kind: 'count', size: 200 } };
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: model })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } })).statusCode).toBe(201);
    // Deterministic spreads: the reference's ages span 20–59, the drifted window's 60–99.
    const row = (i: number, shift: number): object => ({ features: { age: 20 + ((i * 7) % 40) + shift, plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2 });
    const reference = await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: Array.from({ length: 400 }, (_, i) => row(i, 0)) } });
    expect(reference.statusCode).toBe(200);
    const hour = 3_600_000;
    const records = [
      ...Array.from({ length: 200 }, (_, i) => ({ id: `same-${i}`, timestamp: TEST_NOW - 2 * hour, ...row(i, 0) })),
      ...Array.from({ length: 200 }, (_, i) => ({ id: `drift-${i}`, timestamp: TEST_NOW - hour, ...row(i, 40) })),
    ];
    const ingested = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } });
    expect(ingested.json()).toMatchObject({ accepted: 400, rejected: 0 });

    const evaluator = createWindowEvaluator({ store, clock: () => TEST_NOW, workerId: 'test', seed: 42, concurrency: 4, leaseMs: 60_000, pollMs: 60_000, log: { error: () => undefined } });
    expect(await evaluator.runOnce()).toBe(2);

    const windows = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/windows' })).json<{ windows: { id: string; status: string }[] }>().windows;
    expect(windows.map((w) => w.status)).toEqual(['evaluated', 'evaluated']);
    const newest = (await app.inject({ method: 'GET', url: `/api/v1/models/churn/windows/${windows[0]!.id}` })).json<{ points: { metric: string; feature: string | null; status: string }[] }>();
    expect(newest.points.length).toBeGreaterThan(0);
    const series = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/metrics?feature=age' })).json<{ points: { windowId: string; metric: string; status: string }[] }>().points;
    const statuses = (windowId: string, family: string): string[] => series.filter((p) => p.windowId === windowId && p.metric.startsWith(family)).map((p) => p.status);
    // Newest first: the drifted window, then the one like the reference.
    expect(statuses(windows[0]!.id, 'drift.')).not.toContain('ok');
    expect(statuses(windows[0]!.id, 'quality.out_of_range')).toEqual(['critical']);
    expect(new Set(statuses(windows[1]!.id, ''))).toEqual(new Set(['ok']));
    const health = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/health' })).json<{ status: string; monitors: { monitor: string; status: string }[] }>();
    expect(health.status).toBe('critical');
    expect(['warning', 'critical']).toContain(health.monitors.find((m) => m.monitor === 'drift')?.status);
    expect(health.monitors.find((m) => m.monitor === 'quality')?.status).toBe('critical');
  });
});
