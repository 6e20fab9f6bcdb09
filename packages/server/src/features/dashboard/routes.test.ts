import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApps } from '../../testing/test-app.js';

const start = startTestApps();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const INDEX = '<!doctype html><title>Bothub</title><div id="root"></div>';

/** A directory laid out as Vite builds the dashboard: index.html, hashed assets, a public file; and a file beside it. */
function builtDashboard(): string {
  const parent = mkdtempSync(join(tmpdir(), 'bothub-dashboard-'));
  dirs.push(parent);
  const root = join(parent, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-B2x9QaZ1.js'), 'console.log("bothub");');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(parent, 'secret.txt'), 'not served');
  return root;
}

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('dashboard routes', () => {
  it('serves index.html at / and for client-side routes a browser opens, uncached', async () => {
    const { app } = await start({ dashboard: { root: builtDashboard() } });
    for (const url of ['/', '/models/churn', '/models/churn/windows?segment=a', '/alerts']) {
      const response = await app.inject({ method: 'GET', url, headers: HTML });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and other files uncached', async () => {
    const { app } = await start({ dashboard: { root: builtDashboard() } });
    const script = await app.inject({ method: 'GET', url: '/assets/index-B2x9QaZ1.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toBe('console.log("bothub");');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the server\'s own paths, other methods, missing files and paths outside the build to the JSON 404', async () => {
    const { app } = await start({ dashboard: { root: builtDashboard() } });
    const notFound = [
      { method: 'GET', url: '/api/v1/nope', headers: HTML },
      { method: 'GET', url: '/api', headers: HTML },
      { method: 'GET', url: '/docs/nope', headers: HTML },
      { method: 'GET', url: '/metrics/nope', headers: HTML },
      { method: 'GET', url: '/models/churn' },
      { method: 'GET', url: '/assets/missing.js' },
      { method: 'GET', url: '/../secret.txt' },
      { method: 'GET', url: '/%2e%2e/secret.txt' },
      { method: 'POST', url: '/models/churn', headers: HTML },
    ] as const;
    for (const request of notFound) {
      const response = await app.inject(request);
      expect(response.statusCode, request.url).toBe(404);
      expect(response.json(), request.url).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await app.inject({ method: 'GET', url: '/healthz', headers: HTML })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/models', headers: HTML })).json()).toEqual({ models: [] });
  });

  it('says how to build the dashboard at / when it is not given or not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bothub-dashboard-'));
    dirs.push(empty);
    for (const overrides of [{}, { dashboard: { root: empty } }, { dashboard: { root: join(empty, 'missing') } }]) {
      const { app } = await start(overrides);
      const response = await app.inject({ method: 'GET', url: '/', headers: HTML });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('The dashboard is not built');
      expect(response.body).toContain('npm run build -w @bothub/dashboard');
      expect((await app.inject({ method: 'GET', url: '/models/churn', headers: HTML })).statusCode).toBe(404);
    }
  });
});
