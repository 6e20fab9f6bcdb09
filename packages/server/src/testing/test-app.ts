/**
 * An application over a fresh SQLite store in a temporary directory, for route tests, with a counter of evaluator
 * wake-ups. Closing the app closes the store and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { createApp } from '../app.js';
import type { AlertingDeps, AppDeps } from '../app.js';
import { createFilesystemBlobStorage } from '../features/artifacts/index.js';
import { generateKeyRing } from '../security/index.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { Store } from '../storage/store.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** How many times ingestion woke the evaluator. */
  readonly wakes: () => number;
}

/** A fixed clock: 2026-01-01T00:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 0, 1);

/**
 * Alerting in route tests: no private destinations, no retrain commands, and no DNS (a host name fails to resolve at
 * once), so no test reaches the network by accident; channel URLs in tests are address literals.
 */
export const TEST_ALERTING: AlertingDeps = {
  policy: { allowPrivate: [] },
  retrainCommands: [],
  publicUrl: () => 'https://bothub.test',
  lookup: (hostname) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (no DNS in tests)`), { code: 'ENOTFOUND' })),
};

/**
 * @example
 * const { app } = await createTestApp();
 * const response = await app.inject({ method: 'GET', url: '/healthz' });
 * await app.close();
 */
export async function createTestApp(overrides: Partial<Omit<AppDeps, 'store'>> = {}): Promise<TestApp> {
  let wakes = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'bothub-http-'));
  const keyRing = generateKeyRing();
  const store = await openSqliteStore({ dataDir, keyRing });
  await store.migrate();
  const app = createApp({
    store,
    clock: () => TEST_NOW,
    limits: { bodyBytes: 64 * 1024, batchRecords: 100 },
    evaluator: {
      wake: () => {
        wakes++;
      },
    },
    alerting: TEST_ALERTING,
    // Route tests act as an admin of every project; the security tests opt in with `auth: { mode: 'on' }`.
    auth: { mode: 'development' },
    // No trusted signing key: artifact tests pass their own.
    artifacts: {
      storage: createFilesystemBlobStorage(join(dataDir, 'artifacts')),
      keyRing,
      trustedKeys: [],
      limit: { bytes: 1024 * 1024, setting: 'artifactBodyLimitBytes' },
      incomingDir: join(dataDir, 'artifacts', '.incoming'),
    },
    ...overrides,
  });
  app.addHook('onClose', async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await app.ready();
  return { app, store, wakes: () => wakes };
}

/**
 * For a test file: starts apps with `createTestApp` and closes each one after the test that started it, so a failing
 * test leaves no store open.
 *
 * @example
 * const start = startTestApps();
 * it('answers /healthz', async () => {
 *   const { app } = await start();
 *   expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
 * });
 */
export function startTestApps(): (overrides?: Partial<Omit<AppDeps, 'store'>>) => Promise<TestApp> {
  const started: TestApp[] = [];
  afterEach(async () => {
    for (const t of started.splice(0)) await t.app.close();
  });
  return async (overrides) => {
    const t = await createTestApp(overrides);
    started.push(t);
    return t;
  };
}
