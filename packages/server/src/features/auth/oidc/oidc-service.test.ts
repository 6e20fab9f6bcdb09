import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.js';
import { startService } from '../../../main.js';
import type { RunningService } from '../../../main.js';
import { startOidcProvider } from '../../../testing/start-oidc-provider.js';
import type { TestOidcProvider } from '../../../testing/start-oidc-provider.js';

describe('the service with an identity provider configured', () => {
  let provider: TestOidcProvider;
  let service: RunningService;
  let dir: string;

  beforeAll(async () => {
    provider = await startOidcProvider('ES256');
    dir = mkdtempSync(join(tmpdir(), 'bothub-oidc-'));
    const oidc = JSON.stringify({ issuer: provider.issuer, audience: 'bothub', algorithms: ['ES256'], roleClaim: 'groups', roleMapping: { 'ml-admins': { '*': 'admin' }, 'fraud-readers': { fraud: 'viewer' } } });
    service = await startService(loadConfig({ port: 0, dataDir: dir, logLevel: 'silent', auth: 'on' }, { BOTHUB_OIDC: oidc }));
  });

  afterAll(async () => {
    await service.close();
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token?: string) => fetch(`${service.url}${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  it('accepts a token of the provider and maps its groups to roles', async () => {
    const now = Math.floor(Date.now() / 1000);
    const admin = await provider.sign({ sub: 'ada', aud: 'bothub', groups: ['ml-admins'], iat: now, exp: now + 300 });
    expect((await get('/api/v1/models', admin)).status).toBe(200);
    expect((await get('/api/v1/keys', admin)).status).toBe(200);
    const reader = await provider.sign({ sub: 'bo', aud: 'bothub', groups: ['fraud-readers'], iat: now, exp: now + 300 });
    expect((await get('/api/v1/keys', reader)).status).toBe(403);
  });

  it('refuses no token, a token for another audience and an expired one with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await get('/api/v1/models')).status).toBe(401);
    const otherAudience = await provider.sign({ sub: 'ada', aud: 'other', groups: ['ml-admins'], iat: now, exp: now + 300 });
    expect((await get('/api/v1/models', otherAudience)).status).toBe(401);
    const expired = await provider.sign({ sub: 'ada', aud: 'bothub', groups: ['ml-admins'], iat: now - 7200, exp: now - 3600 });
    const response = await get('/api/v1/models', expired);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});

describe('the oidc setting', () => {
  it('fills defaults and refuses symmetric algorithms and unknown fields, naming them', () => {
    const config = loadConfig({}, { BOTHUB_OIDC: JSON.stringify({ issuer: 'https://id.example.com/realms/ml', audience: 'bothub' }) });
    expect(config.oidc).toMatchObject({ algorithms: ['RS256', 'ES256', 'EdDSA'], roleClaim: 'roles', clockToleranceSeconds: 30, jwksUri: null, clientId: null });
    expect(() => loadConfig({}, { BOTHUB_OIDC: JSON.stringify({ issuer: 'https://id.example.com', audience: 'bothub', algorithms: ['HS256'] }) })).toThrow(/environment oidc algorithms must list/);
    expect(() => loadConfig({}, { BOTHUB_OIDC: JSON.stringify({ issuer: 'https://id.example.com', audience: 'bothub', audiences: 'x' }) })).toThrow(ConfigError);
    expect(() => loadConfig({}, { BOTHUB_OIDC: '{not json' })).toThrow(/must be a JSON object/);
    expect(() => loadConfig({}, { BOTHUB_OIDC: JSON.stringify({ issuer: 'https://id.example.com', audience: 'bothub', roleMapping: { admins: { '*': 'owner' } } }) })).toThrow(/roleMapping\.admins\.\* must be one of/);
  });
});
