import { describe, expect, it } from 'vitest';
import type { AlertRule, Model } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { pointOf, seedWindows } from '../../testing/seed-windows.js';
import { startTestApps } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

const start = startTestApps();

const MODEL = {
  name: 'churn',
  task: 'binary_classification',
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'plan', type: 'categorical' },
  ],
  prediction: { type: 'boolean' },
  label: { type: 'boolean' },
  window: { kind: 'count', size: 1 },
};
const RULE = { name: 'Age drift', model: 'churn', metric: 'drift.statistic', feature: 'age', condition: { kind: 'threshold', direction: 'above', value: 0.2 }, severity: 'warning' };

async function setup(): Promise<TestApp & { model: Model; versionId: string }> {
  const t = await start();
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL })).statusCode).toBe(201);
  const version = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } });
  return { ...t, model: (await t.store.getModel('default', 'churn'))!, versionId: version.json<{ id: string }>().id };
}

async function createRule(t: TestApp, payload: Record<string, unknown> = RULE): Promise<AlertRule> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<AlertRule>();
}

describe('alert rule routes', () => {
  it('gives every new model its default rules, marked isDefault', async () => {
    const t = await setup();
    const { rules } = (await t.app.inject({ method: 'GET', url: '/api/v1/alert-rules?model=churn' })).json<{ rules: AlertRule[] }>();
    expect(rules.map((r) => [r.name, r.metric, r.condition.kind, r.severity, r.isDefault, r.enabled])).toEqual([
      ['Dataset drift', 'drift.dataset', 'threshold', 'warning', true, true],
      ['Performance drop', 'performance.accuracy', 'relative_to_reference', 'critical', true, true],
      ['No data', 'volume.count', 'absence', 'warning', true, true],
    ]);
    // A default rule can be switched off like any other; it stays a default rule.
    const off = await t.app.inject({ method: 'PUT', url: `/api/v1/alert-rules/${rules[0]!.id}`, payload: { name: 'Dataset drift', model: 'churn', metric: 'drift.dataset', condition: { kind: 'threshold', direction: 'above', value: 0.5 }, severity: 'warning', enabled: false } });
    expect(off.json()).toMatchObject({ enabled: false, isDefault: true });
  });

  it('creates, lists, reads, replaces and deletes rules', async () => {
    const t = await setup();
    const rule = await createRule(t, { ...RULE, version: 'production', segment: '*', channels: [], renotifyMinutes: 0 });
    expect(rule).toMatchObject({ modelId: t.model.id, name: 'Age drift', description: null, versionId: t.versionId, segment: '*', feature: 'age', channels: [], enabled: true, autoResolveWindows: 3, cooldownMinutes: 60, renotifyMinutes: 0, isDefault: false });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', payload: RULE })).json()).toMatchObject({ error: { code: 'rule_exists' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/alert-rules/${rule.id}` })).json()).toEqual(rule);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alert-rules/nope' })).json()).toMatchObject({ error: { code: 'rule_not_found' } });

    await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, name: 'other', project: 'lab' } });
    const names = async (query: string): Promise<string[]> => (await t.app.inject({ method: 'GET', url: `/api/v1/alert-rules${query}` })).json<{ rules: AlertRule[] }>().rules.map((r) => r.name);
    expect(await names('')).toEqual(['Dataset drift', 'Performance drop', 'No data', 'Age drift', 'Dataset drift', 'Performance drop', 'No data']);
    expect(await names('?project=lab')).toHaveLength(3);
    expect(await names('?model=churn')).toContain('Age drift');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alert-rules?model=nope' })).json()).toMatchObject({ error: { code: 'model_not_found' } });

    const replaced = await t.app.inject({ method: 'PUT', url: `/api/v1/alert-rules/${rule.id}`, payload: { ...RULE, severity: 'critical', description: 'age moved' } });
    expect(replaced.json()).toMatchObject({ id: rule.id, createdAt: rule.createdAt, severity: 'critical', description: 'age moved', versionId: null, segment: null, renotifyMinutes: 240 });
    const moved = await t.app.inject({ method: 'PUT', url: `/api/v1/alert-rules/${rule.id}`, payload: { ...RULE, model: 'other', project: 'lab' } });
    expect(moved.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'model' } } });

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/alert-rules/${rule.id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/alert-rules/${rule.id}` })).json()).toMatchObject({ error: { code: 'rule_not_found' } });
  });

  it('resolves a rule\'s open alerts when it is switched off or deleted, telling its channels', async () => {
    const t = await setup();
    const channel = await t.app.inject({ method: 'POST', url: '/api/v1/channels', payload: { name: 'ops', kind: 'pagerduty', severities: ['warning'], routingKey: 'R0UT1NG' } });
    expect(channel.statusCode, channel.body).toBe(201);
    const rule = await createRule(t);
    const other = await createRule(t, { ...RULE, name: 'Plan drift', feature: 'plan' });
    const open = (id: string, ruleId: string, status: 'firing' | 'acknowledged' | 'resolved') =>
      makeAlert({ id, ruleId, modelId: t.model.id, feature: id, status, ...(status === 'resolved' ? { resolvedAt: 0, resolvedBy: 'system' } : {}) });
    const alerts = [open('a1', rule.id, 'firing'), open('a2', rule.id, 'acknowledged'), open('a3', rule.id, 'resolved'), open('b1', other.id, 'firing')];
    await t.store.alerts.applyAlertChanges({ alerts: alerts.map((alert) => ({ alert, revision: null })), deliveries: [] });

    const off = await t.app.inject({ method: 'PUT', url: `/api/v1/alert-rules/${rule.id}`, payload: { ...RULE, enabled: false } });
    expect(off.statusCode, off.body).toBe(200);
    for (const id of ['a1', 'a2']) {
      const { alert } = (await t.store.alerts.getAlert(id))!;
      expect(alert).toMatchObject({ status: 'resolved', resolvedBy: 'system' });
      expect(alert.events.at(-1)).toMatchObject({ action: 'resolved', by: 'system', note: 'rule switched off' });
      expect((await t.store.alerts.listDeliveries(id)).map((d) => d.event)).toEqual(['resolved']);
    }
    expect(await t.store.alerts.listDeliveries('a3')).toEqual([]);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/alert-rules/${other.id}` })).statusCode).toBe(204);
    const { alert } = (await t.store.alerts.getAlert('b1'))!;
    expect(alert.events.at(-1)).toMatchObject({ action: 'resolved', note: 'rule deleted' });
    const [delivery] = await t.store.alerts.listDeliveries('b1');
    expect(delivery!.notification.rule).toEqual({ id: other.id, name: 'Plan drift' });
  });

  it('refuses rules that could never work, naming the field', async () => {
    const t = await setup();
    const refused = async (payload: Record<string, unknown>): Promise<{ code: string; field?: string }> => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules', payload: { ...RULE, ...payload } });
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
      const { error } = response.json<{ error: { code: string; details?: { field?: string } } }>();
      return { code: error.code, ...(error.details?.field === undefined ? {} : { field: error.details.field }) };
    };
    expect(await refused({ feature: 'agee' })).toEqual({ code: 'validation_failed', field: 'feature' });
    expect(await refused({ condition: { kind: 'n_of_m', direction: 'above', value: 0.2, n: 4, m: 3 } })).toEqual({ code: 'validation_failed', field: 'condition.n' });
    expect(await refused({ condition: { kind: 'dynamic', method: 'sigma', direction: 'outside', lookback: 10, minHistory: 20 } })).toEqual({ code: 'validation_failed', field: 'condition.minHistory' });
    expect(await refused({ channels: ['nobody'] })).toEqual({ code: 'validation_failed', field: 'channels[0]' });
    expect(await refused({ condition: { kind: 'threshold', direction: 'sideways', value: 1 } })).toMatchObject({ code: 'validation_failed' });
    expect(await refused({ version: '9' })).toEqual({ code: 'version_not_found' });
    expect(await refused({ model: 'nope' })).toEqual({ code: 'model_not_found' });
    expect(await refused({ colour: 'red' })).toEqual({ code: 'validation_failed', field: 'colour' });
    // The prediction, score and label columns have drift too; "*" is every feature.
    await createRule(t, { ...RULE, name: 'Prediction drift', feature: 'prediction' });
    await createRule(t, { ...RULE, name: 'Any drift', feature: '*' });
  });

  it('previews a rule, with proposed changes, over the stored history', async () => {
    const t = await setup();
    const values = [0.1, 0.3, 0.35, 0.1, 0.1, 0.1, 0.4, 0.05];
    await seedWindows(t.store, t.model, t.versionId, values.length, (w, i) => [pointOf(w, 'drift.statistic', 'age', values[i]!), pointOf(w, 'drift.statistic', 'plan', 0.5)]);
    const rule = await createRule(t);
    const preview = await t.app.inject({ method: 'POST', url: `/api/v1/alert-rules/${rule.id}/preview`, payload: {} });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json<{ rule: AlertRule; windowsEvaluated: number; firings: { key: string; value: number; reason: string }[]; alertsOpened: number; firingShare: number }>();
    expect(body.rule).toEqual(rule);
    expect(body.windowsEvaluated).toBe(8);
    expect(body.firings.map((f) => f.value)).toEqual([0.3, 0.35, 0.4]);
    expect(body.firings[0]).toMatchObject({ key: '*||age', reason: 'drift.statistic of age 0.3 above 0.2' });
    // Resolved after 3 clear windows; the cooldown of 60 minutes has passed by the next firing (hourly windows).
    expect(body.alertsOpened).toBe(2);
    expect(body.firingShare).toBeCloseTo(3 / 8, 12);

    const proposed = await t.app.inject({ method: 'POST', url: `/api/v1/alert-rules/${rule.id}/preview`, payload: { feature: '*', condition: { kind: 'threshold', direction: 'above', value: 0.45 } } });
    const changed = proposed.json<{ rule: AlertRule; windowsEvaluated: number; firings: { key: string }[] }>();
    expect(changed.rule).toMatchObject({ id: rule.id, feature: '*', condition: { value: 0.45 } });
    expect(changed.windowsEvaluated).toBe(16);
    expect(changed.firings.map((f) => f.key)).toEqual(Array.from({ length: 8 }, () => '*||plan'));
    // Nothing was saved.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/alert-rules/${rule.id}` })).json()).toEqual(rule);
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/alert-rules/${rule.id}/preview`, payload: { feature: 'nope' } });
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'feature' } } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/alert-rules/nope/preview', payload: {} })).statusCode).toBe(404);
  });

  it('reports precision from feedback and, with enough of it, suggests a threshold', async () => {
    const t = await setup();
    const rule = await createRule(t);
    const precision = async (): Promise<Record<string, unknown>> => (await t.app.inject({ method: 'GET', url: `/api/v1/alert-rules/${rule.id}/precision` })).json();
    expect(await precision()).toEqual({ ruleId: rule.id, labelled: 0, real: 0, false: 0, precision: null, suggestion: null });

    // Real alerts have the larger drift statistics: false ones sit just above the threshold.
    const judged = [0.21, 0.22, 0.23, 0.24, 0.26, 0.31, 0.36, 0.41, 0.46, 0.51, 0.56, 0.61].map((value, i) =>
      makeAlert({
        id: `a${i}`,
        ruleId: rule.id,
        modelId: t.model.id,
        feature: `f${i}`,
        status: 'resolved',
        evidence: { ...makeAlert().evidence, value },
        feedback: { verdict: value > 0.3 ? 'real' : 'false', by: 'ana', at: 0, note: null },
      }),
    );
    await t.store.alerts.applyAlertChanges({ alerts: [...judged, makeAlert({ id: 'unjudged', ruleId: rule.id, modelId: t.model.id })].map((alert) => ({ alert, revision: null })), deliveries: [] });
    const report = await precision();
    expect(report).toMatchObject({ labelled: 12, real: 7, false: 5, precision: 7 / 12 });
    const suggestion = report.suggestion as { threshold: number; keptReal: number; droppedFalse: number; explanation: string };
    // Between the false and the real values (the L2 penalty pulls it a little into the real side).
    expect(suggestion.threshold).toBeGreaterThan(0.26);
    expect(suggestion.threshold).toBeLessThan(0.36);
    const kept = judged.filter((a) => a.feedback!.verdict === 'real' && a.evidence.value! > suggestion.threshold).length;
    expect(suggestion).toMatchObject({ keptReal: kept, droppedFalse: 5 });
    expect(suggestion.explanation).toBe(`raising the threshold from 0.2 to ${suggestion.threshold} would have kept ${kept} of 7 real alerts and dropped 5 of 5 false ones`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alert-rules/nope/precision' })).statusCode).toBe(404);
  });
});
