import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemo } from '../../cli/src/demo/start-demo.js';
import { buildDashboard, chartDrawn, openWatchedPage, removeBuild, skipBrowser } from './browser-harness.js';

describe('dashboard on `bothub demo` in headless Chromium', () => {
  const title = 'fleet → model page that turns to drift after the injected shift, without a reload → alert acknowledged';
  it.skipIf(skipBrowser)(skipBrowser ? `${title} (skipped: no chromium on PATH; apt-get install chromium)` : title, { timeout: 180_000 }, async () => {
    const outDir = await buildDashboard();
    const dataDir = mkdtempSync(join(tmpdir(), 'bothub-dashboard-demo-'));
    // 300 demo-minutes per wall minute: healthy traffic for the first seconds, then the feature shift.
    const demo = await startDemo({ dataDir, host: '127.0.0.1', port: 0, speed: 300, seed: 7, durationMinutes: 170, dashboardDir: outDir });
    const shifted = new Promise<void>((resolve) => demo.on('phase', (phase) => phase.name === 'feature-shift' && resolve()));
    const alerted = new Promise<void>((resolve) => demo.on('alert', () => resolve()));
    const { browser, page, errors, outside, shot } = await openWatchedPage(demo.url);
    try {
      await page.goto(`${demo.url}/`);
      const row = page.getByRole('table', { name: 'Models' }).getByRole('row').filter({ hasText: demo.model });
      await row.waitFor();
      await row.getByRole('link', { name: demo.model }).click();
      await page.waitForURL(new RegExp(`/models/${demo.model}$`));
      let loads = 0;
      page.on('load', () => loads++);

      // The drift monitor turns warning or critical once windows of shifted traffic are evaluated: the page follows
      // the service's events, without a reload.
      await shifted;
      const drift = page.getByRole('list', { name: 'Health per monitor' }).getByRole('listitem').filter({ hasText: /^drift/ });
      await expect.poll(() => drift.textContent(), { timeout: 60_000, interval: 500 }).toMatch(/drift\s*(warning|critical)/);
      await chartDrawn(page, 'Drift heatmap');
      expect(loads).toBe(0);
      await shot('demo-model');

      // The alert the shift raised: open it from the alert list and acknowledge it.
      await alerted;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
      await page.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ hasText: 'firing' }).first().getByRole('link').click();
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      await expect.poll(() => page.getByTestId('alert-status').textContent(), { timeout: 10_000 }).toBe('acknowledged');

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      await demo.stop();
      rmSync(dataDir, { recursive: true, force: true });
      removeBuild(outDir);
    }
  });
});
