import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveCommand } from './serve-command.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs `bothub serve` until it prints its address, then stops it as Ctrl-C would; answers what it printed. */
async function serveOnce(options: Parameters<typeof serveCommand>[0]): Promise<string[]> {
  const lines: string[] = [];
  const code = await serveCommand({ port: '0', ...options }, (text) => {
    lines.push(text);
    // The SIGINT listener is installed right after the start lines, in the same tick.
    if (text.startsWith('Bothub is listening')) setImmediate(() => process.emit('SIGINT'));
  });
  expect(code).toBe(0);
  return lines;
}

describe('bothub serve', () => {
  it('prints a first admin key at the first start only, clearly marked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bothub-serve-'));
    const first = (await serveOnce({ dataDir: dir })).join('\n');
    expect(first).toContain('FIRST ADMIN API KEY (shown once)');
    expect(first).toMatch(/\nbh_[0-9A-Za-z]{43}\n/);
    const second = (await serveOnce({ dataDir: dir })).join('\n');
    expect(second).not.toContain('FIRST ADMIN API KEY');
    expect(second).not.toMatch(/bh_[0-9A-Za-z]{43}/);
  });

  it('says so in development mode, and refuses it on every interface', async () => {
    dir = mkdtempSync(join(tmpdir(), 'bothub-serve-'));
    expect((await serveOnce({ dataDir: dir, dev: true })).join('\n')).toContain('authentication is OFF');
    await expect(serveCommand({ port: '0', dataDir: dir, dev: true, host: '0.0.0.0' }, () => undefined)).rejects.toThrow(/loopback only/);
  });
});
