/**
 * The client against a real service: an application listening on 127.0.0.1 over a fresh SQLite store, reached with
 * the global fetch. Lives in test/ as it imports the server (client code may not: dependency rule client-no-server).
 */
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestApps } from '../../server/src/testing/test-app.js';
import { BothubApiError, createBothubClient } from '../src/index.js';
import type { ApiBody, BothubClient } from '../src/index.js';

const startApp = startTestApps();

async function startClient(headers?: Record<string, string>): Promise<{ bothub: BothubClient; seen: Request[] }> {
  const { app } = await startApp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const seen: Request[] = [];
  const bothub = createBothubClient({
    baseUrl: `http://127.0.0.1:${port}`,
    fetch: (request) => {
      seen.push(request.clone());
      return fetch(request);
    },
    ...(headers === undefined ? {} : { headers }),
  });
  return { bothub, seen };
}

const CHURN: ApiBody<'/api/v1/models', 'post'> = {
  name: 'churn',
  task: 'binary_classification',
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'plan', type: 'categorical' },
  ],
  prediction: { type: 'numerical' },
  label: { type: 'numerical' },
};

describe('createBothubClient', () => {
  it('lists models, creates one, and reads the service and model health', async () => {
    const { bothub } = await startClient();

    expect(await bothub.get('/healthz')).toEqual({ status: 'ok' });
    expect(await bothub.get('/api/v1/models')).toEqual({ models: [] });

    const created = await bothub.post('/api/v1/models', { body: CHURN });
    expect(created).toMatchObject({ name: 'churn', project: 'default', task: 'binary_classification' });
    expect(created.features.map((feature) => feature.name)).toEqual(['age', 'plan']);

    const { models } = await bothub.get('/api/v1/models', { params: { query: { project: 'default' } } });
    expect(models.map((model) => model.name)).toEqual(['churn']);

    const health = await bothub.get('/api/v1/models/{model}/health', { params: { path: { model: 'churn' } } });
    expect(health).toMatchObject({ model: 'churn', status: 'insufficient_data' });
  });

  it('changes a model\'s settings and reads the fleet', async () => {
    const { bothub } = await startClient();
    await bothub.post('/api/v1/models', { body: CHURN });
    const changed = await bothub.patch('/api/v1/models/{model}', { params: { path: { model: 'churn' } }, body: { monitors: { anomalies: false }, description: 'scored nightly' } });
    expect(changed).toMatchObject({ description: 'scored nightly', monitors: { anomalies: false, dataQuality: true } });
    const { models } = await bothub.get('/api/v1/fleet');
    expect(models).toEqual([
      { name: 'churn', project: 'default', task: 'binary_classification', production: null, status: 'insufficient_data', monitors: [], traffic: { lastHour: 0, lastDay: 0, lastRecordAt: null }, labelCoverage: null, openAlerts: 0 },
    ]);
  });

  it('answers { data, error, response } through the openapi-fetch methods', async () => {
    const { bothub } = await startClient();
    const { data, error, response } = await bothub.GET('/api/v1/models/{model}', { params: { path: { model: 'nope' } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error?.error.code).toBe('model_not_found');
  });

  it('throws a BothubApiError with the code, message, details and status of an error body', async () => {
    const { bothub } = await startClient();
    const missing = await bothub.get('/api/v1/models/{model}', { params: { path: { model: 'nope' } } }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(BothubApiError);
    expect(missing).toMatchObject({ status: 404, code: 'model_not_found', message: 'No model with this name in the project.' });

    await bothub.post('/api/v1/models', { body: CHURN });
    const taken = await bothub.post('/api/v1/models', { body: CHURN }).catch((error: unknown) => error);
    expect(taken).toMatchObject({ status: 409, code: 'model_exists' });

    // A typo'd setting: the service names the field in details.
    const misspelt = { ...CHURN, name: 'other', windw: {} };
    const typo = await bothub.post('/api/v1/models', { body: misspelt }).catch((error: unknown) => error);
    expect(typo).toBeInstanceOf(BothubApiError);
    expect(typo).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(JSON.stringify((typo as BothubApiError).details)).toContain('windw');
  });

  it('sends the configured headers with every request', async () => {
    const { bothub, seen } = await startClient({ 'x-bothub-test': 'yes' });
    await bothub.get('/healthz');
    expect(seen.map((request) => request.headers.get('x-bothub-test'))).toEqual(['yes']);
  });
});

describe('BothubApiError.fromResponse', () => {
  it('keeps a body of another shape as details under the code unexpected_response', () => {
    const error = BothubApiError.fromResponse(502, '<html>Bad Gateway</html>');
    expect(error).toMatchObject({ status: 502, code: 'unexpected_response', details: '<html>Bad Gateway</html>' });
    expect(error.message).toBe('The service answered HTTP 502 without an error body.');
  });
});
