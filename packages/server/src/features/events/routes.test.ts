/**
 * The event stream over real HTTP: an app listening on 127.0.0.1, read with an EventSource client (as a browser does)
 * and, for the raw lines and refusals, with fetch.
 */
import type { AddressInfo } from 'node:net';
import { EventSource } from 'eventsource';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertRule, Model } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { createWindowEvaluator } from '../../jobs/window-evaluator.js';
import { startTestApps, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import type { Store } from '../../storage/store.js';
import { createEventService } from './service.js';
import type { BothubEvent, EventService } from './service.js';

const start = startTestApps();
const sources: EventSource[] = [];
afterEach(() => {
  for (const source of sources.splice(0)) source.close();
});

const MODEL = { name: 'churn', task: 'regression', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'numerical' }, window: { kind: 'count', size: 2 } };
const EVENT_NAMES = ['window.evaluated', 'alert.changed', 'records.ingested'] as const;

interface Served extends TestApp {
  readonly url: string;
  readonly events: EventService;
}

async function serve(options: { maxStreams?: number; heartbeatMs?: number; recordsIntervalMs?: number } = {}): Promise<Served> {
  // The app opens its own store: the event service reads the model names through it once it exists.
  const opened: { store?: Store } = {};
  const events = createEventService({ store: { listModels: (project) => opened.store!.listModels(project) }, maxStreams: options.maxStreams ?? 100, recordsIntervalMs: options.recordsIntervalMs ?? 200 });
  const t = await start({ events, eventHeartbeatMs: options.heartbeatMs ?? 15_000 });
  opened.store = t.store;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}`, events };
}

/** Opens an EventSource and collects its events; resolves once the stream is open. */
async function listen(url: string): Promise<BothubEvent[]> {
  const received: BothubEvent[] = [];
  const source = new EventSource(`${url}/api/v1/events`);
  sources.push(source);
  for (const name of EVENT_NAMES) {
    source.addEventListener(name, (event) => {
      const data: unknown = JSON.parse(String(event.data));
      received.push({ event: name, data } as BothubEvent);
    });
  }
  await new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (error) => reject(new Error(`event stream failed: ${error.message ?? ''}`));
  });
  return received;
}

async function post(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const records = (prefix: string, n: number): object[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, timestamp: TEST_NOW, features: { age: i }, prediction: i }));

describe('GET /api/v1/events', () => {
  it('tells of ingested records at most once per interval per model, with every new record counted once', async () => {
    // An interval longer than the test: the held-back count is told when the app closes (timers: service.test.ts).
    const s = await serve({ recordsIntervalMs: 600_000 });
    expect((await post(s.url, '/api/v1/models', MODEL)).status).toBe(201);
    expect((await post(s.url, '/api/v1/models/churn/versions', { version: '1', aliases: ['production'] })).status).toBe(201);
    const received = await listen(s.url);

    expect((await post(s.url, '/api/v1/models/churn/predictions', { records: records('a', 3) })).status).toBe(200);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    // Within the interval: held back and told together; duplicates are not news.
    expect((await post(s.url, '/api/v1/models/churn/predictions', { records: records('b', 2) })).status).toBe(200);
    expect((await post(s.url, '/api/v1/models/churn/predictions', { records: [...records('a', 3), ...records('c', 4)] })).status).toBe(200);
    await s.app.close();
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received).toEqual([
      { event: 'records.ingested', data: { model: 'churn', project: 'default', accepted: 3 } },
      { event: 'records.ingested', data: { model: 'churn', project: 'default', accepted: 6 } },
    ]);
  });

  it('tells of evaluated windows and of alert changes', async () => {
    const s = await serve();
    const model = (await (await post(s.url, '/api/v1/models', MODEL)).json()) as Model;
    await post(s.url, '/api/v1/models/churn/versions', { version: '1', aliases: ['production'] });
    await post(s.url, '/api/v1/models/churn/predictions', { records: records('a', 2) });
    const received = await listen(s.url);

    const evaluator = createWindowEvaluator({
      store: s.store, clock: () => TEST_NOW, workerId: 'test', seed: 42, concurrency: 1, leaseMs: 60_000, pollMs: 60_000,
      log: { error: (obj) => expect.fail(JSON.stringify(obj)) }, onEvaluated: (window) => s.events.windowEvaluated(window),
    });
    expect(await evaluator.runOnce()).toBe(1);
    await vi.waitFor(() => expect(received.map((e) => e.event)).toContain('window.evaluated'));
    const evaluated = received.find((e) => e.event === 'window.evaluated');
    expect(evaluated?.data).toMatchObject({ model: 'churn', project: 'default', window: { modelId: model.id, count: 2, kind: 'count' } });

    const [rule] = ((await (await fetch(`${s.url}/api/v1/alert-rules?model=churn`)).json()) as { rules: AlertRule[] }).rules;
    await s.store.alerts.applyAlertChanges({ alerts: [{ alert: makeAlert({ id: 'a1', ruleId: rule!.id, modelId: model.id, firstFiredAt: TEST_NOW, lastFiredAt: TEST_NOW }), revision: null }], deliveries: [] });
    expect((await post(s.url, '/api/v1/alerts/a1/acknowledge', {})).status).toBe(200);
    await vi.waitFor(() => expect(received.map((e) => e.event)).toContain('alert.changed'));
    expect(received.find((e) => e.event === 'alert.changed')?.data).toMatchObject({ model: 'churn', project: 'default', state: 'acknowledged', alert: { id: 'a1', status: 'acknowledged' } });
  });

  it('sends heartbeat comments on an idle stream', async () => {
    const s = await serve({ heartbeatMs: 20 });
    const response = await fetch(`${s.url}/api/v1/events`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toContain(': heartbeat\n\n');
    await reader.cancel();
  });

  it('refuses streams above the bound with 503 in the error shape, and frees a slot when a stream closes', async () => {
    const s = await serve({ maxStreams: 1 });
    await listen(s.url);
    const refused = await fetch(`${s.url}/api/v1/events`, { headers: { accept: 'text/event-stream' } });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: { code: 'too_many_streams', message: 'Too many event streams are open on this node; retry later.' } });
    expect(s.events.openStreams).toBe(1);

    sources.pop()!.close();
    await vi.waitFor(() => expect(s.events.openStreams).toBe(0));
    await listen(s.url);
    expect(s.events.openStreams).toBe(1);
  });

  it('answers 406 to a request that does not accept an event stream', async () => {
    const s = await serve();
    const response = await fetch(`${s.url}/api/v1/events`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(406);
    expect(await response.json()).toMatchObject({ error: { code: 'not_acceptable' } });
    expect(s.events.openStreams).toBe(0);
  });

  it('ends open streams when the app closes, so closing does not wait on them', async () => {
    const s = await serve();
    await listen(s.url);
    expect(s.events.openStreams).toBe(1);
    await s.app.close();
    expect(s.events.openStreams).toBe(0);
  });
});
