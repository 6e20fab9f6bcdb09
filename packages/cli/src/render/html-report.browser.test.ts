import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from './render-html-report.js';
import { makeSampleReport, MALICIOUS_COLUMN } from './sample-report.js';

function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

const chromiumPath = findOnPath('chromium');
const inCi = process.env.CI === 'true';
const artifacts = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));
const CHART_SECTIONS = ['dataset-drift', 'columns', 'data-quality', 'performance', 'anomalies', 'fairness', 'segments'];

describe('HTML report in headless Chromium', () => {
  // On a laptop without Debian's chromium the test is skipped; in CI a missing browser is a failure.
  const title = 'opens offline, draws every chart, sorts the columns table';
  it.skipIf(chromiumPath === null && !inCi)(chromiumPath === null ? `${title} (skipped: no chromium on PATH; apt-get install chromium)` : title, async () => {
    if (chromiumPath === null) throw new Error('chromium is not on PATH: CI installs Debian\'s chromium package in .ci/run');
    const report = makeSampleReport();
    const dir = mkdtempSync(join(tmpdir(), 'bothub-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtmlReport(report));
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const blocked: string[] = [];
      const requested: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.route('**', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        blocked.push(url);
        return route.abort();
      });

      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Scroll through the page so the lazily initialised charts all scroll into view.
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      for (let y = 0; y <= height; y += 600) {
        await page.evaluate(`window.scrollTo(0, ${y})`);
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      }
      await page.waitForFunction('document.querySelectorAll(\'[data-chart]:not([data-drawn="true"])\').length === 0');

      // Per section: chart placeholders, and those holding a canvas with a non-zero size on screen.
      const drawn = await page.evaluate<Record<string, { placeholders: number; canvases: number }>>(`(() => {
        const result = {};
        for (const id of ${JSON.stringify(CHART_SECTIONS)}) {
          const placeholders = Array.from(document.querySelectorAll('#' + id + ' [data-chart]'));
          const canvases = placeholders.filter((el) => Array.from(el.querySelectorAll('canvas')).some((c) => c.width > 0 && c.height > 0 && c.getBoundingClientRect().width > 0));
          result[id] = { placeholders: placeholders.length, canvases: canvases.length };
        }
        return result;
      })()`);
      expect(drawn).toEqual({
        'dataset-drift': { placeholders: 1, canvases: 1 },
        columns: { placeholders: 11, canvases: 11 },
        'data-quality': { placeholders: 2, canvases: 2 },
        performance: { placeholders: 7, canvases: 7 },
        anomalies: { placeholders: 1, canvases: 1 },
        fairness: { placeholders: 2, canvases: 2 },
        segments: { placeholders: 1, canvases: 1 },
      });
      // The heatmap really painted: a good share of its pixels are not blank.
      const painted = await page.evaluate<number>(`(() => {
        const canvas = document.querySelector('#data-quality [data-chart] canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
        return count / (canvas.width * canvas.height);
      })()`);
      expect(painted).toBeGreaterThan(0.2);

      // The hostile column name is shown as text, never parsed as markup.
      expect(await page.evaluate<string>('typeof window.__xss')).toBe('undefined');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#columns-table > tbody > tr > th .column-name').filter({ hasText: MALICIOUS_COLUMN }).count()).toBe(1);

      // Sorting by p-value: ascending, then descending; columns without a test stay last.
      const rowNames = () => page.locator('#columns-table > tbody > tr > th .column-name').allTextContents();
      const byPValue = Object.entries(report.columns).map(([name, c]) => ({ name, p: c.drift?.pValue ?? null }));
      const tested = byPValue.filter((c) => c.p !== null);
      const untested = byPValue.filter((c) => c.p === null).map((c) => c.name);
      const ascending = [...tested].sort((a, b) => (a.p ?? 0) - (b.p ?? 0)).map((c) => c.name);
      const pHeader = page.locator('#columns-table > thead > tr > th', { hasText: 'p-value' });
      await pHeader.locator('button').click();
      expect(await pHeader.getAttribute('aria-sort')).toBe('ascending');
      expect(await rowNames()).toEqual([...ascending, ...untested]);
      await pHeader.locator('button').click();
      expect(await pHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await rowNames()).toEqual([...[...ascending].reverse(), ...untested]);
      await page.locator('#columns-table > thead > tr > th', { hasText: 'Column' }).locator('button').click();
      expect(await pHeader.getAttribute('aria-sort')).toBe('none');

      await page.fill('#column-filter', 'INC');
      expect(await page.locator('#columns-table > tbody:not([hidden]) .column-name').allTextContents()).toEqual(['income']);
      expect(await page.textContent('#column-count')).toBe(`1 of ${Object.keys(report.columns).length} columns`);
      await page.fill('#column-filter', '');
      // A column's details open below its row and move with it when sorting.
      const income = page.locator('#columns-table > tbody', { hasText: 'income' }).first();
      await income.locator('button.details-toggle').click();
      expect(await income.locator('.column-details').isVisible()).toBe(true);
      expect(await income.locator('.column-details').textContent()).toContain('All tests on income');
      await pHeader.locator('button').click();

      await page.evaluate('window.scrollTo(0, 0)');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });

      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
      expect(requested.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
