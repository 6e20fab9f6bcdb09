import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_RING_FILE_NAME, addGeneratedKey, keyRingSpec, loadOrCreateKeyRing, parseKeyRing, writeKeyRingFile } from './key-ring.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('parseKeyRing', () => {
  it('decodes keys and keeps the current one', () => {
    const key = randomBytes(32);
    const ring = parseKeyRing({ current: 'k1', keys: { k1: key.toString('base64'), k0: randomBytes(32).toString('base64') } });
    expect(ring.current).toBe('k1');
    expect(ring.keys.get('k1')?.equals(key)).toBe(true);
    expect(ring.keys.size).toBe(2);
  });

  it('names what is wrong without echoing key bytes', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseKeyRing({ current: 'k1', keys: { k1: short } })).toThrow(/key k1 must be base64 of 32 random bytes/);
    expect(() => parseKeyRing({ current: 'k1', keys: { k1: short } })).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')));
    expect(() => parseKeyRing({ current: 'k2', keys: { k1: randomBytes(32).toString('base64') } })).toThrow(/current must name one of the keys \(k1\)/);
    expect(() => parseKeyRing({ current: 'a b', keys: { 'a b': randomBytes(32).toString('base64') } })).toThrow(/key id "a b"/);
    expect(() => parseKeyRing('k1')).toThrow(RangeError);
  });
});

describe('loadOrCreateKeyRing', () => {
  it('creates a 0600 file once, then reads the same ring; rotation keeps old keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bothub-keys-'));
    dirs.push(dir);
    const first = await loadOrCreateKeyRing(dir);
    expect(first.created).toBe(true);
    expect(first.file).toBe(join(dir, KEY_RING_FILE_NAME));
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateKeyRing(dir);
    expect(second.created).toBe(false);
    expect(keyRingSpec(second.ring)).toEqual(keyRingSpec(first.ring));

    const rotated = addGeneratedKey(second.ring);
    await writeKeyRingFile(first.file, rotated);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const spec = JSON.parse(await readFile(first.file, 'utf8')) as { current: string; keys: Record<string, string> };
    expect(spec.current).toBe(rotated.current);
    expect(Object.keys(spec.keys).sort()).toEqual([first.ring.current, rotated.current].sort());
  });
});
