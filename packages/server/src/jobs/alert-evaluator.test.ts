import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRule, MetricPoint, Model, Window } from '@bothub/core';
import { makeAlertRule, makeModel } from '@bothub/testkit';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { SqliteStore } from '../storage/sqlite/index.js';
import { pointOf, seedWindows } from '../testing/seed-windows.js';
import { createAlertEvaluator } from './alert-evaluator.js';
import type { AlertEvaluator } from './alert-evaluator.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);
const log = { error: (obj: object, msg: string) => console.error(msg, obj) };

let dir: string;
let store: SqliteStore;
let model: Model;
let versionId: string;
let now: number;
let queued: number;
let evaluator: AlertEvaluator;
let windows: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-alert-job-'));
  store = await openSqliteStore({ dataDir: dir });
  await store.migrate();
  model = await store.createModel(makeModel({ features: [{ name: 'age', type: 'numerical' }, { name: 'income', type: 'numerical' }, { name: 'plan', type: 'categorical' }], window: { kind: 'count', size: 1 } }));
  versionId = (await store.createVersion({ modelId: model.id, version: '1', metadata: {} }, ['production'])).id;
  for (const [name, severities] of [['ops', ['warning']], ['pager', ['critical']]] as const) {
    await store.alerts.createChannel({ name, kind: 'webhook', severities: [...severities], rateLimitPerMinute: 30, enabled: true, url: 'http://127.0.0.1:9/', routingKey: null, smtp: null, command: null, secrets: { secret: null, smtpPassword: null } });
  }
  now = START;
  queued = 0;
  windows = 0;
  evaluator = createAlertEvaluator({
    store,
    clock: () => now,
    log,
    onQueued: () => {
      queued++;
    },
  });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function createRule(overrides: Partial<AlertRule> = {}): Promise<AlertRule> {
  return store.alerts.createRule({ ...makeAlertRule({ modelId: model.id }), ...overrides });
}

/** One more hourly window with the given drift statistics (and effect sizes twice them) per feature, evaluated as the window job would. */
async function window(drift: Readonly<Record<string, number | null>>, extra: (w: Window) => MetricPoint[] = () => []): Promise<Window> {
  now = START + windows * HOUR;
  const [w] = await seedWindows(
    store,
    model,
    versionId,
    1,
    (win) => [
      ...Object.entries(drift).flatMap(([feature, value]) => [
        pointOf(win, 'drift.statistic', feature, value, { status: value !== null && value > 0.2 ? 'warning' : 'ok' }),
        pointOf(win, 'drift.effect_size', feature, value === null ? null : value * 2),
      ]),
      ...extra(win),
    ],
    { start: now },
  );
  windows++;
  const { points } = (await store.getWindow(model.id, w!.id))!;
  await evaluator.evaluateWindow(w!, points);
  return w!;
}

async function alertsOf(rule: AlertRule) {
  return (await store.alerts.listAlerts({ ruleId: rule.id, limit: 100 })).alerts;
}

describe('alert evaluation after each window', () => {
  it('opens one alert per drifting feature, groups them into one incident by effect size, and queues one notification per subscribed channel', async () => {
    const rule = await createRule();
    const first = await window({ age: 0.3, income: 0.5, plan: 0.1 });
    const alerts = await alertsOf(rule);
    expect(alerts.map((a) => [a.feature, a.status, a.fireCount, a.severity])).toEqual([
      ['income', 'firing', 1, 'warning'],
      ['age', 'firing', 1, 'warning'],
    ]);
    const incidentId = alerts[0]!.incidentId!;
    expect(alerts.every((a) => a.incidentId === incidentId)).toBe(true);
    const incident = (await store.alerts.getIncident(incidentId))!;
    expect(incident).toMatchObject({ modelId: model.id, windowId: first.id, status: 'open', openedAt: START });
    expect(incident.changes.map((c) => [c.feature, c.effectSize])).toEqual([['income', 1], ['age', 0.6]]);
    const income = alerts.find((a) => a.feature === 'income')!;
    expect(income.evidence).toMatchObject({ windowId: first.id, metric: 'drift.statistic', feature: 'income', value: 0.5, threshold: 0.2, reason: 'drift.statistic of income 0.5 above 0.2', link: `/models/${model.name}/windows/${first.id}` });
    expect(income.evidence.topFeatures).toEqual([
      { feature: 'income', effectSize: 1, drifted: true },
      { feature: 'age', effectSize: 0.6, drifted: true },
      { feature: 'plan', effectSize: 0.2, drifted: false },
    ]);
    const deliveries = await store.alerts.listDeliveries(income.id);
    expect(deliveries.map((d) => [d.event, d.idempotencyKey, d.status])).toEqual([['firing', `${income.id}:firing:1`, 'pending']]);
    expect(deliveries[0]!.notification).toMatchObject({ alert: { incidentId }, model: { id: model.id, name: model.name }, version: { id: versionId, version: '1' }, rule: { id: rule.id, name: rule.name } });
    expect(queued).toBe(1);
  });

  it('updates the open alert while it fires, resolves it after the clear windows, and holds a re-firing back during the cooldown', async () => {
    const rule = await createRule({ feature: 'age', autoResolveWindows: 2, cooldownMinutes: 120, renotifyMinutes: 0 });
    await window({ age: 0.3 });
    await window({ age: 0.4 });
    let [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ status: 'firing', fireCount: 2, clearWindows: 0, evidence: { value: 0.4 } });
    await window({ age: 0.1 });
    await window({ age: null });
    [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ status: 'firing', clearWindows: 1 });
    await window({ age: 0.1 });
    [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ status: 'resolved', resolvedBy: 'system', resolvedAt: START + 4 * HOUR });
    expect((await store.alerts.listDeliveries(alert!.id)).map((d) => d.event)).toEqual(['firing', 'resolved']);
    await window({ age: 0.5 });
    expect(await alertsOf(rule)).toHaveLength(1);
    await window({ age: 0.5 });
    const reopened = await alertsOf(rule);
    expect(reopened.map((a) => a.status)).toEqual(['firing', 'resolved']);
    expect(reopened[0]!.events[0]!.note).toContain(`after alert ${alert!.id} was resolved`);
  });

  it('reads the history a condition needs: n of the last m windows', async () => {
    const rule = await createRule({ feature: 'age', condition: { kind: 'n_of_m', direction: 'above', value: 0.2, n: 2, m: 3 } });
    await window({ age: 0.3 });
    expect(await alertsOf(rule)).toEqual([]);
    await window({ age: 0.1 });
    await window({ age: 0.25 });
    const [alert] = await alertsOf(rule);
    expect(alert!.evidence.reason).toBe('drift.statistic of age 0.25 above 0.2 in 2 of the last 3 windows');
  });

  it('does not step an alert again when an older window is evaluated again (a late label)', async () => {
    const rule = await createRule({ feature: 'age' });
    const old = await window({ age: 0.3 });
    await window({ age: 0.35 });
    const { points } = (await store.getWindow(model.id, old.id))!;
    await evaluator.evaluateWindow(old, points);
    const [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ fireCount: 2, evidence: { value: 0.35 } });
  });

  it('writes each change once when two nodes evaluate the same window at the same time', async () => {
    const rule = await createRule({ feature: 'age' });
    const other = await openSqliteStore({ dataDir: dir });
    try {
      const second = createAlertEvaluator({ store: other, clock: () => now, log });
      now = START;
      const [w] = await seedWindows(store, model, versionId, 1, (win) => [pointOf(win, 'drift.statistic', 'age', 0.3)], { start: now });
      const { points } = (await store.getWindow(model.id, w!.id))!;
      await Promise.all([evaluator.evaluateWindow(w!, points), second.evaluateWindow(w!, points)]);
      const alerts = await alertsOf(rule);
      expect(alerts).toHaveLength(1);
      expect((await store.alerts.listDeliveries(alerts[0]!.id)).map((d) => d.event)).toEqual(['firing']);
    } finally {
      await other.close();
    }
  });

  it('leaves rules of other metrics, disabled rules and windows without a value alone', async () => {
    const off = await createRule({ feature: 'age', enabled: false });
    const performance = await createRule({ name: 'Accuracy', metric: 'performance.accuracy', feature: null, condition: { kind: 'relative_to_reference', direction: 'below', change: 0.1 } });
    await window({ age: 0.9 }, (w) => [pointOf(w, 'performance.accuracy', null, null, { threshold: 0.9 })]);
    expect(await alertsOf(off)).toEqual([]);
    expect(await alertsOf(performance)).toEqual([]);
    await window({}, (w) => [pointOf(w, 'performance.accuracy', null, 0.7, { threshold: 0.9 })]);
    const [alert] = await alertsOf(performance);
    expect(alert).toMatchObject({ severity: 'warning', feature: null, evidence: { value: 0.7, reason: 'performance.accuracy 0.7 below 0.81 (reference 0.9 − 10 %)' } });
  });
});

describe('absence checks', () => {
  it('fires when the model has received nothing for the rule\'s minutes and resolves once records flow again', async () => {
    const rule = await createRule({ name: 'No data', metric: 'volume.count', feature: null, condition: { kind: 'absence', minutes: 60 }, severity: 'critical', autoResolveWindows: 2 });
    now = Date.now();
    await evaluator.checkAbsence();
    // No record yet: nothing to miss.
    expect(await alertsOf(rule)).toEqual([]);
    await seedWindows(store, model, versionId, 1, () => []);
    const last = (await store.lastRecordAt(model.id))!;
    now = last + 59 * 60_000;
    await evaluator.checkAbsence();
    expect(await alertsOf(rule)).toEqual([]);
    now = last + 61 * 60_000;
    await evaluator.checkAbsence();
    let [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ status: 'firing', severity: 'critical', versionId: null, segment: null, feature: null, evidence: { windowId: null, time: now, reason: 'no record for 61 minutes (limit 60)', link: `/models/${model.name}` } });
    expect((await store.alerts.listDeliveries(alert!.id)).map((d) => d.event)).toEqual(['firing']);
    await evaluator.checkAbsence();
    [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ status: 'firing', fireCount: 2 });

    await seedWindows(store, model, versionId, 1, () => []);
    now = (await store.lastRecordAt(model.id))! + 60_000;
    await evaluator.checkAbsence();
    await evaluator.checkAbsence();
    [alert] = await alertsOf(rule);
    expect(alert).toMatchObject({ status: 'resolved', resolvedBy: 'system' });
    expect((await store.alerts.listDeliveries(alert!.id)).map((d) => d.event)).toEqual(['firing', 'resolved']);
  });
});
