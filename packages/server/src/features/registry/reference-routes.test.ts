import { gzipSync } from 'node:zlib';
import { deserializeReferenceProfile } from '@bothub/core';
import type { DatasetColumn, ReferenceProfile } from '@bothub/core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { startTestApps, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';

const startApp = startTestApps();

const MODEL = {
  name: 'churn',
  task: 'binary_classification',
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'plan', type: 'categorical' },
    { name: 'region', type: 'categorical' },
    { name: 'vec', type: 'embedding', dimension: 2 },
  ],
  prediction: { type: 'numerical' },
  label: { type: 'numerical' },
  score: true,
  segmentFields: ['plan'],
};

const URL = '/api/v1/models/churn/versions/1/reference';

/** An app with the churn model and its version 1 (alias `production`). */
async function start(limits: { bodyBytes?: number; referenceBodyBytes?: number } = {}): Promise<TestApp> {
  const t = await startApp({ limits: { bodyBytes: limits.bodyBytes ?? 64 * 1024, batchRecords: 1000, referenceBodyBytes: limits.referenceBodyBytes ?? 64 * 1024 ** 2 } });
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL })).statusCode).toBe(201);
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1', aliases: ['production'] } })).statusCode).toBe(201);
  return t;
}

async function storedProfile(t: TestApp, version = '1'): Promise<ReferenceProfile> {
  const model = (await t.store.getModel('default', 'churn'))!;
  const stored = (await t.store.getVersion(model.id, version))!;
  return deserializeReferenceProfile((await t.store.getReferenceProfile(stored.id))!);
}

function labels(column: DatasetColumn | undefined): (string | null)[] {
  if (column?.values.storage !== 'categorical') throw new Error('not categorical');
  const { codes, dictionary } = column.values;
  return [...codes].map((code) => (code < 0 ? null : dictionary[code]!));
}

/** CSV rows: age 20–59, every 10th missing; plan; region as numeric codes; a two-column embedding; the record's fields; a column the model does not know. */
function csv(rows: number, separator = ','): string {
  const lines = [['age', 'plan', 'region', 'vec_0', 'vec_1', 'prediction', 'score', 'label', 'note'].join(separator)];
  for (let i = 0; i < rows; i++) {
    lines.push([i % 10 === 0 ? '' : String(20 + (i % 40)), i % 3 === 0 ? 'pro' : 'basic', String(1 + (i % 3)), String(i % 7), '0.5', String(i % 2), String((i % 10) / 10), String(i % 2), `n${i}`].join(separator));
  }
  return `${lines.join('\n')}\n`;
}

describe('reference upload: CSV, JSON Lines, Parquet', () => {
  it('reads a CSV by column name with the model\'s types, leaves other columns out and stores the profile', async () => {
    const t = await start();
    const response = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv' }, payload: csv(300) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ version: '1', reference: { rows: 300 } });
    const { reference } = await storedProfile(t);
    expect([...reference.columns.keys()].sort()).toEqual(['age', 'label', 'plan', 'prediction', 'region', 'score', 'vec']);
    expect(reference.source).toBe('reference churn@1 (CSV)');
    expect(reference.columns.get('age')!.counts).toEqual({ rows: 300, missing: 30, typeMismatches: 0, min: 21, max: 59 });
    // Numeric codes of a categorical feature are categories spelled as a window stores them.
    expect(reference.columns.get('region')!.type).toBe('categorical');
    expect(new Set(labels(reference.columns.get('region')))).toEqual(new Set(['1', '2', '3']));
    const vec = reference.columns.get('vec')!.values;
    expect(vec.storage === 'embedding' && vec.vectors.cols).toBe(2);
  });

  it('samples a large gzip-encoded CSV to 10,000 rows while reading, counts over every row; the alias names the version', async () => {
    const t = await start();
    const body = gzipSync(csv(25_000, ';'));
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/production/reference', headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' }, payload: body });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ version: '1', reference: { rows: 25_000 } });
    const profile = await storedProfile(t);
    expect(profile.rows).toBe(25_000);
    expect(profile.reference.sampledRows).toBe(10_000);
    expect(profile.reference.sampling).toMatch(/^uniform reservoir sample, 10000 of 25000 rows/);
    expect(profile.reference.columns.get('age')!.counts).toMatchObject({ rows: 25_000, missing: 2500, min: 21, max: 59 });
  });

  it('reads Parquet sent as application/vnd.apache.parquet or as an octet stream with ?format=parquet', async () => {
    const t = await start();
    const n = 50;
    const parquet = Buffer.from(
      parquetWriteBuffer({
        columnData: [
          { name: 'age', data: Array.from({ length: n }, (_, i) => (i === 0 ? null : 20 + i)), type: 'DOUBLE' },
          { name: 'plan', data: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'pro' : 'basic')), type: 'STRING' },
          { name: 'region', data: Array.from({ length: n }, (_, i) => BigInt(i % 4)), type: 'INT64' },
          { name: 'vec', data: Array.from({ length: n }, (_, i) => `[${i},1]`), type: 'STRING' },
          { name: 'prediction', data: Array.from({ length: n }, (_, i) => i % 2), type: 'INT32' },
          { name: 'label', data: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)), type: 'INT32' },
        ],
        rowGroupSize: 20,
      }),
    );
    const typed = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/vnd.apache.parquet' }, payload: parquet });
    expect(typed.statusCode).toBe(200);
    expect(typed.json()).toMatchObject({ reference: { rows: n } });
    const { reference } = await storedProfile(t);
    expect(reference.source).toBe('reference churn@1 (Parquet)');
    // No score column in the file: the profile has none, and its monitors skip it.
    expect([...reference.columns.keys()].sort()).toEqual(['age', 'label', 'plan', 'prediction', 'region', 'vec']);
    expect(reference.columns.get('age')!.counts).toEqual({ rows: n, missing: 1, typeMismatches: 0, min: 21, max: 69 });
    expect(new Set(labels(reference.columns.get('region')))).toEqual(new Set(['0', '1', '2', '3']));

    const octets = await t.app.inject({ method: 'POST', url: `${URL}?format=parquet`, headers: { 'content-type': 'application/octet-stream' }, payload: parquet });
    expect(octets.statusCode).toBe(200);
  });

  it('streams a large JSON Lines reference, record by record, sampling 10,000 of them', async () => {
    const t = await start();
    const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ features: { age: 20 + (i % 40), plan: 'pro', region: i % 3, vec: [i % 5, 1] }, prediction: i % 2, score: 0.5, label: i % 2 }));
    const response = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/x-ndjson' }, payload: `\uFEFF${lines.join('\r\n')}\r\n\r\n` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ reference: { rows: 12_000 } });
    const profile = await storedProfile(t);
    expect(profile.reference.sampledRows).toBe(10_000);
    expect(profile.reference.columns.get('age')!.counts).toMatchObject({ rows: 12_000, missing: 0, min: 20, max: 59 });
  });
});

describe('reference upload: bad input answers 4xx naming the problem', () => {
  it('a file with none of the model\'s columns', async () => {
    const t = await start();
    const response = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv' }, payload: 'height,colour\n1,red\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'invalid_reference', message: expect.stringMatching(/^The uploaded CSV has none of the model's columns \(expected some of: age, plan, region, vec, prediction, score, label; found: height, colour\)/) as unknown, details: { found: ['height', 'colour'] } },
    });
  });

  it('values that are not of the model\'s type, named by column; vectors of another length; an empty file; a header alone', async () => {
    const t = await start();
    const cases: [string, RegExp][] = [
      ['age,prediction\nold,1\nyoung,0\n12,1\n', /Mixed types in column age of the uploaded CSV: 2 of 3 values .* are not numerical/],
      ['vec_0,vec_1,vec_2\n1,2,3\n', /column vec holds vectors of length 3; the model declares 2/],
      ['', /empty/],
      ['age,plan\n', /header but no rows/],
    ];
    for (const [payload, message] of cases) {
      const response = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv' }, payload });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json<{ error: { code: string; message: string } }>().error.code, payload).toBe('invalid_reference');
      expect(response.json<{ error: { code: string; message: string } }>().error.message, payload).toMatch(message);
    }
    const mixed = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv' }, payload: cases[0]![0] });
    expect(mixed.json()).toMatchObject({ error: { details: { column: 'age' } } });
    // The temporary path never reaches the client.
    expect(mixed.body).not.toMatch(/bothub-upload-/);
  });

  it('an unreadable Parquet file', async () => {
    const t = await start();
    const response = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/vnd.apache.parquet' }, payload: Buffer.from('age,plan\n1,pro\n') });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_reference', message: expect.stringMatching(/^The uploaded Parquet file: not a readable Parquet file/) as unknown } });
  });

  it('a content type it does not read, an octet stream without ?format, a ?format the content type contradicts', async () => {
    const t = await start();
    const plain = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/plain' }, payload: 'age\n1\n' });
    expect(plain.statusCode).toBe(415);
    expect(plain.json()).toMatchObject({ error: { code: 'unsupported_media_type', details: { contentType: 'text/plain' } } });
    expect(plain.json<{ error: { message: string } }>().error.message).toMatch(/text\/csv.*application\/vnd\.apache\.parquet/);
    const octets = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/octet-stream' }, payload: 'x' });
    expect(octets.statusCode).toBe(415);
    expect(octets.json<{ error: { message: string } }>().error.message).toMatch(/\?format=parquet/);
    const conflict = await t.app.inject({ method: 'POST', url: `${URL}?format=parquet`, headers: { 'content-type': 'text/csv' }, payload: 'age\n1\n' });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'format' } } });
    const none = await t.app.inject({ method: 'POST', url: URL });
    expect(none.statusCode).toBe(415);
  });

  it('a body over referenceBodyLimitBytes (declared, streamed, or gzip-expanded), and JSON over bodyLimitBytes: 413 naming the setting', async () => {
    const t = await start({ bodyBytes: 2048, referenceBodyBytes: 4096 });
    const big = csv(200);
    expect(big.length).toBeGreaterThan(4096);
    const declared = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv' }, payload: big });
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ error: { code: 'body_too_large', details: { limit: 4096, setting: 'referenceBodyLimitBytes' } } });
    expect(declared.json<{ error: { message: string } }>().error.message).toBe('The body is larger than the limit of 4096 bytes (referenceBodyLimitBytes).');
    const gzipped = gzipSync(big);
    expect(gzipped.length).toBeLessThan(4096);
    const expanded = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' }, payload: gzipped });
    expect(expanded.statusCode).toBe(413);
    expect(expanded.json()).toMatchObject({ error: { code: 'body_too_large', details: { setting: 'referenceBodyLimitBytes' } } });
    // A body of the gzip limit's size passes: the route's limit, not the app's, bounds the decoded size.
    const fits = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' }, payload: gzipSync(csv(100)) });
    expect(csv(100).length).toBeGreaterThan(2048);
    expect(fits.statusCode).toBe(200);

    const records = Array.from({ length: 60 }, () => ({ features: { age: 30, plan: 'pro' }, prediction: 1 }));
    const json = await t.app.inject({ method: 'POST', url: URL, payload: { records } });
    expect(json.statusCode).toBe(413);
    expect(json.json()).toMatchObject({ error: { code: 'body_too_large', details: { limit: 2048, setting: 'bodyLimitBytes' } } });
    expect(json.json<{ error: { message: string } }>().error.message).toMatch(/; send a larger reference as JSON Lines, CSV or Parquet/);
  });

  it('a body declared gzip that is not: 400 when read, and no stray error when the answer comes before the body is read', async () => {
    const t = await start();
    const headers = { 'content-type': 'text/csv', 'content-encoding': 'gzip' };
    const read = await t.app.inject({ method: 'POST', url: URL, headers, payload: 'age\n1\n' });
    expect(read.statusCode).toBe(400);
    expect(read.json()).toMatchObject({ error: { code: 'invalid_body', message: 'The body is not valid gzip.' } });
    // The model does not exist: the 404 comes first; the gzip error that follows must not become an unhandled 'error' event.
    const unread = await t.app.inject({ method: 'POST', url: '/api/v1/models/nope/versions/1/reference', headers, payload: 'age\n1\n' });
    expect(unread.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('JSON Lines: a line that is not JSON names its line; an invalid record fails the upload naming the record and field', async () => {
    const t = await start();
    const good = JSON.stringify({ features: { age: 30 }, prediction: 1 });
    const broken = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/x-ndjson' }, payload: `${good}\n\n{"features":\n` });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'invalid_json', details: { line: 3 } } });
    const invalid = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/x-ndjson' }, payload: `${good}\n{"features":{"age":"old"},"prediction":1}\n${good}\n` });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { code: 'invalid_reference', details: { rejected: 1, records: [{ index: 1, field: 'features.age' }] } } });
    const malformed = await t.app.inject({ method: 'POST', url: URL, headers: { 'content-type': 'application/json' }, payload: '{"records": [' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'invalid_json' } });
    expect((await storedProfile(t).catch(() => null))).toBeNull();
  });
});

describe('reference from ingested records', () => {
  const hour = 3_600_000;

  /** 30 records per hour for the 4 hours before TEST_NOW, labelled, plans alternating; version 2 gets 10 more. */
  async function ingest(t: TestApp): Promise<void> {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '2' } })).statusCode).toBe(201);
    const records = Array.from({ length: 120 }, (_, i) => ({
      id: `r${i}`,
      version: '1',
      timestamp: TEST_NOW - 4 * hour + Math.floor(i / 30) * hour + i,
      features: { age: 20 + Math.floor(i / 30) * 10, plan: i % 2 === 0 ? 'pro' : 'basic', region: 'north', vec: [1, 2] },
      prediction: 1,
      score: 0.5,
      label: i % 2,
    }));
    // Segments are `plan=pro` and `plan=basic` (the model's segment field).
    const other = Array.from({ length: 10 }, (_, i) => ({ id: `v2-${i}`, version: '2', timestamp: TEST_NOW - hour, features: { age: 99 }, prediction: 0 }));
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [...records, ...other] } });
    expect(response.json()).toMatchObject({ accepted: 130 });
  }

  it('builds the profile from the records of a time range (ISO or epoch ms, inclusive), of a segment, of another version', async () => {
    const t = await start();
    await ingest(t);
    const url = `${URL}/from-records`;
    const first = await t.app.inject({ method: 'POST', url, payload: { from: TEST_NOW - 4 * hour, to: new Date(TEST_NOW - 3 * hour + 59).toISOString() } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: '1', reference: { rows: 60 } });
    const profile = await storedProfile(t);
    expect(profile.reference.source).toBe(`records of churn@1 from ${new Date(TEST_NOW - 4 * hour).toISOString()} to ${new Date(TEST_NOW - 3 * hour + 59).toISOString()}`);
    expect(profile.reference.columns.get('age')!.counts).toMatchObject({ rows: 60, min: 20, max: 30 });
    // The labels that came with the records are the reference's labels.
    expect(profile.reference.columns.get('label')!.counts).toMatchObject({ rows: 60, missing: 0 });

    const segment = await t.app.inject({ method: 'POST', url, payload: { from: '2025-12-31T00:00:00Z', to: TEST_NOW, segment: 'plan=pro' } });
    expect(segment.json()).toMatchObject({ reference: { rows: 60 } });
    expect(labels((await storedProfile(t)).reference.columns.get('plan')).every((plan) => plan === 'pro')).toBe(true);

    const previous = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions/2/reference/from-records', payload: { from: 0, to: TEST_NOW, version: 'production' } });
    expect(previous.json()).toMatchObject({ version: '2', reference: { rows: 120 } });
  });

  it('answers 422 when the range holds no record, 400 for a bad or reversed range, 404 for an unknown version', async () => {
    const t = await start();
    await ingest(t);
    const url = `${URL}/from-records`;
    const empty = await t.app.inject({ method: 'POST', url, payload: { from: TEST_NOW, to: TEST_NOW + hour } });
    expect(empty.statusCode, empty.body).toBe(422);
    expect(empty.json()).toMatchObject({ error: { code: 'no_records', details: { version: '1', from: TEST_NOW, to: TEST_NOW + hour } } });
    expect(empty.json<{ error: { message: string } }>().error.message).toMatch(/^No stored records of churn@1 from 2026-01-01T00:00:00.000Z to 2026-01-01T01:00:00.000Z/);
    const noSegment = await t.app.inject({ method: 'POST', url, payload: { from: 0, to: TEST_NOW, segment: 'enterprise' } });
    expect(noSegment.statusCode).toBe(422);
    const bad = await t.app.inject({ method: 'POST', url, payload: { from: 'yesterday', to: TEST_NOW } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'from' } } });
    const reversed = await t.app.inject({ method: 'POST', url, payload: { from: TEST_NOW, to: TEST_NOW - hour } });
    expect(reversed.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'to' } } });
    const unknown = await t.app.inject({ method: 'POST', url, payload: { from: 0, to: TEST_NOW, version: '9' } });
    expect(unknown.statusCode).toBe(404);
    const extra = await t.app.inject({ method: 'POST', url, payload: { from: 0, to: TEST_NOW, until: 5 } });
    expect(extra.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'until' } } });
  });
});
