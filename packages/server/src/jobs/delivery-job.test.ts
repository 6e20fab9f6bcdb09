import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert, Model, Notification, NotificationEvent } from '@bothub/core';
import { makeAlert, makeModel } from '@bothub/testkit';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../channels/index.js';
import { planDeliveries } from '../features/alerts/index.js';
import { createServiceMetrics } from '../features/metrics/index.js';
import type { NewChannel } from '../storage/alert-store.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { SqliteStore } from '../storage/sqlite/index.js';
import { startHttpReceiver } from '../testing/start-http-receiver.js';
import type { HttpReceiver } from '../testing/start-http-receiver.js';
import { createDeliveryJob } from './delivery-job.js';
import type { DeliveryJob, DeliveryJobDeps } from './delivery-job.js';

const START = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const SECRET = 'a-signing-secret-0123';
const log = { error: (obj: object, msg: string) => console.error(msg, obj) };

let dir: string;
let store: SqliteStore;
let receiver: HttpReceiver;
let model: Model;
let now: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-delivery-job-'));
  store = await openSqliteStore({ dataDir: dir });
  await store.migrate();
  model = await store.createModel(makeModel({ features: [] }));
  receiver = await startHttpReceiver();
  now = START;
});

afterEach(async () => {
  await receiver.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function job(overrides: Partial<DeliveryJobDeps> = {}): DeliveryJob {
  return createDeliveryJob({
    store,
    clock: () => now,
    workerId: 'w1',
    policy: { allowPrivate: ['127.0.0.1'] },
    publicUrl: () => 'https://bothub.example.com/app',
    maxAgeMs: 24 * HOUR,
    leaseMs: 60_000,
    pollMs: 1000,
    log,
    random: () => 0.5,
    sendTimeoutMs: 5000,
    ...overrides,
  });
}

async function channel(name: string, overrides: Partial<NewChannel> = {}): Promise<string> {
  const created = await store.alerts.createChannel({
    name,
    kind: 'webhook',
    severities: ['warning'],
    rateLimitPerMinute: 30,
    enabled: true,
    url: `${receiver.origin}/${name}`,
    routingKey: null,
    smtp: null,
    command: null,
    secrets: { secret: SECRET, smtpPassword: null },
    ...overrides,
  });
  return created.channel.id;
}

/** Writes the alert and queues its notification to every channel subscribed to warning. */
async function queue(alert: Alert, event: NotificationEvent, revision: number | null = null): Promise<void> {
  const channels = (await store.alerts.listChannels()).map((c) => c.channel);
  const deliveries = planDeliveries(alert, event, { rule: null, model, version: null, channels, now });
  await store.alerts.applyAlertChanges({ alerts: [{ alert, revision }], deliveries });
}

const bodies = (): Notification[] => receiver.requests.map((r) => JSON.parse(r.body) as Notification);

describe('delivery job', () => {
  it('sends due notifications signed, with the absolute dashboard URL, and marks them sent', async () => {
    await channel('ops');
    const alert = makeAlert({ modelId: model.id });
    await queue(alert, 'firing');
    now += 1000;
    expect(await job().runOnce()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.path).toBe('/ops');
    expect(request!.headers['bothub-idempotency-key']).toBe('a1:firing:1');
    expect(verifyWebhookSignature(SECRET, request!.headers['bothub-timestamp'] as string, request!.body, request!.headers[SIGNATURE_HEADER.toLowerCase()] as string, { now })).toEqual({ ok: true });
    expect(bodies()[0]).toMatchObject({ idempotencyKey: 'a1:firing:1', event: 'firing', url: 'https://bothub.example.com/app/models/credit/windows/w0', sentAt: now, alert: { id: 'a1' } });
    const [delivery] = await store.alerts.listDeliveries('a1');
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1, sentAt: now, lastError: null });
    expect(await job().runOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it('retries a failing channel with backoff (at least its Retry-After) and keeps an alert\'s changes in order', async () => {
    await channel('ops');
    receiver.answer({ status: 503, body: 'busy' }, { status: 429, headers: { 'retry-after': '120' } }, { status: 200 });
    const alert = makeAlert({ modelId: model.id });
    await queue(alert, 'firing');
    await queue({ ...alert, status: 'acknowledged', acknowledgedAt: now, acknowledgedBy: 'ana' }, 'acknowledged', 1);
    const metrics = createServiceMetrics({ processMetrics: false });
    const deliveries = job({ metrics });

    expect(await deliveries.runOnce()).toBe(0);
    let [firing, acknowledged] = await store.alerts.listDeliveries('a1');
    // Attempt 1 failed: full jitter over 1 s, the draw 0.5 → 500 ms.
    expect(firing).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503: busy', nextAttemptAt: START + 500 });
    expect(acknowledged).toMatchObject({ status: 'pending', attempts: 0 });
    expect(receiver.requests).toHaveLength(1);

    now = START + 499;
    expect(await deliveries.runOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    now = START + 500;
    expect(await deliveries.runOnce()).toBe(0);
    [firing] = await store.alerts.listDeliveries('a1');
    expect(firing).toMatchObject({ attempts: 2, lastError: 'HTTP 429', nextAttemptAt: START + 500 + 120_000 });

    now = START + 500 + 120_000;
    expect(await deliveries.runOnce()).toBe(2);
    expect(bodies().map((b) => b.event)).toEqual(['firing', 'firing', 'firing', 'acknowledged']);
    [firing, acknowledged] = await store.alerts.listDeliveries('a1');
    expect(firing).toMatchObject({ status: 'sent', attempts: 3, lastError: 'HTTP 429' });
    expect(acknowledged).toMatchObject({ status: 'sent', attempts: 1 });
    const counted = (await metrics.registry.getSingleMetric('bothub_alert_deliveries_total')!.get()).values;
    expect(counted.map((v) => [v.labels.channel_kind, v.labels.outcome, v.value])).toEqual([
      ['webhook', 'retry', 2],
      ['webhook', 'sent', 2],
    ]);
  });

  it('gives up for good on a refusal, an outage longer than the maximum age, or a deleted or disabled channel', async () => {
    await channel('ops');
    receiver.answer({ status: 400, body: 'bad payload' });
    await queue(makeAlert({ id: 'refused', modelId: model.id }), 'firing');
    await job().runOnce();
    expect(await store.alerts.listDeliveries('refused')).toMatchObject([{ status: 'dead', attempts: 1, lastError: 'HTTP 400: bad payload' }]);

    receiver.answer({ status: 500 });
    await queue(makeAlert({ id: 'stale', feature: 'age', modelId: model.id }), 'firing');
    const deliveries = job({ maxAgeMs: 2000 });
    await deliveries.runOnce();
    expect(await store.alerts.listDeliveries('stale')).toMatchObject([{ status: 'pending', attempts: 1 }]);
    now += 2000;
    await deliveries.runOnce();
    const [stale] = await store.alerts.listDeliveries('stale');
    expect(stale).toMatchObject({ status: 'dead', attempts: 1, sentAt: null });
    expect(stale!.lastError).toBe('not delivered within 0.0005555555555555556 hours; last error: HTTP 500');

    receiver.answer({ status: 200 });
    const off = await channel('off');
    await queue(makeAlert({ id: 'orphan', feature: 'plan', modelId: model.id }), 'firing');
    await store.alerts.updateChannel('off', { name: 'off', kind: 'webhook', severities: ['warning'], rateLimitPerMinute: 30, enabled: false, url: `${receiver.origin}/off`, routingKey: null, smtp: null, command: null, secrets: { secret: null, smtpPassword: null } });
    await store.alerts.deleteChannel('ops');
    expect(await job().runOnce()).toBe(0);
    const orphan = await store.alerts.listDeliveries('orphan');
    expect(orphan.map((d) => [d.channelId === off, d.status, d.lastError])).toEqual([
      [true, 'dead', 'channel disabled'],
      [false, 'dead', 'channel deleted'],
    ]);
  });

  it('waits for a channel\'s rate limit instead of dropping: a burst, then one per interval', async () => {
    await channel('ops', { rateLimitPerMinute: 2 });
    for (let i = 0; i < 5; i++) await queue(makeAlert({ id: `a${i}`, feature: `f${i}`, modelId: model.id }), 'firing');
    const deliveries = job();
    expect(await deliveries.runOnce()).toBe(2);
    expect(receiver.requests).toHaveLength(2);
    const waiting = (await store.alerts.listAlerts({ limit: 10 })).alerts.length;
    expect(waiting).toBe(5);
    now += 30_000;
    expect(await deliveries.runOnce()).toBe(1);
    now += 60_000;
    expect(await deliveries.runOnce()).toBe(2);
    expect(new Set(bodies().map((b) => b.idempotencyKey)).size).toBe(5);
    for (let i = 0; i < 5; i++) expect(await store.alerts.listDeliveries(`a${i}`)).toMatchObject([{ status: 'sent', attempts: 1 }]);
  });

  it('two nodes draining one queue send each notification once', async () => {
    await channel('ops', { rateLimitPerMinute: 1000 });
    for (let i = 0; i < 40; i++) await queue(makeAlert({ id: `a${i}`, feature: `f${i}`, modelId: model.id }), 'firing');
    const other = await openSqliteStore({ dataDir: dir });
    try {
      const sent = await Promise.all([job({ batch: 7 }).runOnce(), job({ store: other, workerId: 'w2', batch: 7 }).runOnce()]);
      const more = await job().runOnce();
      expect(sent[0] + sent[1] + more).toBe(40);
      expect(receiver.requests).toHaveLength(40);
      expect(new Set(bodies().map((b) => b.idempotencyKey)).size).toBe(40);
    } finally {
      await other.close();
    }
  });
});
