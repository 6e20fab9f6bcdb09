import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, parseKeyRing } from '@bothub/server';
import { EXIT_BAD_INPUT, EXIT_OK, main } from '../main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-cli-sign-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bothub keys generate / sign / verify', () => {
  it('generates a key pair, signs a file and verifies it; a changed file or another key fails with exit 1', async () => {
    const key = join(dir, 'signing-key.pem');
    const generated = await run(['keys', 'generate', '--out', key]);
    expect(generated.code).toBe(EXIT_OK);
    expect(generated.out).toMatch(/key id [0-9a-f]{16}/);
    expect((await stat(key)).mode & 0o777).toBe(0o600);
    expect(await readFile(key, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await readFile(join(dir, 'signing-key.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await run(['keys', 'generate', '--out', key])).err).toMatch(/exists: pass --force/);

    const file = join(dir, 'model.onnx');
    await writeFile(file, randomBytes(100_000));
    const signed = await run(['sign', file, '--key', key]);
    expect(signed.code).toBe(EXIT_OK);
    expect(signed.out).toContain(`${file}.sig`);
    const signature = (await readFile(`${file}.sig`, 'utf8')).trim();
    // openssl agrees: the signature is a standard ECDSA-SHA256 one (DER).
    await writeFile(join(dir, 'sig.der'), Buffer.from(signature, 'base64'));
    expect(execFileSync('openssl', ['dgst', '-sha256', '-verify', join(dir, 'signing-key.pub.pem'), '-signature', join(dir, 'sig.der'), file]).toString()).toMatch(/Verified OK/);

    const verified = await run(['verify', file, '--signature', `${file}.sig`, '--public-key', join(dir, 'signing-key.pub.pem')]);
    expect(verified).toMatchObject({ code: 0, err: '' });
    expect(verified.out).toMatch(/^OK: the signature of .* \(sha256 [0-9a-f]{64}\) verifies against key [0-9a-f]{16}\.$/);

    await run(['keys', 'generate', '--out', join(dir, 'other.pem')]);
    const otherKey = await run(['verify', file, '--signature', `${file}.sig`, '--public-key', join(dir, 'other.pub.pem')]);
    expect(otherKey.code).toBe(1);
    expect(otherKey.err).toMatch(/^FAILED: the signature of .* does not verify: the signature does not verify against .*other\.pub\.pem\.$/);

    const content = await readFile(file);
    content[0] = content[0]! ^ 1;
    await writeFile(file, content);
    expect((await run(['verify', file, '--signature', `${file}.sig`, '--public-key', join(dir, 'signing-key.pub.pem')])).code).toBe(1);
  });

  it('answers bad input with exit 2 and one line', async () => {
    const missing = await run(['sign', join(dir, 'nope.onnx'), '--key', join(dir, 'nope.pem')]);
    expect(missing.code).toBe(EXIT_BAD_INPUT);
    expect(missing.err).toMatch(/^bothub: cannot read the key .*nope\.pem: ENOENT$/);
    await writeFile(join(dir, 'not-a-key.pem'), 'hello');
    await writeFile(join(dir, 'x.bin'), 'x');
    const garbled = await run(['sign', join(dir, 'x.bin'), '--key', join(dir, 'not-a-key.pem')]);
    expect(garbled.code).toBe(EXIT_BAD_INPUT);
    expect(garbled.err).toMatch(/^bothub: cannot sign /);
  });
});

describe('bothub keys rotate', () => {
  it('adds a key to the data directory\'s ring, makes it current and re-seals channel secrets', async () => {
    const dataDir = join(dir, 'data');
    const store = await openSqliteStore({ dataDir });
    await store.close();
    // The first rotation creates the ring (none existed) and adds a second key.
    const first = await run(['keys', 'rotate', '--data-dir', dataDir]);
    expect(first.code).toBe(EXIT_OK);
    const ring = JSON.parse(await readFile(join(dataDir, 'encryption-keys.json'), 'utf8')) as { current: string; keys: Record<string, string> };
    expect(Object.keys(ring.keys)).toHaveLength(2);
    expect(first.out).toContain(`Added key ${ring.current}`);
    expect(first.out).toMatch(/and 0 artifact blobs\./);
    expect((await stat(join(dataDir, 'encryption-keys.json'))).mode & 0o777).toBe(0o600);

    // A channel sealed under that key, then a second rotation: re-sealed under the third key, still readable.
    const before = await openSqliteStore({ dataDir, keyRing: parseKeyRing(ring) });
    await before.migrate();
    await before.alerts.createChannel({ name: 'ops', kind: 'webhook', severities: ['critical'], rateLimitPerMinute: 30, enabled: true, url: 'https://hooks.example.com/x', routingKey: null, smtp: null, command: null, secrets: { secret: 'a-signing-secret-0123', smtpPassword: null } });
    await before.close();
    const second = await run(['keys', 'rotate', '--data-dir', dataDir]);
    expect(second.code).toBe(EXIT_OK);
    const rotated = parseKeyRing(JSON.parse(await readFile(join(dataDir, 'encryption-keys.json'), 'utf8')));
    expect(rotated.keys.size).toBe(3);
    const after = await openSqliteStore({ dataDir, keyRing: rotated });
    const sealed = after.database.prepare<[], string>('SELECT secret FROM channels').pluck().get()!;
    // bhe1: base64 of "BHE", version, key id length, key id, …
    const envelope = Buffer.from(sealed.slice('bhe1:'.length), 'base64');
    expect(envelope.subarray(5, 5 + envelope[4]!).toString()).toBe(rotated.current);
    expect((await after.alerts.getChannel('ops'))?.secrets.secret).toBe('a-signing-secret-0123');
    await after.close();
  });
});
