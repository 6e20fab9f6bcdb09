import { createPrivateKey, createSign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '@bothub/core';
import { makeAlert } from '@bothub/testkit';
import { generateKeyRing, generateSigningKeyPair, trustedKey } from '../../security/index.js';
import { SqliteStore } from '../../storage/sqlite/index.js';
import { listApiOperations } from '../../testing/list-api-operations.js';
import { startTestApps, TEST_ALERTING, TEST_NOW } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import { createFilesystemBlobStorage } from '../artifacts/index.js';
import { AUDIT_CSV_COLUMNS } from './audit-csv.js';
import type { AuditEntry } from './audit-entry.js';

const MODEL = { name: 'churn', task: 'regression', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'numerical' } };
const RULE = { name: 'Drift', model: 'churn', metric: 'drift.statistic', feature: '*', condition: { kind: 'threshold', direction: 'above', value: 0.2 }, severity: 'warning' };
/** Ingestion is counted (bothub_records_ingested_total), not audited per record: a batch is data, not a change of settings. */
const NOT_AUDITED = new Set(['POST /api/v1/models/{model}/predictions', 'POST /api/v1/models/{model}/labels']);
const signer = generateSigningKeyPair();

const start = startTestApps();
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function setup(): Promise<TestApp> {
  const root = await mkdtemp(join(tmpdir(), 'bothub-audit-routes-'));
  dirs.push(root);
  const t = await start({
    alerting: { ...TEST_ALERTING, policy: { allowPrivate: ['127.0.0.1'] } },
    artifacts: { storage: createFilesystemBlobStorage(root), keyRing: generateKeyRing(), trustedKeys: [trustedKey(signer.publicKeyPem)], limit: { bytes: 1024 * 1024, setting: 'artifactBodyLimitBytes' }, incomingDir: join(root, '.incoming') },
  });
  return t;
}

async function entries(t: TestApp, query = ''): Promise<AuditEntry[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/audit${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ entries: AuditEntry[] }>().entries;
}

interface Call {
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
  /** The action the entry must have. */
  readonly action: string;
}

describe('audit coverage of the route table', () => {
  it('records an entry for every change route (ingestion excepted), with who, what, where and the request id', async () => {
    const t = await setup();
    const content = Buffer.from('onnx bytes');
    const signature = createSign('sha256').update(content).sign({ key: createPrivateKey(signer.privateKeyPem), dsaEncoding: 'der' }).toString('base64');
    let rule: AlertRule | undefined;
    let keyId = '';
    // In the order they can run; each entry is `operation key → request`.
    const steps: [string, () => Call][] = [
      ['POST /api/v1/models', () => ({ method: 'POST', url: '/api/v1/models', payload: MODEL, action: 'model.created' })],
      ['PATCH /api/v1/models/{model}', () => ({ method: 'PATCH', url: '/api/v1/models/churn', payload: { description: 'credit churn' }, action: 'model.updated' })],
      ['POST /api/v1/models/{model}/versions', () => ({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1' }, action: 'version.created' })],
      ['PUT /api/v1/models/{model}/aliases/{alias}', () => ({ method: 'PUT', url: '/api/v1/models/churn/aliases/production', payload: { version: '1' }, action: 'alias.set' })],
      ['POST /api/v1/models/{model}/versions/{version}/reference', () => ({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference', payload: { records: [{ features: { age: 30 }, prediction: 1 }, { features: { age: 50 }, prediction: 2 }] }, action: 'reference.uploaded' })],
      ['POST /api/v1/models/{model}/versions/{version}/reference/from-records', () => ({ method: 'POST', url: '/api/v1/models/churn/versions/1/reference/from-records', payload: { from: TEST_NOW - 1000, to: TEST_NOW + 1000 }, action: 'reference.built' })],
      ['PUT /api/v1/models/{model}/versions/{version}/artifacts', () => ({ method: 'PUT', url: '/api/v1/models/churn/versions/1/artifacts?name=model.onnx', payload: content, headers: { 'content-type': 'application/octet-stream', 'x-bothub-signature': signature }, action: 'artifact.uploaded' })],
      ['POST /api/v1/alert-rules', () => ({ method: 'POST', url: '/api/v1/alert-rules', payload: RULE, action: 'alert_rule.created' })],
      ['PUT /api/v1/alert-rules/{rule}', () => ({ method: 'PUT', url: `/api/v1/alert-rules/${rule!.id}`, payload: { ...RULE, severity: 'critical' }, action: 'alert_rule.changed' })],
      ['POST /api/v1/alert-rules/{rule}/preview', () => ({ method: 'POST', url: `/api/v1/alert-rules/${rule!.id}/preview`, payload: {}, action: 'alert_rule.previewed' })],
      ['POST /api/v1/alerts/{alert}/acknowledge', () => ({ method: 'POST', url: '/api/v1/alerts/a1/acknowledge', payload: {}, action: 'alert.acknowledged' })],
      ['POST /api/v1/alerts/{alert}/resolve', () => ({ method: 'POST', url: '/api/v1/alerts/a1/resolve', payload: {}, action: 'alert.resolved' })],
      ['POST /api/v1/alerts/{alert}/feedback', () => ({ method: 'POST', url: '/api/v1/alerts/a1/feedback', payload: { verdict: 'real' }, action: 'alert.feedback' })],
      ['POST /api/v1/channels', () => ({ method: 'POST', url: '/api/v1/channels', payload: { name: 'ops', kind: 'webhook', severities: ['warning'], url: 'http://127.0.0.1:9/hook/SECRET-PATH', secret: 'whsec-0123456789abcdef' }, action: 'channel.created' })],
      ['PUT /api/v1/channels/{channel}', () => ({ method: 'PUT', url: '/api/v1/channels/ops', payload: { name: 'ops', kind: 'webhook', severities: ['critical'], url: 'http://127.0.0.1:9/hook/SECRET-PATH' }, action: 'channel.updated' })],
      ['POST /api/v1/channels/{channel}/test', () => ({ method: 'POST', url: '/api/v1/channels/ops/test', action: 'channel.tested' })],
      ['DELETE /api/v1/channels/{channel}', () => ({ method: 'DELETE', url: '/api/v1/channels/ops', action: 'channel.deleted' })],
      ['DELETE /api/v1/alert-rules/{rule}', () => ({ method: 'DELETE', url: `/api/v1/alert-rules/${rule!.id}`, action: 'alert_rule.deleted' })],
      ['POST /api/v1/keys', () => ({ method: 'POST', url: '/api/v1/keys', payload: { name: 'ci', roles: { default: 'viewer' } }, action: 'key.created' })],
      ['DELETE /api/v1/keys/{key}', () => ({ method: 'DELETE', url: `/api/v1/keys/${keyId}`, action: 'key.revoked' })],
    ];

    await t.app.ready();
    const changeRoutes = listApiOperations(t.app.swagger()).filter((operation) => operation.method !== 'GET' && !NOT_AUDITED.has(operation.key)).map((operation) => operation.key);
    // A new change route fails here until it is audited and listed above.
    expect(steps.map(([key]) => key).sort()).toEqual([...changeRoutes].sort());

    for (const [key, call] of steps) {
      if (key === 'POST /api/v1/models/{model}/versions/{version}/reference/from-records') {
        const ingested = await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions', payload: { records: [{ id: 'r1', features: { age: 40 }, prediction: 1 }] } });
        expect(ingested.statusCode, ingested.body).toBe(200);
      }
      if (key === 'POST /api/v1/alerts/{alert}/acknowledge') {
        const alert = makeAlert({ id: 'a1', ruleId: rule!.id, modelId: rule!.modelId, firstFiredAt: TEST_NOW, lastFiredAt: TEST_NOW, lastNotifiedAt: TEST_NOW });
        await t.store.alerts.applyAlertChanges({ alerts: [{ alert, revision: null }], deliveries: [] });
      }
      const before = await t.store.audit.head();
      const request = call();
      const response = await t.app.inject({ method: request.method, url: request.url, ...(request.payload === undefined ? {} : { payload: request.payload as string }), headers: { 'user-agent': 'audit-test/1', ...request.headers } });
      expect(response.statusCode, `${key}: ${response.body}`).toBeLessThan(300);
      if (key === 'POST /api/v1/alert-rules') rule = response.json<AlertRule>();
      if (key === 'POST /api/v1/keys') keyId = response.json<{ id: string }>().id;
      const after = await t.store.audit.head();
      expect(after.seq, key).toBe(before.seq + 1);
      const [entry] = await entries(t, '?limit=1');
      expect(entry, key).toMatchObject({ seq: after.seq, hash: after.hash, action: request.action, actor: { kind: 'development', id: 'development' }, source: { userAgent: 'audit-test/1' } });
      expect(entry!.source.ip).toBe('127.0.0.1');
      expect(entry!.requestId).toEqual(expect.any(String));
    }

    // Rules and alerts belong to their model's project; channels and keys to none.
    expect((await entries(t, '?action=alert.acknowledged'))[0]!.target).toEqual({ type: 'alert', id: 'a1', project: 'default' });
    expect((await entries(t, '?action=model.updated'))[0]).toMatchObject({ before: { description: null }, after: { description: 'credit churn' } });
    expect((await entries(t, '?targetType=channel'))[0]!.target).toEqual({ type: 'channel', id: 'ops', project: null });
    // Channel URLs and secrets never reach the trail in clear.
    const trail = JSON.stringify(await entries(t, '?limit=1000'));
    expect(trail).not.toContain('SECRET-PATH');
    expect(trail).not.toContain('whsec-0123456789abcdef');
    expect(trail).not.toMatch(/"secret":"bh_/);
    expect((await t.store.audit.head()).seq).toBeGreaterThanOrEqual(steps.length);
  });

  it('records sensitive reads: key listing and audit export', async () => {
    const t = await setup();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/keys' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/export?format=csv&action=key.listed' })).statusCode).toBe(200);
    expect((await entries(t)).map((entry) => entry.action)).toEqual(['audit.exported', 'key.listed']);
    expect((await entries(t))[0]!.after).toEqual({ format: 'csv', filter: { format: 'csv', action: 'key.listed' } });
  });

  it('fails the request when the audit entry cannot be written', async () => {
    const t = await setup();
    if (!(t.store instanceof SqliteStore)) throw new Error('this test drops a table of the SQLite store');
    t.store.database.exec('DROP TABLE audit_entries');
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'audit_failed', details: { action: 'model.created' } } });
  });
});

describe('GET /api/v1/audit and /api/v1/audit/export', () => {
  async function seeded(): Promise<TestApp> {
    const t = await setup();
    for (const name of ['a', 'b', 'c']) expect((await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, name } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: { ...MODEL, name: 'x', project: 'fraud', description: '=HYPERLINK("http://evil")' } })).statusCode).toBe(201);
    return t;
  }

  it('lists newest first, filtered and paged', async () => {
    const t = await seeded();
    const first = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=2' })).json<{ entries: AuditEntry[]; next: string | null }>();
    expect(first.entries.map((entry) => entry.target.id)).toEqual(['x', 'c']);
    expect(first.next).toBe('3');
    const second = (await t.app.inject({ method: 'GET', url: `/api/v1/audit?limit=2&before=${first.next}` })).json<{ entries: AuditEntry[]; next: string | null }>();
    expect(second.entries.map((entry) => entry.target.id)).toEqual(['b', 'a']);
    expect(second.next).toBeNull();
    expect((await entries(t, '?project=fraud')).map((entry) => entry.target.id)).toEqual(['x']);
    expect((await entries(t, '?target=b&targetType=model&action=model.created&actor=development')).map((entry) => entry.seq)).toEqual([2]);
    expect(await entries(t, `?from=${TEST_NOW + 1}`)).toEqual([]);
    expect(await entries(t, '?to=2026-01-01T00:00:00Z')).toHaveLength(4);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit?from=yesterday' })).json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('exports JSON Lines that round-trip to the listed entries', async () => {
    const t = await seeded();
    const listed = (await entries(t)).reverse();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export?format=jsonl' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body.trimEnd().split('\n').map((line) => JSON.parse(line) as AuditEntry);
    // The export's own entry was appended before it streamed, so it is the last line.
    expect(lines.slice(0, -1)).toEqual(listed);
    expect(lines.at(-1)!.action).toBe('audit.exported');
  });

  it('exports CSV with formula cells escaped and RFC 4180 quoting', async () => {
    const t = await seeded();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export?format=csv&project=fraud' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body.split('\r\n')[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    const rows = parse<Record<string, string>>(response.body, { columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ seq: '4', action: 'model.created', target_id: 'x', project: 'fraud' });
    // The description sits inside the after JSON (it starts with `{`), so it is not a formula cell.
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({ description: '=HYPERLINK("http://evil")' });
  });
});
