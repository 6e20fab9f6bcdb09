/**
 * The service as main.ts starts it (SQLite in a temporary directory, the window job in its worker pool): the built
 * dashboard is served at `/`, and an event stream hears of ingested records and of the windows the job evaluates.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.js';
import { startService } from './main.js';
import type { RunningService } from './main.js';

let dir: string | undefined;
let service: RunningService | undefined;
let source: EventSource | undefined;
afterEach(async () => {
  source?.close();
  await service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${service!.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok, await response.clone().text()).toBe(true);
}

describe('startService', () => {
  it('serves the dashboard of dashboardDir and tells an event stream of ingested records and evaluated windows', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bothub-main-'));
    const dashboardDir = join(dir, 'dashboard');
    mkdirSync(dashboardDir);
    writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Bothub dashboard</title>');
    service = await startService(loadConfig({ port: 0, dataDir: join(dir, 'data'), logLevel: 'silent', dashboardDir, maxEventStreams: 1, auth: 'development' }, {}));

    const page = await fetch(`${service.url}/models/churn`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toBe('<!doctype html><title>Bothub dashboard</title>');

    const received: { event: string; data: { model: string; accepted?: number } }[] = [];
    source = new EventSource(`${service.url}/api/v1/events`);
    for (const event of ['records.ingested', 'window.evaluated']) source.addEventListener(event, (message) => received.push({ event, data: JSON.parse(String(message.data)) as { model: string } }));
    await new Promise<void>((resolve, reject) => {
      source!.onopen = () => resolve();
      source!.onerror = () => reject(new Error('event stream failed'));
    });
    // maxEventStreams: 1 reached this node's app.
    expect((await fetch(`${service.url}/api/v1/events`, { headers: { accept: 'text/event-stream' } })).status).toBe(503);

    await post('/models', { name: 'churn', task: 'regression', features: [{ name: 'age', type: 'numerical' }], prediction: { type: 'numerical' }, window: { kind: 'count', size: 2 } });
    await post('/models/churn/versions', { version: '1', aliases: ['production'] });
    await post('/models/churn/predictions', { records: [1, 2].map((i) => ({ id: `r${i}`, features: { age: i }, prediction: i })) });
    await vi.waitFor(() => expect(received.map((e) => e.event).sort()).toEqual(['records.ingested', 'window.evaluated']), { timeout: 30_000, interval: 50 });
    expect(received.find((e) => e.event === 'records.ingested')?.data).toEqual({ model: 'churn', project: 'default', accepted: 2 });
    expect(received.find((e) => e.event === 'window.evaluated')?.data).toMatchObject({ model: 'churn', project: 'default' });
  }, 60_000);
});
