import { describe, expect, it } from 'vitest';
import type { AlertRule, Model } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { pointOf, seedWindows } from '../../testing/seed-windows.js';
import { startTestApps, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import type { FleetEntry } from './service.js';

const start = startTestApps();
const HOUR = 3_600_000;

/** A model with count windows of one record (for seedWindows), and version 1 as production unless `production` is false. */
async function register(t: TestApp, name: string, options: { project?: string; production?: boolean } = {}): Promise<{ model: Model; versionId: string }> {
  const query = options.project === undefined ? '' : `?project=${options.project}`;
  const spec = { name, project: options.project, task: 'regression', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'numerical' }, window: { kind: 'count', size: 1 } };
  const model = (await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: spec })).json<Model>();
  const version = await t.app.inject({ method: 'POST', url: `/api/v1/models/${name}/versions${query}`, payload: { version: '1', aliases: options.production === false ? [] : ['production'] } });
  expect(version.statusCode, version.body).toBe(201);
  return { model, versionId: version.json<{ id: string }>().id };
}

async function fleet(t: TestApp, query = ''): Promise<FleetEntry[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/fleet${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ models: FleetEntry[] }>().models;
}

describe('GET /api/v1/fleet', () => {
  it('lists every model worst first with its production version, health, traffic, label coverage and open alerts', async () => {
    const t = await start();
    const drifty = await register(t, 'drifty');
    // Windows at 24.5 h, 12.5 h and 0.5 h ago: the oldest is critical, the newest warning (health reads the newest).
    await seedWindows(t.store, drifty.model, drifty.versionId, 3, (w, i) => [
      pointOf(w, 'drift.statistic', 'age', 0.1 * (i + 1), { status: i === 0 ? 'critical' : i === 2 ? 'warning' : 'ok' }),
      pointOf(w, 'label.coverage', null, [0.1, 0.2, 0.4][i]!),
      pointOf(w, 'quality.missing_share', 'age', 0),
    ], { start: TEST_NOW - 24.5 * HOUR, stepMs: 12 * HOUR });
    const broken = await register(t, 'broken');
    await seedWindows(t.store, broken.model, broken.versionId, 1, (w) => [pointOf(w, 'anomaly.share', null, 0.5, { status: 'critical' })], { start: TEST_NOW - 48 * HOUR });
    const calm = await register(t, 'calm', { project: 'other' });
    await seedWindows(t.store, calm.model, calm.versionId, 2, (w) => [pointOf(w, 'drift.statistic', 'age', 0.01)], { start: TEST_NOW - 0.75 * HOUR, stepMs: HOUR / 4 });
    await register(t, 'idle', { production: false });

    const [rule] = (await t.app.inject({ method: 'GET', url: '/api/v1/alert-rules?model=drifty' })).json<{ rules: AlertRule[] }>().rules;
    const statuses = [['firing', 'a'], ['firing', 'b'], ['acknowledged', 'c'], ['resolved', 'd']] as const;
    for (const [status, feature] of statuses) {
      const alert = makeAlert({ id: `alert-${feature}`, ruleId: rule!.id, modelId: drifty.model.id, feature, status, firstFiredAt: TEST_NOW, lastFiredAt: TEST_NOW, ...(status === 'resolved' ? { resolvedAt: TEST_NOW, resolvedBy: 'system' } : {}) });
      await t.store.alerts.applyAlertChanges({ alerts: [{ alert, revision: null }], deliveries: [] });
    }

    const models = await fleet(t);
    expect(models.map((m) => [m.name, m.project, m.status])).toEqual([
      ['broken', 'default', 'critical'],
      ['drifty', 'default', 'warning'],
      ['calm', 'other', 'ok'],
      ['idle', 'default', 'insufficient_data'],
    ]);
    const [brokenEntry, driftyEntry, calmEntry, idleEntry] = models;
    expect(driftyEntry).toMatchObject({
      task: 'regression',
      production: '1',
      monitors: [
        { monitor: 'drift', status: 'warning', updatedAt: TEST_NOW - 0.5 * HOUR },
        { monitor: 'label', status: 'ok' },
        { monitor: 'quality', status: 'ok' },
      ],
      traffic: { lastHour: 1, lastDay: 2 },
      labelCoverage: 0.4,
      openAlerts: 3,
    });
    expect(driftyEntry!.traffic.lastRecordAt).toBeGreaterThan(0);
    expect(brokenEntry).toMatchObject({ traffic: { lastHour: 0, lastDay: 0 }, labelCoverage: null, openAlerts: 0, monitors: [{ monitor: 'anomaly', status: 'critical' }] });
    expect(calmEntry).toMatchObject({ traffic: { lastHour: 2, lastDay: 2 } });
    expect(idleEntry).toEqual({ name: 'idle', project: 'default', task: 'regression', production: null, status: 'insufficient_data', monitors: [], traffic: { lastHour: 0, lastDay: 0, lastRecordAt: null }, labelCoverage: null, openAlerts: 0 });

    expect((await fleet(t, '?project=other')).map((m) => m.name)).toEqual(['calm']);
    expect(await fleet(t, '?project=empty')).toEqual([]);
  });

  it('answers 400 for a malformed project or an unknown query field', async () => {
    const t = await start();
    for (const query of ['?project=Bad Name', '?projet=default']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/fleet${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });
});
