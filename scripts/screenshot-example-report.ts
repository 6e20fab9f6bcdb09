/**
 * Regenerates the walk-through's report and screenshot (docs/images/credit-report.png) from the bundled credit
 * example, in Debian's headless chromium: `npm run docs:screenshot`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../packages/cli/src/main.js';

const root = resolve(import.meta.dirname, '..');
const html = join(mkdtempSync(join(tmpdir(), 'bothub-docs-')), 'credit-report.html');
// Relative paths, as a user would type them in the repository: the report shows them.
process.chdir(root);
const code = await main([
  'report',
  '--reference', 'examples/data/credit-reference.csv',
  '--current', 'examples/data/credit-current.csv',
  '--target', 'repaid', '--score', 'score', '--segment', 'region', '--protected', 'gender=male',
  '--html', html, '--quiet',
]);
if (code !== 0) throw new Error(`bothub report exited ${code}`);
const browser = await chromium.launch({
  executablePath: execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 1800 } });
await page.goto(pathToFileURL(html).href);
// Scroll through once so every lazily drawn chart is rendered, then back to the top.
// (A string, so this Node-side file needs no DOM types.)
await page.evaluate(`(async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 600) {
    window.scrollTo(0, y);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  window.scrollTo(0, 0);
})()`);
await page.waitForTimeout(500);
const target = join(root, 'docs/images/credit-report.png');
await page.screenshot({ path: target });
await browser.close();
console.log(`Wrote ${target}`);
