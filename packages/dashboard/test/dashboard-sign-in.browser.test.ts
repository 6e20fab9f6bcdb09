import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startService } from '@bothub/server';
import { describe, expect, it } from 'vitest';
import { buildDashboard, openWatchedPage, removeBuild, skipBrowser } from './browser-harness.js';

describe('dashboard sign-in with authentication on', () => {
  const title = 'asks for an API key on 401, refuses a malformed one, then shows the fleet with the first admin key';
  it.skipIf(skipBrowser)(skipBrowser ? `${title} (skipped: no chromium on PATH; apt-get install chromium)` : title, { timeout: 120_000 }, async () => {
    const outDir = await buildDashboard();
    const dataDir = mkdtempSync(join(tmpdir(), 'bothub-sign-in-'));
    const service = await startService(loadConfig({ port: 0, dataDir, logLevel: 'silent', dashboardDir: outDir, auth: 'on' }, {}));
    const { browser, page, errors, outside, shot } = await openWatchedPage(service.url);
    try {
      expect(service.firstAdminKey).toMatch(/^bh_/);
      await page.goto(`${service.url}/`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('API key').fill('not-a-key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('An API key starts with bh_.').waitFor();
      await page.getByLabel('API key').fill(service.firstAdminKey!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Fleet' }).waitFor();
      await page.getByText('No models yet.').waitFor();
      await shot('sign-in-fleet');
      // The only errors are the browser's notes of the 401 answers that asked for the key (and the event stream's refusal).
      expect(errors.filter((error) => !/401|EventSource|event-stream/i.test(error))).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
      removeBuild(outDir);
    }
  });
});
