import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleNotification } from '../testing/sample-notification.js';
import { runRetrainCommand } from './run-retrain-command.js';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-retrain-'));
  script = join(dir, 'retrain.mjs');
  // Writes its stdin and a few environment variables to the file named by its first argument, then exits with the
  // code named by its second; "hang" never exits.
  await writeFile(
    script,
    `import { writeFileSync } from 'node:fs';
const [out, code = '0'] = process.argv.slice(2);
if (code === 'hang') setInterval(() => undefined, 1000);
else {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  writeFileSync(out, JSON.stringify({ stdin: Buffer.concat(chunks).toString('utf8'), key: process.env.BOTHUB_IDEMPOTENCY_KEY ?? null, secret: process.env.BOTHUB_TEST_SECRET ?? null, argv: process.argv.slice(2) }));
  if (code !== '0') process.stderr.write('retraining failed: queue full\\n');
  process.exit(Number(code));
}
`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runRetrainCommand', () => {
  it('runs the command without a shell, the notification as JSON on stdin', async () => {
    const out = join(dir, 'ok.json');
    const notification = sampleNotification();
    process.env.BOTHUB_TEST_SECRET = 'must-not-leak';
    try {
      expect(await runRetrainCommand([process.execPath, script, out, '0'], notification)).toEqual({ ok: true });
    } finally {
      delete process.env.BOTHUB_TEST_SECRET;
    }
    const seen = JSON.parse(await readFile(out, 'utf8')) as { stdin: string; key: string; secret: string | null; argv: string[] };
    expect(JSON.parse(seen.stdin)).toEqual(notification);
    expect(seen.key).toBe('alt_01:firing:1');
    expect(seen.secret).toBeNull();
    expect(seen.argv).toEqual([out, '0']);
  });

  it('passes shell syntax through as a plain argument', async () => {
    const out = join(dir, 'literal.json');
    await runRetrainCommand([process.execPath, script, out, '0', '$(touch pwned); `id` | cat'], sampleNotification());
    const seen = JSON.parse(await readFile(out, 'utf8')) as { argv: string[] };
    expect(seen.argv).toEqual([out, '0', '$(touch pwned); `id` | cat']);
  });

  it('fails, worth retrying, on a non-zero exit, with the end of stderr', async () => {
    const outcome = await runRetrainCommand([process.execPath, script, join(dir, 'fail.json'), '3'], sampleNotification());
    expect(outcome).toEqual({ ok: false, retryable: true, error: 'The retrain command failed (exit 3): retraining failed: queue full' });
  });

  it('kills the command after the timeout', async () => {
    const outcome = await runRetrainCommand([process.execPath, script, join(dir, 'hang.json'), 'hang'], sampleNotification(), { timeoutMs: 300 });
    expect(outcome).toEqual({ ok: false, retryable: true, error: 'The retrain command failed (timed out after 300 ms)' });
  });

  it('gives up on a command that cannot be started', async () => {
    const outcome = await runRetrainCommand([join(dir, 'no-such-command')], sampleNotification());
    expect(outcome).toEqual({ ok: false, retryable: false, error: `The retrain command ${join(dir, 'no-such-command')} cannot be started: ENOENT` });
    expect(await runRetrainCommand([], sampleNotification())).toMatchObject({ ok: false, retryable: false });
  });
});
