/**
 * API keys through the HTTP app with authentication on: created by admins, shown once, stored as a hash, refused
 * when forged, expired or revoked (from the very next request), never accepted in a URL; roles per project.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../../storage/sqlite/sqlite-store.js';
import { pollUntil } from '../../testing/poll-until.js';
import { startTestApps, TEST_NOW } from '../../testing/test-app.js';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret.js';
import { createFirstAdminKey } from '../keys/index.js';
import type { Role } from './principal.js';

const start = startTestApps();

const MODEL = {
  name: 'churn',
  task: 'binary_classification',
  features: [{ name: 'age', type: 'numerical' }],
  prediction: { type: 'boolean' },
  window: { kind: 'count', size: 1000 },
};

async function securedApp(): Promise<{ app: FastifyInstance; store: SqliteStore; admin: string }> {
  const t = await start({ auth: { mode: 'on' } });
  const admin = await createFirstAdminKey(t.store.auth, () => TEST_NOW);
  if (!(t.store instanceof SqliteStore)) throw new Error('createTestApp opens SQLite');
  return { app: t.app, store: t.store, admin: admin! };
}

function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

async function createKey(app: FastifyInstance, by: string, roles: Record<string, Role>, extra: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(by), payload: { name: `key ${randomUUID()}`, roles, ...extra } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret: string }>();
}

describe('API keys', () => {
  it('answers 401 with WWW-Authenticate without credentials, and serves the public routes to anyone', async () => {
    const { app } = await securedApp();
    const refused = await app.inject({ method: 'GET', url: '/api/v1/models' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="bothub"');
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
    // The HEAD routes Fastify derives from GET routes carry the same permission.
    expect((await app.inject({ method: 'HEAD', url: '/api/v1/models' })).statusCode).toBe(401);
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/']) expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  });

  it('creates a key shown once, stores only its SHA-256, lists it without secret or hash', async () => {
    const { app, store, admin } = await securedApp();
    const response = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(admin), payload: { name: 'ci', roles: { fraud: 'ingest' }, expiresInDays: 30 } });
    expect(response.statusCode).toBe(201);
    const created = response.json<{ id: string; secret: string; prefix: string; roles: unknown; expiresAt: number; createdBy: string }>();
    expect(looksLikeApiKey(created.secret)).toBe(true);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ roles: { fraud: 'ingest' }, expiresAt: TEST_NOW + 30 * 86_400_000, createdBy: 'first admin key' });
    // The secret is nowhere in the database, its hash is.
    const rows = JSON.stringify(store.database.prepare('SELECT * FROM api_keys').all());
    expect(rows).not.toContain(created.secret);
    expect(rows).toContain(hashApiKey(created.secret));
    const listed = await app.inject({ method: 'GET', url: '/api/v1/keys', headers: bearer(admin) });
    expect(listed.statusCode).toBe(200);
    const text = listed.body;
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain(hashApiKey(created.secret));
    expect(listed.json<{ keys: { id: string; name: string }[] }>().keys.map((k) => k.name)).toEqual(['first admin key', 'ci']);
  });

  it('refuses forged and malformed keys, and other schemes', async () => {
    const { app } = await securedApp();
    for (const authorization of [`Bearer ${generateApiKey().secret}`, 'Bearer bh_short', 'Bearer bh_' + '0'.repeat(42) + '!', 'Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer not-a-jwt']) {
      const response = await app.inject({ method: 'GET', url: '/api/v1/models', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
    }
  });

  it('refuses an expired key, and refuses to create one that expires in the past', async () => {
    const { app, store, admin } = await securedApp();
    const { secret, hash, prefix } = generateApiKey();
    await store.auth.createKey({ id: 'old', name: 'old', prefix, hash, roles: { '*': 'admin' }, createdAt: 0, createdBy: null, expiresAt: TEST_NOW - 1, lastUsedAt: null, revokedAt: null });
    const response = await app.inject({ method: 'GET', url: '/api/v1/models', headers: bearer(secret) });
    expect(response.statusCode).toBe(401);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
    const past = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(admin), payload: { name: 'x', roles: { a: 'viewer' }, expiresAt: TEST_NOW - 1000 } });
    expect(past.statusCode).toBe(400);
  });

  it('refuses a revoked key from the very next request', async () => {
    const { app, admin } = await securedApp();
    const key = await createKey(app, admin, { '*': 'viewer' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/models', headers: bearer(key.secret) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/keys/${key.id}`, headers: bearer(admin) })).statusCode).toBe(204);
    const refused = await app.inject({ method: 'GET', url: '/api/v1/models', headers: bearer(key.secret) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/revoked/);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/keys', headers: bearer(admin) })).json<{ keys: { id: string; revokedAt: number | null }[] }>();
    expect(listed.keys.find((k) => k.id === key.id)?.revokedAt).toBe(TEST_NOW);
  });

  it('never accepts a key in the URL, even a valid one', async () => {
    const { app, admin } = await securedApp();
    for (const name of ['api_key', 'token', 'access_token', 'API_KEY']) {
      const response = await app.inject({ method: 'GET', url: `/api/v1/models?${name}=${admin}` });
      expect(response.statusCode, name).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('credentials_in_url');
    }
    // A key under any parameter name is refused too.
    expect((await app.inject({ method: 'GET', url: `/api/v1/models?project=${admin}`, headers: bearer(admin) })).statusCode).toBe(400);
  });

  it('records the last use off the request path, at most once a minute', async () => {
    let now = TEST_NOW;
    const t = await start({ auth: { mode: 'on' }, clock: () => now });
    const admin = (await createFirstAdminKey(t.store.auth, () => now))!;
    const key = await createKey(t.app, admin, { a: 'viewer' });
    const lastUsed = async (): Promise<number | null | undefined> => (await t.store.auth.getKey(key.id))?.lastUsedAt;
    const use = async (): Promise<void> => {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/models?project=a', headers: bearer(key.secret) })).statusCode).toBe(200);
    };
    expect(await lastUsed()).toBeNull();
    await use();
    expect(await pollUntil('last use recorded', 5000, async () => (await lastUsed()) ?? undefined)).toBe(TEST_NOW);
    now = TEST_NOW + 30_000;
    await use();
    // The write would be queued on the next turn of the event loop: give it a few.
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(await lastUsed()).toBe(TEST_NOW);
    now = TEST_NOW + 61_000;
    await use();
    expect(await pollUntil('last use recorded again', 5000, async () => ((await lastUsed()) === now ? now : undefined))).toBe(TEST_NOW + 61_000);
  });

  it('lets only an admin of every named project grant roles, and revoke; others see no such key', async () => {
    const { app, admin } = await securedApp();
    const adminOfA = await createKey(app, admin, { a: 'admin' });
    const editorOfA = await createKey(app, admin, { a: 'editor' });
    const keyOfB = await createKey(app, admin, { b: 'viewer' });
    expect((await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(adminOfA.secret), payload: { name: 'x', roles: { a: 'viewer' } } })).statusCode).toBe(201);
    for (const roles of [{ b: 'viewer' }, { a: 'viewer', b: 'viewer' }, { '*': 'viewer' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(adminOfA.secret), payload: { name: 'x', roles } });
      expect(response.statusCode, JSON.stringify(roles)).toBe(403);
    }
    expect((await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(editorOfA.secret), payload: { name: 'x', roles: { a: 'viewer' } } })).statusCode).toBe(403);
    const seen = (await app.inject({ method: 'GET', url: '/api/v1/keys', headers: bearer(adminOfA.secret) })).json<{ keys: { id: string }[] }>().keys.map((k) => k.id);
    expect(seen).toContain(editorOfA.id);
    expect(seen).not.toContain(keyOfB.id);
    const revoke = await app.inject({ method: 'DELETE', url: `/api/v1/keys/${keyOfB.id}`, headers: bearer(adminOfA.secret) });
    expect(revoke.statusCode).toBe(404);
    expect(revoke.json<{ error: { code: string } }>().error.code).toBe('key_not_found');
    expect((await app.inject({ method: 'GET', url: '/api/v1/models?project=b', headers: bearer(keyOfB.secret) })).statusCode).toBe(200);
  });

  it('rejects fields a key request does not own, and roles outside the role list', async () => {
    const { app, admin } = await securedApp();
    for (const payload of [
      { name: 'x', roles: { a: 'viewer' }, id: 'mine' },
      { name: 'x', roles: { a: 'viewer' }, createdAt: 0 },
      { name: 'x', roles: { a: 'owner' } },
      { name: 'x', roles: { 'Bad Project': 'viewer' } },
      { name: 'x', roles: {} },
      { name: 'x', roles: { a: 'viewer' }, expiresAt: TEST_NOW + 1000, expiresInDays: 1 },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/keys', headers: bearer(admin), payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('gives roles per project: viewer reads, cannot write; ingest only sends predictions and labels; another project does not exist', async () => {
    const { app, admin } = await securedApp();
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(admin), payload: { ...MODEL, project: 'a' } })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(admin), payload: { ...MODEL, project: 'b' } })).statusCode).toBe(201);
    const viewer = await createKey(app, admin, { a: 'viewer' });
    const ingest = await createKey(app, admin, { a: 'ingest' });
    const editor = await createKey(app, admin, { a: 'editor' });

    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn?project=a', headers: bearer(viewer.secret) })).statusCode).toBe(200);
    const patch = await app.inject({ method: 'PATCH', url: '/api/v1/models/churn?project=a', headers: bearer(viewer.secret), payload: { description: 'x' } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    const other = await app.inject({ method: 'GET', url: '/api/v1/models/churn?project=b', headers: bearer(viewer.secret) });
    expect(other.statusCode).toBe(404);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('model_not_found');
    // Lists keep the caller's projects.
    const models = (await app.inject({ method: 'GET', url: '/api/v1/fleet', headers: bearer(viewer.secret) })).json<{ models: { project: string }[] }>().models;
    expect(models.map((m) => m.project)).toEqual(['a']);

    const record = { id: 'r1', timestamp: TEST_NOW - 1000, features: { age: 30 }, prediction: true };
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions?project=a', headers: bearer(ingest.secret), payload: { records: [record] } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/labels?project=a', headers: bearer(ingest.secret), payload: { labels: [{ id: 'r1', label: true }] } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/models/churn?project=a', headers: bearer(ingest.secret) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions?project=b', headers: bearer(ingest.secret), payload: { records: [record] } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/v1/models/churn/predictions?project=a', headers: bearer(viewer.secret), payload: { records: [record] } })).statusCode).toBe(403);

    expect((await app.inject({ method: 'PATCH', url: '/api/v1/models/churn?project=a', headers: bearer(editor.secret), payload: { description: 'x' } })).statusCode).toBe(200);
    // Creating in a project without a role: 403 (there is no object to hide).
    expect((await app.inject({ method: 'POST', url: '/api/v1/models', headers: bearer(editor.secret), payload: { ...MODEL, name: 'new', project: 'b' } })).statusCode).toBe(403);
    // Channels are global: a project role is not enough.
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels', headers: bearer(editor.secret) })).statusCode).toBe(403);
  });
});

describe('createFirstAdminKey', () => {
  it('creates an admin key of every project once, never again, even once it is revoked', async () => {
    const t = await start({ auth: { mode: 'on' } });
    const first = await createFirstAdminKey(t.store.auth, () => TEST_NOW);
    expect(first).not.toBeNull();
    const [stored] = await t.store.auth.listKeys();
    expect(stored).toMatchObject({ roles: { '*': 'admin' }, hash: hashApiKey(first!), revokedAt: null });
    expect(await createFirstAdminKey(t.store.auth, () => TEST_NOW)).toBeNull();
    await t.store.auth.revokeKey(stored!.id, TEST_NOW);
    expect(await createFirstAdminKey(t.store.auth, () => TEST_NOW)).toBeNull();
  });
});
