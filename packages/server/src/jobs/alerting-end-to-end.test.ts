/**
 * Alerting end to end, with every real part but the clock: the HTTP API over SQLite in a directory that outlives a
 * restart, the window job with the real monitors, the alert job, the delivery job and a real HTTP receiver on
 * loopback (allowed by the SSRF policy as an administrator would). Drifted windows fire an alert; the receiver gets
 * one signed request per state change; an acknowledgement reaches it; a resolve queued while it is down is delivered
 * once after the service restarts and the receiver is back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Alert, AlertRule, Notification } from '@bothub/core';
import { createApp } from '../app.js';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../channels/index.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { Store } from '../storage/store.js';
import { startHttpReceiver, startHttpReceiverOn } from '../testing/start-http-receiver.js';
import type { HttpReceiver } from '../testing/start-http-receiver.js';
import { createAlertEvaluator } from './alert-evaluator.js';
import { createDeliveryJob } from './delivery-job.js';
import type { DeliveryJob } from './delivery-job.js';
import { createWindowEvaluator } from './window-evaluator.js';
import type { WindowEvaluator } from './window-evaluator.js';

const HOUR = 3_600_000;
const SECRET = 'whsec-end-to-end-0123';
const PUBLIC_URL = 'https://bothub.example.com';

interface Node {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly windows: WindowEvaluator;
  readonly deliveries: DeliveryJob;
  close(): Promise<void>;
}

let dir: string;
let now: number;
let node: Node | undefined;
const receivers: HttpReceiver[] = [];
const errors: unknown[] = [];
const log = {
  error: (obj: object) => {
    errors.push(obj);
  },
};

/** One service node on the data directory, composed as main.ts composes it (jobs run when the test says). */
async function startNode(): Promise<Node> {
  const store = await openSqliteStore({ dataDir: dir });
  await store.migrate();
  const clock = (): number => now;
  const policy = { allowPrivate: ['127.0.0.1'] };
  const deliveries = createDeliveryJob({ store, clock, workerId: 'node', policy, publicUrl: () => PUBLIC_URL, maxAgeMs: 24 * HOUR, leaseMs: 60_000, pollMs: 1000, log, random: () => 0.5 });
  const alerts = createAlertEvaluator({ store, clock, log, onQueued: () => deliveries.wake() });
  const windows = createWindowEvaluator({ store, clock, workerId: 'node', seed: 42, concurrency: 1, leaseMs: 60_000, pollMs: 60_000, log, onEvaluated: (w, p) => alerts.evaluateWindow(w, p) });
  const app = createApp({ store, clock, limits: { bodyBytes: 1_000_000, batchRecords: 1000 }, alerting: { policy, retrainCommands: [], publicUrl: () => PUBLIC_URL, deliveries }, auth: { mode: 'development' } });
  await app.ready();
  return {
    app,
    store,
    windows,
    deliveries,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-alerting-e2e-'));
  now = Date.UTC(2026, 0, 1);
  errors.length = 0;
});

afterEach(async () => {
  await node?.close();
  node = undefined;
  for (const r of receivers.splice(0)) await r.close();
  await rm(dir, { recursive: true, force: true });
});

const row = (i: number, shift: number): object => ({ features: { age: 20 + ((i * 7) % 40) + shift, plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2 });

/** A window of 200 records an hour after the previous one, drifted or not; then the window job runs (and the alert job after it). */
async function ingestWindow(n: Node, label: string, drifted: boolean): Promise<void> {
  now += HOUR;
  const records = Array.from({ length: 200 }, (_, i) => ({ id: `${label}-${i}`, ...row(i, drifted ? 40 : 0) }));
  expect((await n.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } })).json()).toMatchObject({ accepted: 200 });
  expect(await n.windows.runOnce()).toBe(1);
}

function verified(receiver: HttpReceiver): Notification[] {
  return receiver.requests.map((request) => {
    const check = verifyWebhookSignature(SECRET, request.headers[TIMESTAMP_HEADER.toLowerCase()] as string, request.body, request.headers[SIGNATURE_HEADER.toLowerCase()] as string, { now });
    expect(check).toEqual({ ok: true });
    const notification = JSON.parse(request.body) as Notification;
    expect(request.headers[IDEMPOTENCY_HEADER.toLowerCase()]).toBe(notification.idempotencyKey);
    return notification;
  });
}

it('fires on drift, tells the receiver once per state change, and delivers a change queued during an outage once after a restart', async () => {
  const receiver = await startHttpReceiver();
  receivers.push(receiver);
  node = await startNode();
  const { app } = node;
  const model = { name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }, { name: 'plan', type: 'categorical' }], prediction: { type: 'numerical' }, window: { kind: 'count', size: 200 } };
  expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: model })).statusCode).toBe(201);
  expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } })).statusCode).toBe(201);
  expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: Array.from({ length: 400 }, (_, i) => row(i, 0)) } })).statusCode).toBe(200);
  const channel = await app.inject({ method: 'POST', url: '/api/v1/channels', payload: { name: 'hooks', kind: 'webhook', severities: ['critical'], url: `${receiver.origin}/bothub`, secret: SECRET } });
  expect(channel.statusCode, channel.body).toBe(201);
  const rule = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      payload: { name: 'Age drift', model: 'churn', metric: 'drift.statistic', feature: 'age', condition: { kind: 'threshold', direction: 'above', value: 0.5 }, severity: 'critical', channels: ['hooks'], autoResolveWindows: 2 },
    })
  ).json<AlertRule>();

  // A window like the reference: nothing to tell.
  await ingestWindow(node, 'calm', false);
  expect(await node.deliveries.runOnce()).toBe(0);

  // Drift: the alert fires and the receiver hears of it once.
  await ingestWindow(node, 'drift-1', true);
  const { alerts } = (await app.inject({ method: 'GET', url: `/api/v1/alerts?rule=${rule.id}` })).json<{ alerts: Alert[] }>();
  expect(alerts).toHaveLength(1);
  const alert = alerts[0]!;
  expect(alert).toMatchObject({ status: 'firing', severity: 'critical', feature: 'age', evidence: { metric: 'drift.statistic', threshold: 0.5 } });
  expect(alert.evidence.value).toBeGreaterThan(0.5);
  expect(await node.deliveries.runOnce()).toBe(1);
  const [fired] = verified(receiver);
  expect(fired).toMatchObject({ event: 'firing', idempotencyKey: `${alert.id}:firing:1`, alert: { id: alert.id, status: 'firing' }, rule: { id: rule.id, name: 'Age drift' }, model: { name: 'churn' }, version: { version: '1' } });
  expect(fired!.url).toBe(`${PUBLIC_URL}/models/churn/windows/${alert.evidence.windowId}`);

  // Someone acknowledges it: the receiver hears that too.
  const acknowledged = await app.inject({ method: 'POST', url: `/api/v1/alerts/${alert.id}/acknowledge`, headers: { 'x-bothub-actor': 'ana@example.com' } });
  expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'ana@example.com' });
  expect(await node.deliveries.runOnce()).toBe(1);
  expect(verified(receiver).map((n) => [n.event, n.alert.status])).toEqual([
    ['firing', 'firing'],
    ['acknowledged', 'acknowledged'],
  ]);

  // Still drifting: the same alert is updated, nobody is told again.
  await ingestWindow(node, 'drift-2', true);
  expect(await node.deliveries.runOnce()).toBe(0);
  expect((await app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}` })).json()).toMatchObject({ status: 'acknowledged', fireCount: 2 });

  // The receiver goes down; the drift ends and the alert resolves itself after two clear windows.
  const port = receiver.port;
  await receivers.pop()!.close();
  await ingestWindow(node, 'calm-1', false);
  await ingestWindow(node, 'calm-2', false);
  expect((await app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}` })).json()).toMatchObject({ status: 'resolved', resolvedBy: 'system' });
  expect(await node.deliveries.runOnce()).toBe(0);
  let shown = (await app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}` })).json<{ deliveries: { event: string; status: string; attempts: number; lastError: string | null }[] }>();
  expect(shown.deliveries.map((d) => [d.event, d.status, d.attempts])).toEqual([
    ['firing', 'sent', 1],
    ['acknowledged', 'sent', 1],
    ['resolved', 'pending', 1],
  ]);
  expect(shown.deliveries[2]!.lastError).toMatch(/ECONNREFUSED/);

  // The service restarts with the delivery pending; the receiver comes back where it was.
  await node.close();
  node = await startNode();
  const back = await startHttpReceiverOn(port);
  receivers.push(back);
  now += 60_000;
  expect(await node.deliveries.runOnce()).toBe(1);
  expect(await node.deliveries.runOnce()).toBe(0);
  expect(verified(back).map((n) => [n.event, n.idempotencyKey, n.alert.status])).toEqual([['resolved', `${alert.id}:resolved:resolved`, 'resolved']]);
  shown = (await node.app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}` })).json();
  expect(shown.deliveries.map((d) => [d.event, d.status, d.attempts])).toEqual([
    ['firing', 'sent', 1],
    ['acknowledged', 'sent', 1],
    ['resolved', 'sent', 2],
  ]);
  expect(errors).toEqual([]);
});
