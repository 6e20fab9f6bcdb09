import { describe, expect, it } from 'vitest';
import { buildDashboard, chartDrawn as drawn, openWatchedPage, removeBuild, skipBrowser, unnamedControls } from './browser-harness.js';
import { startSeededService } from './seed-credit-service.js';

describe('dashboard in headless Chromium', () => {
  const title = 'fleet → model heatmap → window → feature → alert acknowledged → rule form, live updates and polling, no console errors';
  it.skipIf(skipBrowser)(skipBrowser ? `${title} (skipped: no chromium on PATH; apt-get install chromium)` : title, { timeout: 180_000 }, async () => {
    const outDir = await buildDashboard();
    const seeded = await startSeededService(outDir);
    const { browser, page, errors, outside, shot } = await openWatchedPage(seeded.url);
    try {
      // Fleet: the model with its health per monitor, and the live event stream connected.
      await page.goto(`${seeded.url}/`);
      const row = page.getByRole('table', { name: 'Models' }).getByRole('row').filter({ hasText: 'credit' });
      await row.waitFor();
      await expect.poll(() => row.getByText(/critical|warning/).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
      await shot('fleet');
      expect(await unnamedControls(page), 'fleet').toEqual([]);

      // Model: the drift share chart and the per-feature heatmap, where income (shifted in the current data) drifts.
      await row.getByRole('link', { name: 'credit' }).click();
      await page.waitForURL(/\/models\/credit$/);
      await drawn(page, 'Share of drifted features');
      await drawn(page, 'Drift heatmap');
      await drawn(page, 'rocAuc per window');
      expect(await page.getByRole('link', { name: 'income', exact: true }).count()).toBe(1);
      await shot('model');
      expect(await unnamedControls(page), 'model').toEqual([]);

      // A click on a heatmap cell (the newest window, top feature: just left of the colour scale, below the top edge) opens that window.
      const heatmap = page.locator('[aria-label^="Drift heatmap"]');
      const box = (await heatmap.boundingBox())!;
      await page.mouse.click(box.x + box.width - 110, box.y + 16);
      await page.waitForURL(/\/models\/credit\/windows\//);
      await page.getByRole('table', { name: 'Drift per column' }).waitFor();
      await drawn(page, 'Correlation matrix of this window');
      expect(await page.getByRole('table', { name: 'Performance metrics' }).getByRole('row').count()).toBeGreaterThan(2);
      expect(await page.getByRole('table', { name: 'Fairness by group' }).getByRole('row', { name: /female/ }).count()).toBe(1);
      await shot('window');
      expect(await unnamedControls(page), 'window').toEqual([]);

      // Feature: reference vs current distribution and the drift statistic over time.
      await page.getByRole('table', { name: 'Drift per column' }).getByRole('link', { name: 'income', exact: true }).click();
      await page.waitForURL(/\/features\/income/);
      await drawn(page, 'Reference and current distribution of income');
      await drawn(page, 'Drift statistic of income');
      await shot('feature');
      expect(await unnamedControls(page), 'feature').toEqual([]);

      // Alerts: the list, one alert's evidence, acknowledged with a note.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
      const alerts = page.getByRole('table', { name: 'Alerts' });
      await alerts.waitFor();
      await alerts.getByRole('row').filter({ hasText: 'firing' }).first().getByRole('link').click();
      await page.waitForURL(/\/alerts\/[^/]+$/);
      await page.getByRole('heading', { name: 'Evidence' }).waitFor();
      await page.getByLabel('Your name (optional)').fill('ana');
      await page.getByLabel('Note (optional)').fill('looking into it');
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      await expect.poll(() => page.getByTestId('alert-status').textContent(), { timeout: 10_000 }).toBe('acknowledged');
      await page.getByRole('list', { name: 'Alert history' }).getByText('acknowledged by ana: looking into it').waitFor();
      await shot('alert');
      expect(await unnamedControls(page), 'alert').toEqual([]);

      // Registry: a rule form refuses a bad value before saving, then creates the rule.
      await page.goto(`${seeded.url}/registry/credit`);
      await page.getByRole('table', { name: 'Versions' }).getByRole('row', { name: /production/ }).waitFor();
      await page.getByRole('button', { name: 'New rule' }).click();
      const form = page.getByRole('form', { name: 'New alert rule' });
      await form.getByLabel('Name').fill('Income drift');
      await form.getByLabel('Metric').fill('drift.statistic');
      await form.getByLabel('Feature').fill('income');
      await form.getByLabel('Value').fill('high');
      await form.getByRole('button', { name: 'Create rule' }).click();
      await form.getByText('must be number').waitFor();
      await form.getByLabel('Value').fill('0.3');
      await form.getByRole('button', { name: 'Create rule' }).click();
      await page.getByRole('table', { name: 'Alert rules' }).getByRole('row', { name: /Income drift/ }).waitFor();
      await shot('registry');
      expect(await unnamedControls(page), 'registry').toEqual([]);

      // Live: a new window closes while the model page is open; its row appears without a reload.
      await page.goto(`${seeded.url}/models/credit`);
      const windowRows = page.getByRole('table', { name: 'Windows' }).getByRole('row');
      await expect.poll(() => windowRows.count(), { timeout: 15_000 }).toBe(7);
      const closeWindow = async (prefix: string): Promise<void> => {
        const records = Array.from({ length: 500 }, (_, i) => ({
          id: `${prefix}-${i}`,
          features: { age: 40, income: 20_000 + i, credit_score: 600, loan_amount: 9000, employment: 'salaried', region: 'west', gender: i % 2 ? 'male' : 'female' },
          prediction: false,
          score: 0.2,
        }));
        const response = await fetch(`${seeded.url}/api/v1/models/credit/predictions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records }) });
        expect(response.status).toBe(200);
        await seeded.service.evaluator.runOnce();
      };
      await closeWindow('live');
      await expect.poll(() => windowRows.count(), { timeout: 15_000 }).toBe(8);

      // Without the event stream (say a proxy drops it) the page says so and polls: the next window shows up all the same.
      const polling = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await polling.route('**/api/v1/events', (route) => route.abort());
      await polling.goto(`${seeded.url}/models/credit`);
      await polling.getByRole('status').filter({ hasText: 'Polling every 10 s' }).waitFor();
      const polledRows = polling.getByRole('table', { name: 'Windows' }).getByRole('row');
      await expect.poll(() => polledRows.count(), { timeout: 15_000 }).toBe(8);
      await closeWindow('polled');
      await expect.poll(() => polledRows.count(), { timeout: 25_000, interval: 1000 }).toBe(9);

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      await seeded.close();
      removeBuild(outDir);
    }
  });
});
