/**
 * What the dashboard's browser tests share: Debian's chromium found on PATH, a production build of the current
 * sources in a temporary directory, and a page that records console errors and any request leaving the service.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { findOnPath } from '../../server/src/testing/find-on-path.js';

export const chromiumPath = findOnPath('chromium');
/** On a laptop without Debian's chromium the browser tests are skipped; in CI a missing browser is a failure. */
export const skipBrowser = chromiumPath === null && process.env.CI !== 'true';
export const artifacts = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A production build of the dashboard's current sources in a temporary directory (the package's own dist/ stays as
 * it is). Vitest sets NODE_ENV=test, which would give React's development build.
 *
 * @example
 * const dist = await buildDashboard();
 * rmSync(dist, { recursive: true, force: true });
 */
export async function buildDashboard(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bothub-dashboard-dist-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

export interface WatchedPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and warnings, and uncaught page errors. */
  readonly errors: string[];
  /** Requests to anywhere but the service (aborted). */
  readonly outside: string[];
  /** A full-page screenshot into test-artifacts/dashboard-<name>.png. */
  readonly shot: (name: string) => Promise<void>;
}

/**
 * Chromium at 1280×800 (a laptop screen) with a page that may only talk to `serviceUrl`.
 *
 * @example
 * const { browser, page, errors, outside } = await openWatchedPage(service.url);
 */
export async function openWatchedPage(serviceUrl: string): Promise<WatchedPage> {
  if (chromiumPath === null) throw new Error('chromium is not on PATH: CI installs Debian\'s chromium package in .ci/run');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  mkdirSync(artifacts, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${serviceUrl}/`) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return {
    browser,
    page,
    errors,
    outside,
    shot: async (name) => {
      await page.screenshot({ path: join(artifacts, `dashboard-${name}.png`), fullPage: true });
    },
  };
}

/**
 * Waits until a chart (by the start of its accessible name) has drawn.
 *
 * @example
 * await chartDrawn(page, 'Drift heatmap');
 */
export async function chartDrawn(page: Page, label: string): Promise<void> {
  await page.locator(`[aria-label^="${label}"][data-drawn="true"]`).first().waitFor();
}

/** Removes a build made by buildDashboard. */
export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The form controls and buttons on the page without an accessible name (no label, no aria-label or -labelledby, no
 * text), described by tag and type.
 *
 * @example
 * expect(await unnamedControls(page)).toEqual([]);
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  // A script in the page's own terms (this file is compiled for Node, without the DOM's types).
  return page.evaluate<string[]>(`Array.from(document.querySelectorAll('button, input, select, textarea, a[href]'))
    .filter((el) => !(el.getAttribute('aria-label') || '').trim() && !el.getAttribute('aria-labelledby')
      && !(el.labels && el.labels.length) && !(el.textContent || '').trim())
    .map((el) => el.tagName.toLowerCase() + (el.getAttribute('type') ? '[type=' + el.getAttribute('type') + ']' : ''))`);
}
