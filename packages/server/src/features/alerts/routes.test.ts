import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule, Incident } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { startTestApps, TEST_ALERTING, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

const start = startTestApps();

const MODEL = { name: 'churn', task: 'regression', features: [{ name: 'age', type: 'numerical' }, { name: 'income', type: 'numerical' }], prediction: { type: 'numerical' } };
const RULE = { name: 'Feature drift', model: 'churn', metric: 'drift.statistic', feature: '*', condition: { kind: 'threshold', direction: 'above', value: 0.2 }, severity: 'warning' };

interface Setup extends TestApp {
  readonly rule: AlertRule;
  readonly wakes: () => number;
  readonly alert: (id: string, overrides?: Partial<Alert>) => Promise<Alert>;
}

async function setup(): Promise<Setup> {
  let wakes = 0;
  const t = await start({ alerting: { ...TEST_ALERTING, policy: { allowPrivate: ['127.0.0.1'] }, deliveries: {
        wake: () => {
          wakes++;
        },
      },
    },
  });
  await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
  await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } });
  const rule = (await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', payload: RULE })).json<AlertRule>();
  for (const [name, severities] of [['ops', ['warning']], ['pager', ['critical']]] as const) {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/channels', payload: { name, kind: 'webhook', severities, url: 'http://127.0.0.1:9/hook' } });
    expect(created.statusCode, created.body).toBe(201);
  }
  const alert = async (id: string, overrides: Partial<Alert> = {}): Promise<Alert> => {
    const made = makeAlert({ id, ruleId: rule.id, modelId: rule.modelId, feature: id, firstFiredAt: TEST_NOW, lastFiredAt: TEST_NOW, lastNotifiedAt: TEST_NOW, ...overrides });
    await t.store.alerts.applyAlertChanges({ alerts: [{ alert: made, revision: null }], deliveries: [] });
    return made;
  };
  return { ...t, rule, wakes: () => wakes, alert };
}

describe('alert routes', () => {
  it('lists alerts newest first, filtered and paged', async () => {
    const t = await setup();
    await t.alert('a1');
    await t.alert('a2', { severity: 'critical' });
    await t.alert('a3', { status: 'resolved', resolvedAt: TEST_NOW, resolvedBy: 'system' });
    const ids = async (query: string): Promise<string[]> => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/alerts${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ alerts: Alert[] }>().alerts.map((a) => a.id);
    };
    expect(await ids('')).toEqual(['a3', 'a2', 'a1']);
    expect(await ids('?status=firing')).toEqual(['a2', 'a1']);
    expect(await ids('?severity=critical')).toEqual(['a2']);
    expect(await ids(`?model=churn&rule=${t.rule.id}`)).toEqual(['a3', 'a2', 'a1']);
    expect(await ids('?rule=other')).toEqual([]);
    const first = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?limit=2' })).json<{ alerts: Alert[]; next: string }>();
    expect(first.next).toBe('a2');
    expect(await ids(`?limit=2&before=${first.next}`)).toEqual(['a1']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alerts?model=nope' })).json()).toMatchObject({ error: { code: 'model_not_found' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=open' })).statusCode).toBe(400);
  });

  it('acknowledges and resolves with who did it, queueing one notification per subscribed channel; refuses invalid transitions', async () => {
    const t = await setup();
    await t.alert('a1');
    const acknowledged = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/acknowledge', payload: { by: 'ana@example.com', note: 'on it' } });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', acknowledgedAt: TEST_NOW, acknowledgedBy: 'ana@example.com', lastNotifiedAt: TEST_NOW });
    expect(acknowledged.json<Alert>().events.at(-1)).toEqual({ at: TEST_NOW, action: 'acknowledged', by: 'ana@example.com', note: 'on it' });
    expect(t.wakes()).toBe(1);

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/acknowledge', payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'invalid_transition', details: { alert: 'a1', status: 'acknowledged' } } });

    // No body at all; who: the header.
    const resolved = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/resolve', headers: { 'x-bothub-actor': 'ops-bot' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedBy: 'ops-bot' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/resolve', payload: {} })).json()).toMatchObject({ error: { code: 'invalid_transition' } });

    const shown = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts/a1' })).json<Alert & { deliveries: Record<string, unknown>[] }>();
    expect(shown).toMatchObject({ id: 'a1', status: 'resolved' });
    expect(shown.deliveries).toEqual([
      { id: expect.any(String) as string, channelId: expect.any(String) as string, channel: 'ops', event: 'acknowledged', idempotencyKey: 'a1:acknowledged:acknowledged', status: 'pending', attempts: 0, nextAttemptAt: TEST_NOW, lastError: null, createdAt: TEST_NOW, sentAt: null },
      { id: expect.any(String) as string, channelId: expect.any(String) as string, channel: 'ops', event: 'resolved', idempotencyKey: 'a1:resolved:resolved', status: 'pending', attempts: 0, nextAttemptAt: TEST_NOW, lastError: null, createdAt: TEST_NOW, sentAt: null },
    ]);
    const [queued] = await t.store.alerts.listDeliveries('a1');
    expect(queued!.notification).toMatchObject({ event: 'acknowledged', rule: { id: t.rule.id, name: 'Feature drift' }, model: { name: 'churn', project: 'default' }, url: '/models/credit/windows/w0', alert: { status: 'acknowledged' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/alerts/nope/acknowledge', payload: {} })).json()).toMatchObject({ error: { code: 'alert_not_found' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alerts/nope' })).json()).toMatchObject({ error: { code: 'alert_not_found' } });
  });

  it('records feedback without notifying anyone; the default actor is anonymous', async () => {
    const t = await setup();
    await t.alert('a1', { status: 'resolved', resolvedAt: TEST_NOW, resolvedBy: 'system' });
    const real = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/feedback', payload: { verdict: 'real' } });
    expect(real.json()).toMatchObject({ feedback: { verdict: 'real', by: 'anonymous', at: TEST_NOW, note: null } });
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/feedback', payload: { verdict: 'false', note: 'seasonal' }, headers: { 'x-bothub-actor': 'ana' } });
    expect(changed.json()).toMatchObject({ feedback: { verdict: 'false', by: 'ana', note: 'seasonal' } });
    expect(changed.json<Alert>().events.map((e) => e.action)).toEqual(['fired', 'feedback', 'feedback']);
    expect(await t.store.alerts.listDeliveries('a1')).toEqual([]);
    expect(t.wakes()).toBe(0);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/feedback', payload: { verdict: 'maybe' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/alert-rules/${t.rule.id}/precision` })).json()).toMatchObject({ labelled: 1, false: 1, precision: 0 });
  });

  it('lists and reads incidents; an incident resolves with its last alert', async () => {
    const t = await setup();
    const a1 = await t.alert('a1', { incidentId: 'i1' });
    const a2 = await t.alert('a2', { incidentId: 'i1' });
    const incident: Incident = { id: 'i1', modelId: t.rule.modelId, windowId: 'w0', openedAt: TEST_NOW, status: 'open', alertIds: [a1.id, a2.id], changes: [] };
    await t.store.alerts.applyAlertChanges({ alerts: [], incidents: [incident, { ...incident, id: 'i0', alertIds: [] }], deliveries: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents' })).json<{ incidents: Incident[] }>().incidents.map((i) => i.id)).toEqual(['i0', 'i1']);
    await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a1/resolve', payload: {} });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents/i1' })).json()).toMatchObject({ status: 'open' });
    await t.app.inject({ method: 'POST', url: '/api/v1/alerts/a2/resolve', payload: {} });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents/i1' })).json()).toEqual({ ...incident, status: 'resolved' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents?status=open&model=churn' })).json<{ incidents: Incident[] }>().incidents.map((i) => i.id)).toEqual(['i0']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents/nope' })).json()).toMatchObject({ error: { code: 'incident_not_found' } });
  });
});
