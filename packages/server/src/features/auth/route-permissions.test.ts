/**
 * Generated from the route table (every route the app registers, collected with an onRoute hook; a route added later
 * is covered without editing this file): every route declares a permission; without credentials every non-public
 * route answers 401; a caller with roles only in project A gets 404 (not 403) for every object of project B, and B's
 * entries are left out of lists; a viewer of A gets 403 on every change in A; an ingest key of A can only send
 * predictions and labels; every write schema closes its top-level object (unknown fields answer 400).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeAlert } from '@bothub/testkit';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import type { SqliteStore } from '../../storage/sqlite/index.js';
import { listApiOperations } from '../../testing/list-api-operations.js';
import type { JsonSchema } from '../../testing/list-api-operations.js';
import { TEST_ALERTING, TEST_NOW } from '../../testing/test-app.js';
import { createFirstAdminKey } from '../keys/index.js';
import type { Permission, RolePermission } from './permissions.js';
import type { Role } from './principal.js';

interface Route {
  readonly method: string;
  readonly url: string;
  readonly permission: Permission | undefined;
}

const MODEL = { name: 'churn', task: 'binary_classification', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'boolean' }, window: { kind: 'count', size: 1 } };
const PROJECTS = ['a', 'b'] as const;

let app: FastifyInstance;
let store: SqliteStore;
let dataDir: string;
const routes: Route[] = [];
let admin: string;
/** Path values naming objects of each project. */
const objects: Record<string, Record<string, string>> = {};
const keys: Partial<Record<Role, string>> = {};

function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

async function call(route: Route, secret: string | null, project: string): Promise<LightMyRequestResponse> {
  const values = objects[project]!;
  const path = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? `no-${name}`)).replace(/\*$/, 'x');
  const url = `${path}?project=${project}`;
  const withBody = route.method !== 'GET' && route.method !== 'DELETE' && route.method !== 'HEAD';
  return app.inject({
    method: route.method as 'GET',
    url,
    headers: { ...(secret === null ? {} : bearer(secret)), ...(withBody ? { 'content-type': 'application/json' } : {}) },
    ...(withBody ? { payload: JSON.stringify({ project, model: 'churn' }) } : {}),
  });
}

function code(response: LightMyRequestResponse): string | undefined {
  try {
    return response.json<{ error?: { code?: string } }>().error?.code;
  } catch {
    return undefined;
  }
}

/** Routes that need a role: every declared one but the public and self-guarded ones. */
function guarded(): (Route & { permission: RolePermission })[] {
  return routes.filter((r): r is Route & { permission: RolePermission } => r.permission !== undefined && 'action' in r.permission);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bothub-routes-'));
  store = await openSqliteStore({ dataDir });
  await store.migrate();
  app = createApp({ store, clock: () => TEST_NOW, limits: { bodyBytes: 64 * 1024, batchRecords: 100 }, alerting: TEST_ALERTING, auth: { mode: 'on' } });
  // Plugins register their routes at ready(): the hook sees all of them.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, permission: route.config?.permission });
  });
  await app.ready();
  admin = (await createFirstAdminKey(store.auth, () => TEST_NOW))!;
  const post = async (url: string, payload: unknown, status = 201): Promise<LightMyRequestResponse> => {
    const response = await app.inject({ method: 'POST', url, headers: bearer(admin), payload: payload as object });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
    return response;
  };
  for (const project of PROJECTS) {
    await post('/api/v1/models', { ...MODEL, project });
    await post(`/api/v1/models/churn/versions?project=${project}`, { version: '1', aliases: ['production', 'staging'] });
    await post(`/api/v1/models/churn/predictions?project=${project}`, { records: [{ id: 'r1', timestamp: TEST_NOW - 1000, features: { age: 3 }, prediction: true }] }, 200);
    const model = (await store.getModel(project, 'churn'))!;
    const window = (await store.listWindows(model.id, { limit: 1 })).windows[0]!;
    const rule = (await post('/api/v1/alert-rules', { name: `Drift ${project}`, model: 'churn', project, metric: 'drift.statistic', feature: 'age', condition: { kind: 'threshold', direction: 'above', value: 0.2 }, severity: 'warning' })).json<{ id: string }>();
    const alert = makeAlert({ id: `alert-${project}`, ruleId: rule.id, modelId: model.id, incidentId: `incident-${project}` });
    await store.alerts.applyAlertChanges({
      alerts: [{ alert, revision: null }],
      incidents: [{ id: `incident-${project}`, modelId: model.id, windowId: window.id, openedAt: TEST_NOW, status: 'open', alertIds: [alert.id], changes: [] }],
      deliveries: [],
    });
    objects[project] = { model: 'churn', version: '1', alias: 'staging', window: window.id, rule: rule.id, alert: alert.id, incident: `incident-${project}`, channel: 'ops', key: 'no-such-key' };
  }
  for (const role of ['admin', 'editor', 'viewer', 'ingest'] as const) keys[role] = (await post('/api/v1/keys', { name: `${role} of a`, roles: { a: role } })).json<{ secret: string }>().secret;
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the route table', () => {
  it('every route declares a permission; the public ones are health, the docs and the dashboard', () => {
    expect(routes.length).toBeGreaterThan(30);
    if (process.env.BOTHUB_PRINT_ROUTES === '1') console.log(routes.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.permission)}`).join('\n'));
    expect(routes.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const publicRoutes = routes.filter((r) => r.permission?.public === true).map((r) => r.url);
    for (const url of publicRoutes) expect(url, url).toMatch(/^\/(healthz|readyz|openapi\.json|docs.*|\*|api\/v1\/auth\/(config|login))?$/);
    // Routes with a guard of their own: /metrics only (a role on '*', or the metrics token).
    expect(routes.filter((r) => r.permission !== undefined && 'delegated' in r.permission).map((r) => r.url)).toEqual(['/metrics']);
  });

  it('answers 401 on /metrics without credentials, 403 to a project role, 200 to a role on every project', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: bearer(keys.admin!) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: bearer(admin) })).statusCode).toBe(200);
  });

  it('answers 401 to every guarded route called without credentials', async () => {
    for (const route of guarded()) {
      const response = await call(route, null, 'a');
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['www-authenticate'], `${route.method} ${route.url}`).toBe('Bearer realm="bothub"');
    }
  });

  it('answers 404 (never 403) for every object of a project the caller has no role in, whatever its role in A', async () => {
    const scoped = guarded().filter((r) => ['query', 'object'].includes(r.permission.scope.kind) || (r.permission.scope.kind === 'body' && r.permission.scope.notFound !== undefined));
    expect(scoped.length).toBeGreaterThan(20);
    for (const role of ['admin', 'editor', 'viewer', 'ingest'] as const) {
      for (const route of scoped) {
        const response = await call(route, keys[role]!, 'b');
        expect(response.statusCode, `${role}: ${route.method} ${route.url} ${response.body}`).toBe(404);
        expect(code(response), `${role}: ${route.method} ${route.url}`).toMatch(/_not_found$/);
      }
    }
  });

  it('leaves the entries of other projects out of every list', async () => {
    const lists = guarded().filter((r) => r.permission.scope.kind === 'list');
    expect(lists.length).toBeGreaterThanOrEqual(5);
    for (const route of lists) {
      const scope = route.permission.scope as { items: string };
      const asAdmin = (await app.inject({ method: 'GET', url: route.url, headers: bearer(admin) })).json<Record<string, unknown[]>>()[scope.items]!;
      const asViewer = await app.inject({ method: 'GET', url: route.url, headers: bearer(keys.viewer!) });
      expect(asViewer.statusCode, route.url).toBe(200);
      const entries = asViewer.json<Record<string, unknown[]>>()[scope.items]!;
      expect(asAdmin.length, route.url).toBeGreaterThan(entries.length);
      expect(JSON.stringify(entries), route.url).not.toContain(objects.b!.rule!);
    }
    // The model list names projects: only a's.
    const models = (await app.inject({ method: 'GET', url: '/api/v1/models?project=b', headers: bearer(keys.viewer!) })).json<{ models: unknown[] }>().models;
    expect(models).toEqual([]);
  });

  it('answers 403 to a viewer on every change in its own project, and to an ingest key on everything but predictions and labels', async () => {
    const changes = guarded().filter((r) => r.permission.action !== 'read' && r.permission.scope.kind !== 'global');
    for (const route of changes) {
      const response = await call(route, keys.viewer!, 'a');
      expect(response.statusCode, `viewer: ${route.method} ${route.url} ${response.body}`).toBe(403);
    }
    const ingestRoutes = guarded().filter((r) => r.permission.action === 'ingest').map((r) => `${r.method} ${r.url}`);
    expect(ingestRoutes.sort()).toEqual(['POST /api/v1/models/:model/labels', 'POST /api/v1/models/:model/predictions']);
    for (const route of guarded().filter((r) => r.permission.action !== 'ingest')) {
      const response = await call(route, keys.ingest!, 'a');
      expect(response.statusCode, `ingest: ${route.method} ${route.url} ${response.body}`).toBe(403);
    }
  });

  it('answers 404 to a change of an own object whose body names another project', async () => {
    const response = await app.inject({ method: 'PUT', url: `/api/v1/alert-rules/${objects.a!.rule}`, headers: bearer(keys.editor!), payload: { project: 'b', model: 'churn' } });
    expect(response.statusCode).toBe(404);
    expect(code(response)).toBe('model_not_found');
  });

  it('answers 403 to a project role on the global routes (channels)', async () => {
    const global = guarded().filter((r) => r.permission.scope.kind === 'global');
    expect(global.length).toBeGreaterThanOrEqual(6);
    for (const route of global) expect((await call(route, keys.admin!, 'a')).statusCode, `${route.method} ${route.url}`).toBe(403);
  });

  it('closes every write body: unknown fields (ids, project where not owned, timestamps, roles) answer 400', () => {
    const document = app.swagger() as unknown;
    const writes = listApiOperations(document).filter((o) => o.method !== 'GET' && o.body !== undefined);
    expect(writes.length).toBeGreaterThan(10);
    const open = (schema: JsonSchema | undefined): boolean => {
      if (schema === undefined) return false;
      if (schema.anyOf !== undefined) return schema.anyOf.some(open);
      return schema.type === 'object' && schema.additionalProperties !== false && schema.patternProperties === undefined && schema.propertyNames === undefined;
    };
    expect(writes.filter((o) => open(o.body)).map((o) => o.key)).toEqual([]);
    // Fields the server owns are not in any write schema's top level.
    const owned = ['id', 'createdAt', 'updatedAt', 'revokedAt', 'lastUsedAt', 'hash'];
    for (const operation of writes) {
      const properties = Object.keys(operation.body?.properties ?? {});
      expect(properties.filter((p) => owned.includes(p)), operation.key).toEqual([]);
      if (operation.key !== 'POST /api/v1/keys') expect(properties, operation.key).not.toContain('roles');
    }
  });
});
