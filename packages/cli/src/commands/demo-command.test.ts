import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK, main } from '../main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bothub demo', () => {
  it('runs for --duration demo-minutes, prints the dashboard address and the phases, and removes its temporary directory', { timeout: 60_000 }, async () => {
    const { code, out } = await run(['demo', '--port', '0', '--no-open', '--speed', '1200', '--duration', '50', '--seed', '7']);
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+\/ /m);
    expect(out).toContain('Bothub demo: model "credit-demo" (credit default), seed 7, speed 1200×');
    expect(out).toContain('▶ 0:00 healthy traffic');
    expect(out).toContain('▶ 0:45 feature shift');
    expect(out).toMatch(/0:50 feature-shift · 5,001 predictions · 2,000 labels · \d+ windows? evaluated/);
    const dir = /^Data: SQLite in (.+) \(removed on exit\)$/m.exec(out)?.[1];
    expect(dir).toBeDefined();
    expect(existsSync(dir!)).toBe(false);
  });

  it('refuses bad flags with exit code 2 and a message naming the flag', async () => {
    for (const [args, message] of [
      [['--speed', '0'], /option '--speed <x>' argument '0' is invalid\. must be a number above 0/],
      [['--speed', 'fast'], /option '--speed <x>' argument 'fast' is invalid/],
      [['--duration', '-5'], /option '--duration <minutes>' argument '-5' is invalid/],
      [['--seed', '1.5'], /--seed must be a whole number/],
      [['--port', 'abc'], /flag port must be an integer in \[0, 65535\], got "abc"/],
    ] as const) {
      const { code, err } = await run(['demo', '--no-open', ...args]);
      expect(code, args.join(' ')).toBe(EXIT_BAD_INPUT);
      expect(err).toMatch(message);
    }
  });

  it('names a port already in use and exits with code 2', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { code, err } = await run(['demo', '--no-open', '--port', String(port)]);
      expect(code).toBe(EXIT_BAD_INPUT);
      expect(err).toBe(`bothub: port ${port} is in use: choose another with --port (0 picks a free one)`);
    } finally {
      server.close();
    }
  });
});
