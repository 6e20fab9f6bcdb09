import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

let current: TestApp | undefined;
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});
async function start(): Promise<TestApp> {
  current = await createTestApp();
  return current;
}

const MODEL = {
  name: 'churn',
  task: 'binary_classification',
  features: [
    { name: 'age', type: 'numerical', range: { min: 0, max: 120 } },
    { name: 'plan', type: 'categorical', categories: ['basic', 'pro'] },
  ],
  prediction: { type: 'numerical' },
  label: { type: 'numerical' },
  score: true,
};

describe('registry routes', () => {
  it('stores the monitor settings with every monitor on unless switched off, and refuses unknown settings', async () => {
    const { app } = await start();
    const created = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, monitors: { anomalies: false, datasetDriftShare: 0.3 } } });
    expect(created.statusCode).toBe(201);
    const expected = { multivariateDrift: true, dataQuality: true, performance: true, anomalies: false, fairness: true, anomalyPercentile: 95, datasetDriftShare: 0.3 };
    expect(created.json()).toMatchObject({ monitors: expected });
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn' })).json()).toMatchObject({ monitors: expected });
    const typo = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, name: 'other', monitors: { anomaly: false } } });
    expect(typo.statusCode).toBe(400);
  });

  it('creates a model with the defaults: project, window, retention', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: expect.any(String) as string,
      project: 'default',
      name: 'churn',
      description: null,
      segmentFields: [],
      protected: null,
      score: true,
      window: { kind: 'count', size: 1000 },
      retention: { recordsDays: 30, metricsDays: 365 },
    });
  });

  it('keeps given settings and merges a partial retention with the defaults', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/models',
      payload: { ...MODEL, project: 'risk', window: { kind: 'time', size: 3600 }, segmentFields: ['plan'], retention: { recordsDays: 7 } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ project: 'risk', window: { kind: 'time', size: 3600 }, segmentFields: ['plan'], retention: { recordsDays: 7, metricsDays: 365 } });
  });

  it('writes out the default lateness of a time window (10 % of its size) and keeps a given one', async () => {
    const { app } = await start();
    const hourly = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, window: { kind: 'time', size: 3600, slide: 900 } } });
    expect(hourly.json()).toMatchObject({ window: { kind: 'time', size: 3600, slide: 900, lateness: 360 } });
    const strict = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, name: 'strict', window: { kind: 'time', size: 60, lateness: 0 } } });
    expect(strict.json()).toMatchObject({ window: { kind: 'time', size: 60, lateness: 0 } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn' })).json()).toMatchObject({ window: { lateness: 360 } });
  });

  it('answers window settings it cannot run 400, naming the field and the rule', async () => {
    const { app } = await start();
    const cases: [object, string, RegExp][] = [
      [{ kind: 'time', size: 3600, slide: 1000 }, 'window.slide', /multiple of slide/],
      [{ kind: 'time', size: 60, slide: 120 }, 'window.slide', /cannot exceed its size/],
      [{ kind: 'time', size: 86_400, slide: 60 }, 'window.slide', /more than 100 windows/],
      [{ kind: 'count', size: 100, lateness: 10 }, 'window.lateness', /only time windows/],
      [{ kind: 'time', size: 3600, lateness: -1 }, 'window.lateness', /./],
    ];
    for (const [window, field, reason] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, window } });
      expect(response.statusCode, field).toBe(400);
      expect(response.json(), field).toMatchObject({ error: { code: 'validation_failed', details: { field, reason: expect.stringMatching(reason) as unknown } } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/models' })).json()).toMatchObject({ models: [] });
  });

  it('rejects unknown fields of a model spec, at any depth, naming the field', async () => {
    const { app } = await start();
    const top = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, windw: { kind: 'count', size: 10 } } });
    expect(top.statusCode).toBe(400);
    expect(top.json()).toMatchObject({ error: { code: 'validation_failed', details: { in: 'body', field: 'windw', reason: 'unknown field (not allowed here)' } } });
    const nested = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, features: [{ name: 'age', type: 'numerical', nulable: false }] } });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toMatchObject({ error: { details: { field: 'features[0].nulable' } } });
  });

  // Regression: a feature named like a record field made every window of the model fail at evaluation time.
  it('refuses features named prediction, score or label', async () => {
    const { app } = await start();
    const res = await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, features: [...MODEL.features, { name: 'score', type: 'numerical' }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'features[2].name' } } });
  });

  it('answers wrong types and missing fields 400 naming the field', async () => {
    const { app } = await start();
    const cases: [unknown, string][] = [
      [{ ...MODEL, task: 'clustering' }, 'task'],
      [{ ...MODEL, features: 'age' }, 'features'],
      [{ ...MODEL, features: [] }, 'features'],
      [{ ...MODEL, name: 'Has Spaces' }, 'name'],
      [{ ...MODEL, window: { kind: 'count', size: 0 } }, 'window.size'],
      [{ ...MODEL, name: undefined }, 'name'],
      [[MODEL], ''],
      ['churn', ''],
    ];
    for (const [payload, field] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/models', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json(), JSON.stringify(payload)).toMatchObject({ error: { code: 'validation_failed', details: { field } } });
    }
  });

  it('answers inconsistent specs 400: duplicate features, embeddings without dimension, unknown segment or protected fields', async () => {
    const { app } = await start();
    const cases: [unknown, string][] = [
      [{ ...MODEL, features: [MODEL.features[0], MODEL.features[0]] }, 'features[1].name'],
      [{ ...MODEL, features: [{ name: 'vector', type: 'embedding' }] }, 'features[0].dimension'],
      [{ ...MODEL, features: [{ name: 'age', type: 'numerical', range: { min: 5, max: 1 } }] }, 'features[0].range'],
      [{ ...MODEL, segmentFields: ['region'] }, 'segmentFields[0]'],
      [{ ...MODEL, protected: { field: 'gender', privileged: 'male' } }, 'protected.field'],
    ];
    for (const [payload, field] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/models', payload: payload as object });
      expect(response.statusCode, field).toBe(400);
      expect(response.json(), field).toMatchObject({ error: { code: 'validation_failed', details: { field } } });
    }
  });

  it('answers a second model with the same name in a project 409, and allows it in another project', async () => {
    const { app } = await start();
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL })).statusCode).toBe(201);
    const again = await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'model_exists' } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, project: 'other' } })).statusCode).toBe(201);
  });

  it('lists and gets models by project', async () => {
    const { app } = await start();
    await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, name: 'fraud', project: 'risk' } });
    const all = await app.inject({ method: 'GET', url: '/api/v1/models' });
    expect(all.json<{ models: { name: string }[] }>().models.map((m) => m.name).sort()).toEqual(['churn', 'fraud']);
    const risk = await app.inject({ method: 'GET', url: '/api/v1/models?project=risk' });
    expect(risk.json<{ models: { name: string }[] }>().models.map((m) => m.name)).toEqual(['fraud']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn' })).json()).toMatchObject({ name: 'churn', project: 'default' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/fraud?project=risk' })).json()).toMatchObject({ name: 'fraud', project: 'risk' });
    const missing = await app.inject({ method: 'GET', url: '/api/v1/models/fraud' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'model_not_found', details: { project: 'default', model: 'fraud' } } });
    const badProject = await app.inject({ method: 'GET', url: '/api/v1/models?project=Bad%20Name' });
    expect(badProject.statusCode).toBe(400);
    expect(badProject.json()).toMatchObject({ error: { code: 'validation_failed', details: { in: 'querystring', field: 'project' } } });
  });

  it('creates and lists versions with aliases; a duplicate version is 409; unknown fields 400; unknown model 404', async () => {
    const { app } = await start();
    await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    const v1 = await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'], metadata: { trainingDataHash: 'abc', metrics: { auc: 0.91 } } } });
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ version: '1', aliases: ['production'], metadata: { trainingDataHash: 'abc', metrics: { auc: 0.91 } }, reference: null });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1' } })).json()).toMatchObject({ error: { code: 'version_exists' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '2', stage: 'prod' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { details: { field: 'stage' } } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/nope/versions', payload: { version: '1' } })).statusCode).toBe(404);
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '2' } });
    const list = await app.inject({ method: 'GET', url: '/api/v1/models/churn/versions' });
    expect(list.json<{ versions: { version: string }[] }>().versions.map((v) => v.version).sort()).toEqual(['1', '2']);
  });

  it('moves an alias between versions; unknown versions are 404 and bodies are checked', async () => {
    const { app } = await start();
    await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } });
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '2' } });
    const moved = await app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/production', payload: { version: '2' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ version: '2', aliases: ['production'] });
    const versions = (await app.inject({ method: 'GET', url: '/api/v1/models/churn/versions' })).json<{ versions: { version: string; aliases: string[] }[] }>().versions;
    expect(versions.find((v) => v.version === '1')?.aliases).toEqual([]);
    const missing = await app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/production', payload: { version: '9' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'version_not_found' } });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/production', payload: { version: 2 } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/production', payload: { version: '2', force: true } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/Not%20A%20Slug', payload: { version: '2' } })).statusCode).toBe(400);
  });

  describe('reference upload', () => {
    const reference = Array.from({ length: 60 }, (_, i) => ({ features: { age: 20 + (i % 40), plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2, score: (i % 10) / 10, label: i % 2 }));

    async function withVersion(): Promise<TestApp> {
      const started = await start();
      await started.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
      await started.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } });
      return started;
    }

    it('builds and stores the reference profile of a version (by name or alias)', async () => {
      const { app, store } = await withVersion();
      const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/production/reference', payload: { records: reference } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ version: '1', reference: { rows: 60 } });
      const version = response.json<{ id: string }>();
      expect((await store.getReferenceProfile(version.id))?.byteLength).toBeGreaterThan(0);
    });

    it('accepts a JSON Lines reference', async () => {
      const { app } = await withVersion();
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/models/churn/versions/1/reference',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: reference.map((record) => JSON.stringify(record)).join('\n'),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ reference: { rows: 60 } });
    });

    it('fails the upload when a record does not match the schema, listing the records', async () => {
      const { app } = await withVersion();
      const bad = [...reference.slice(0, 5), { features: { age: 'old' }, prediction: 1 }, { features: { age: 3 } }];
      const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: bad } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: { code: 'invalid_reference', details: { rejected: 2, records: [{ index: 5, field: 'features.age' }, { index: 6, field: 'prediction' }] } },
      });
    });

    it('answers an empty reference 400, an unknown version 404, an unknown model 404', async () => {
      const { app } = await withVersion();
      expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: [] } })).json()).toMatchObject({ error: { code: 'invalid_reference' } });
      expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/7/reference', payload: { records: reference } })).json()).toMatchObject({ error: { code: 'version_not_found' } });
      expect((await app.inject({ method: 'POST', url: '/api/v1/models/nope/versions/1/reference', payload: { records: reference } })).json()).toMatchObject({ error: { code: 'model_not_found' } });
      expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { rows: reference } })).statusCode).toBe(400);
    });
  });
});

describe('PATCH /api/v1/models/{model}', () => {
  const patch = (app: TestApp['app'], payload: unknown, url = '/api/v1/models/churn') => app.inject({ method: 'PATCH', url, payload: payload as object });

  it('merges monitors and retention, replaces the other fields, and keeps the record schema', async () => {
    const { app } = await start();
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, description: 'first', monitors: { fairness: false } } })).statusCode).toBe(201);
    const response = await patch(app, { monitors: { anomalies: false, anomalyPercentile: 99 }, retention: { recordsDays: 7 }, segmentFields: ['plan'], window: { kind: 'time', size: 3600 }, description: null });
    expect(response.statusCode).toBe(200);
    const expected = {
      name: 'churn',
      task: 'binary_classification',
      description: null,
      segmentFields: ['plan'],
      window: { kind: 'time', size: 3600, lateness: 360 },
      retention: { recordsDays: 7, metricsDays: 365 },
      monitors: { multivariateDrift: true, dataQuality: true, performance: true, anomalies: false, fairness: false, anomalyPercentile: 99, datasetDriftShare: 0.5 },
      features: MODEL.features,
    };
    expect(response.json()).toMatchObject(expected);
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn' })).json()).toMatchObject(expected);

    const protectedSet = await patch(app, { protected: { field: 'plan', privileged: 'pro' }, description: 'second' });
    expect(protectedSet.json()).toMatchObject({ protected: { field: 'plan', privileged: 'pro' }, description: 'second', monitors: { anomalies: false } });
    expect((await patch(app, { protected: null })).json()).toMatchObject({ protected: null, description: 'second' });
  });

  it('answers 400 naming the field for unknown or fixed fields and settings create would refuse; 404 for an unknown model', async () => {
    const { app } = await start();
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL })).statusCode).toBe(201);
    const cases: [unknown, string][] = [
      [{ monitor: { anomalies: false } }, 'monitor'],
      [{ monitors: { anomaly: false } }, 'anomaly'],
      [{ features: [] }, 'features'],
      [{ name: 'renamed' }, 'name'],
      [{ task: 'regression' }, 'task'],
      [{ segmentFields: ['region'] }, 'segmentFields[0]'],
      [{ protected: { field: 'region', privileged: 'x' } }, 'protected.field'],
      [{ window: { kind: 'time', size: 3600, slide: 7 } }, 'window.slide'],
      [{ retention: { recordsDays: 0 } }, 'recordsDays'],
      [{}, ''],
    ];
    for (const [payload, field] of cases) {
      const response = await patch(app, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
      expect(JSON.stringify(response.json()), JSON.stringify(payload)).toContain(field);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn' })).json()).toMatchObject({ segmentFields: [], protected: null, window: { kind: 'count', size: 1000 } });
    const missing = await patch(app, { description: 'x' }, '/api/v1/models/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'model_not_found' } });
    expect((await patch(app, { description: 'x' }, '/api/v1/models/churn?project=other')).statusCode).toBe(404);
  });
});
