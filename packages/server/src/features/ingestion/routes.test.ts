import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { ValidRecord } from '@bothub/core';
import type { AppDeps } from '../../app.js';
import { createTestApp, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

let current: TestApp | undefined;
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

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

/** A model with versions 1 (production) and 2. */
async function start(overrides: Partial<AppDeps> = {}, aliases: string[] = ['production']): Promise<TestApp> {
  current = await createTestApp(overrides);
  await current.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
  await current.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases } });
  await current.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '2' } });
  return current;
}

function record(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, features: { age: 40, plan: 'pro' }, prediction: 1, score: 0.8, ...extra };
}

interface BatchBody {
  results: { id: string | null; status: string; field?: string; reason?: string }[];
  accepted: number;
  duplicates: number;
  rejected: number;
}

describe('POST /api/v1/models/{model}/predictions', () => {
  it('accepts a batch, answers per record in order, stores it and wakes the evaluator', async () => {
    const { app, store, wakes } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a'), record('b'), record('c')] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      results: [
        { id: 'a', status: 'accepted' },
        { id: 'b', status: 'accepted' },
        { id: 'c', status: 'accepted' },
      ],
      accepted: 3,
      duplicates: 0,
      rejected: 0,
    });
    expect(wakes()).toBe(1);
    // Stored before the answer: the same ids sent straight to the store are duplicates.
    const model = (await store.getModel('default', 'churn'))!;
    const version = (await store.getVersion(model.id, '1'))!;
    const again = ['a', 'b', 'c'].map((id) => ({ id, versionId: version.id, timestamp: TEST_NOW, features: {}, prediction: 1, score: null, label: null, segment: null }));
    expect(await store.ingestPredictions(model, again)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('accepts the valid records of a mixed batch and rejects the others with field and reason', async () => {
    const { app } = await start();
    const records = [
      record('ok-1'),
      record('bad-type', { features: { age: 'forty', plan: 'pro' } }),
      record('bad-score', { score: 3 }),
      { features: { age: 1 }, prediction: 1 },
      'not an object',
      record('bad-prediction', { prediction: 'yes' }),
      record('ok-2', { features: { age: 500, plan: 'enterprise' } }),
    ];
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } });
    expect(response.statusCode).toBe(200);
    const body = response.json<BatchBody>();
    expect(body.results.map((r) => [r.id, r.status, r.field])).toEqual([
      ['ok-1', 'accepted', undefined],
      ['bad-type', 'rejected', 'features.age'],
      ['bad-score', 'rejected', 'score'],
      [null, 'rejected', 'id'],
      [null, 'rejected', 'record'],
      ['bad-prediction', 'rejected', 'prediction'],
      // Out of range and unseen categories are data-quality findings, not rejections.
      ['ok-2', 'accepted', undefined],
    ]);
    expect(body.results.every((r) => r.status !== 'rejected' || (typeof r.reason === 'string' && r.reason !== ''))).toBe(true);
    expect(body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 5 });
  });

  it('counts a repeated id once: duplicates within a batch and across batches', async () => {
    const { app, wakes } = await start();
    const first = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a'), record('a'), record('b')] } });
    expect(first.json<BatchBody>().results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'accepted']);
    const second = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('b'), record('a')] } });
    expect(second.json()).toMatchObject({ results: [{ id: 'b', status: 'duplicate' }, { id: 'a', status: 'duplicate' }], accepted: 0, duplicates: 2, rejected: 0 });
    // Nothing new was stored by the second batch: no wake-up.
    expect(wakes()).toBe(1);
  });

  it('sends records without a version to the production alias, and takes versions and aliases by name', async () => {
    const { app, store } = await start();
    const stored: ValidRecord[] = [];
    const ingest = store.ingestPredictions.bind(store);
    store.ingestPredictions = (model, records) => {
      stored.push(...records);
      return ingest(model, records);
    };
    await app.inject({ method: 'PUT', url: '/api/v1/models/churn/aliases/staging', payload: { version: '2' } });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/predictions',
      payload: { records: [record('default'), record('named', { version: '2' }), record('alias', { version: 'staging' }), record('unknown', { version: '9' })] },
    });
    expect(response.json<BatchBody>().results.map((r) => [r.status, r.field])).toEqual([
      ['accepted', undefined],
      ['accepted', undefined],
      ['accepted', undefined],
      ['rejected', 'version'],
    ]);
    const model = (await store.getModel('default', 'churn'))!;
    const v1 = (await store.getVersion(model.id, '1'))!;
    const v2 = (await store.getVersion(model.id, '2'))!;
    expect(stored.map((r) => [r.id, r.versionId])).toEqual([
      ['default', v1.id],
      ['named', v2.id],
      ['alias', v2.id],
    ]);
    expect(stored[0]!.timestamp).toBe(TEST_NOW);
  });

  it('rejects records on field "version" when none is given and the model has no production alias', async () => {
    const { app } = await start({}, []);
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a'), record('b', { version: '1' })] } });
    expect(response.json()).toMatchObject({
      results: [{ id: 'a', status: 'rejected', field: 'version', reason: 'no version given and the model has no production alias' }, { id: 'b', status: 'accepted' }],
      accepted: 1,
      rejected: 1,
    });
  });

  it('ignores unknown top-level fields of a record', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a', { extra: { nested: true }, tenant: 'x' })] } });
    expect(response.json()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('answers an unknown model 404 and stores nothing', async () => {
    const { app, wakes } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/nope/predictions', payload: { records: [record('a')] } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'model_not_found', details: { model: 'nope' } } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions?project=other', payload: { records: [record('a')] } })).statusCode).toBe(404);
    expect(wakes()).toBe(0);
  });

  it('answers a batch longer than the limit 413 naming the limit, and stores none of it', async () => {
    const { app, wakes } = await start({ limits: { bodyBytes: 1_000_000, batchRecords: 5 } });
    const records = Array.from({ length: 6 }, (_, i) => record(`r${i}`));
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'batch_too_large', message: 'The batch holds 6 records, more than the limit of 5.', details: { limit: 5, received: 6 } } });
    expect(wakes()).toBe(0);
    const retry = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: records.slice(0, 5) } });
    expect(retry.json()).toMatchObject({ accepted: 5 });
  });

  it('answers a body over the limit 413 naming the limit', async () => {
    const { app } = await start({ limits: { bodyBytes: 2000, batchRecords: 1000 } });
    const records = Array.from({ length: 50 }, (_, i) => record(`r${i}`));
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'body_too_large', details: { limit: 2000 } } });
    expect(response.json<{ error: { message: string } }>().error.message).toContain('2000 bytes');
  });

  it('answers malformed JSON and a body of the wrong shape 400', async () => {
    const { app } = await start();
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', headers: { 'content-type': 'application/json' }, payload: '{"records": [' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'invalid_json' } });
    for (const payload of [{ records: 'a' }, { record: [] }, [record('a')], { records: null }]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json(), JSON.stringify(payload)).toMatchObject({ error: { code: 'validation_failed', details: { in: 'body' } } });
    }
  });

  it('accepts JSON Lines bodies, one record per line, blank lines skipped', async () => {
    const { app } = await start();
    const payload = `${JSON.stringify(record('a'))}\n\n${JSON.stringify(record('b', { score: 7 }))}\r\n${JSON.stringify(record('c'))}\n`;
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', headers: { 'content-type': 'application/x-ndjson' }, payload });
    expect(response.statusCode).toBe(200);
    expect(response.json<BatchBody>().results.map((r) => [r.id, r.status])).toEqual([
      ['a', 'accepted'],
      ['b', 'rejected'],
      ['c', 'accepted'],
    ]);
  });

  it('answers a JSON Lines body with a malformed line 400 naming the line', async () => {
    const { app, wakes } = await start();
    const payload = `${JSON.stringify(record('a'))}\n{"id": "b",\n`;
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', headers: { 'content-type': 'application/x-ndjson' }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_json', details: { line: 2 } } });
    expect(wakes()).toBe(0);
  });

  it('accepts gzip-encoded JSON and JSON Lines bodies', async () => {
    const { app } = await start();
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/predictions',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ records: [record('a'), record('b')] })),
    });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ accepted: 2 });
    const lines = await app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/predictions',
      headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
      payload: gzipSync([record('c'), record('a')].map((r) => JSON.stringify(r)).join('\n')),
    });
    expect(lines.json()).toMatchObject({ results: [{ id: 'c', status: 'accepted' }, { id: 'a', status: 'duplicate' }] });
  });

  it('answers a gzip body that decodes past the limit 413', async () => {
    const { app } = await start({ limits: { bodyBytes: 5000, batchRecords: 10_000 } });
    const records = Array.from({ length: 500 }, (_, i) => record(`r${i}`));
    const payload = gzipSync(JSON.stringify({ records }));
    expect(payload.length).toBeLessThan(5000);
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'body_too_large', details: { limit: 5000 } } });
  });

  it('answers an empty batch with zero counts and no wake-up', async () => {
    const { app, wakes } = await start();
    const response = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [] } });
    expect(response.json()).toEqual({ results: [], accepted: 0, duplicates: 0, rejected: 0 });
    expect(wakes()).toBe(0);
  });

  it('keeps accepted records when the store fails later: a failed batch answers 500 and can be retried', async () => {
    const { app, store } = await start();
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a')] } });
    const ingest = store.ingestPredictions.bind(store);
    store.ingestPredictions = () => Promise.reject(new Error('disk full'));
    const failed = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('b')] } });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({ error: { code: 'internal' } });
    store.ingestPredictions = ingest;
    const retried = await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a'), record('b')] } });
    expect(retried.json()).toMatchObject({ results: [{ id: 'a', status: 'duplicate' }, { id: 'b', status: 'accepted' }] });
  });
});

describe('POST /api/v1/models/{model}/labels', () => {
  it('stores labels per id, counts a second label for an id as a duplicate and rejects invalid ones', async () => {
    const { app, wakes } = await start();
    await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [record('a')] } });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/labels',
      payload: { labels: [{ id: 'a', label: 1 }, { id: 'later', label: 0, timestamp: TEST_NOW - 1000 }, { id: 'a', label: 0 }, { id: 'x', label: 'yes' }, { label: 1 }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<BatchBody>().results.map((r) => [r.id, r.status])).toEqual([
      ['a', 'accepted'],
      ['later', 'accepted'],
      ['a', 'duplicate'],
      ['x', 'rejected'],
      [null, 'rejected'],
    ]);
    expect(response.json()).toMatchObject({ accepted: 2, duplicates: 1, rejected: 2 });
    expect(wakes()).toBe(2);
  });

  it('accepts JSON Lines labels and answers the same errors as predictions', async () => {
    const { app } = await start({ limits: { bodyBytes: 1_000_000, batchRecords: 2 } });
    const lines = await app.inject({
      method: 'POST',
      url: '/api/v1/models/churn/labels',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: '{"id":"a","label":1}\n{"id":"b","label":0}',
    });
    expect(lines.json()).toMatchObject({ accepted: 2 });
    const tooMany = await app.inject({ method: 'POST', url: '/api/v1/models/churn/labels', payload: { labels: [{ id: 'a', label: 1 }, { id: 'b', label: 1 }, { id: 'c', label: 1 }] } });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json()).toMatchObject({ error: { code: 'batch_too_large', details: { limit: 2 } } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/nope/labels', payload: { labels: [] } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/labels', payload: { records: [] } })).statusCode).toBe(400);
  });
});
