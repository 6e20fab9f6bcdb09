/**
 * The service's safe defaults as main.ts starts it: authentication on with no configuration, a first admin key made
 * once (its secret answered to the caller, never again), development mode only on loopback.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { startService } from '../../main.js';
import type { RunningService } from '../../main.js';

let dir: string | undefined;
let service: RunningService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('startService authentication', () => {
  it('starts with authentication on, creates a first admin key once, and never stores it in clear', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bothub-auth-start-'));
    service = await startService(loadConfig({ port: 0, dataDir: dir, logLevel: 'silent' }, {}));
    const key = service.firstAdminKey;
    expect(key).toMatch(/^bh_[0-9A-Za-z]{43}$/);
    expect((await fetch(`${service.url}/api/v1/models`)).status).toBe(401);
    expect((await fetch(`${service.url}/api/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    await service.close();
    // Nothing in the data directory holds the secret (the database, its WAL, any other file).
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(key!), file).toBe(false);

    service = await startService(loadConfig({ port: 0, dataDir: dir, logLevel: 'silent' }, {}));
    expect(service.firstAdminKey).toBeNull();
    expect((await fetch(`${service.url}/api/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  });

  it('refuses development mode on a non-loopback host, with a message that says what to do', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bothub-auth-start-'));
    for (const host of ['0.0.0.0', '::']) {
      const starting = startService(loadConfig({ port: 0, dataDir: dir, logLevel: 'silent', auth: 'development', host }, {}));
      await expect(starting).rejects.toBeInstanceOf(ConfigError);
      await expect(starting).rejects.toThrow(/loopback only.*--host 127\.0\.0\.1/);
    }
    // Nothing was opened: no database file.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('serves every request as an admin in development mode on loopback, and creates no key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bothub-auth-start-'));
    service = await startService(loadConfig({ port: 0, dataDir: dir, logLevel: 'silent', auth: 'development' }, { BOTHUB_HOST: '127.0.0.1' }));
    expect(service.firstAdminKey).toBeNull();
    expect((await fetch(`${service.url}/api/v1/models`)).status).toBe(200);
    expect(await service.store.auth.listKeys()).toEqual([]);
  });

  it('reads the mode from BOTHUB_AUTH and refuses other values', () => {
    expect(loadConfig({}, {}).auth).toBe('on');
    expect(loadConfig({}, { BOTHUB_AUTH: 'development' }).auth).toBe('development');
    expect(() => loadConfig({}, { BOTHUB_AUTH: 'off' })).toThrow(/auth must be "on" or "development"/);
  });
});
