/**
 * The encryption key ring: AES-256 keys by id, one of them current. New ciphertexts use the current key; any key of
 * the ring opens what it sealed, so a rotation adds a key and makes it current without breaking old data.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A ring as configured: `{ current, keys: { id: base64 of 32 bytes } }`. */
export interface KeyRingSpec {
  readonly current: string;
  readonly keys: Readonly<Record<string, string>>;
}

/** A parsed ring: the current key's id and every key's 32 bytes. */
export interface KeyRing {
  readonly current: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** The file in the data directory that holds a generated ring when none is configured. */
export const KEY_RING_FILE_NAME = 'encryption-keys.json';

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const KEY_BYTES = 32;

/**
 * Checks and decodes a ring spec; throws a RangeError naming the problem (never a key's bytes).
 *
 * @example
 * const ring = parseKeyRing({ current: 'k1', keys: { k1: randomBytes(32).toString('base64') } });
 */
export function parseKeyRing(spec: unknown): KeyRing {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new RangeError('parseKeyRing: the key ring must be an object { current, keys }');
  const { current, keys } = spec as Record<string, unknown>;
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw new RangeError('parseKeyRing: keys must be an object of key id → base64 of 32 bytes');
  const decoded = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) throw new RangeError(`parseKeyRing: key id ${JSON.stringify(id)} must be 1 to 64 letters, digits, - or _`);
    const bytes = typeof value === 'string' && /^[A-Za-z0-9+/]+=*$/.test(value) ? Buffer.from(value, 'base64') : null;
    if (bytes?.length !== KEY_BYTES) throw new RangeError(`parseKeyRing: key ${id} must be base64 of ${KEY_BYTES} random bytes`);
    decoded.set(id, bytes);
  }
  if (typeof current !== 'string' || !decoded.has(current)) throw new RangeError(`parseKeyRing: current must name one of the keys (${[...decoded.keys()].join(', ') || 'none'})`);
  return { current, keys: decoded };
}

/** A spec from a ring, e.g. to write it to a file. */
export function keyRingSpec(ring: KeyRing): KeyRingSpec {
  return { current: ring.current, keys: Object.fromEntries([...ring.keys].map(([id, key]) => [id, key.toString('base64')])) };
}

/**
 * A ring of one new random key.
 *
 * @example
 * const ring = generateKeyRing(); // { current: 'k-20261205-…', keys: Map(1) }
 */
export function generateKeyRing(): KeyRing {
  return addGeneratedKey({ current: '', keys: new Map() });
}

/** The ring with a new random key added and made current; the old keys stay, so old ciphertexts still open. */
export function addGeneratedKey(ring: KeyRing): KeyRing {
  const id = `k-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  return { current: id, keys: new Map([...ring.keys, [id, randomBytes(KEY_BYTES)]]) };
}

/** Writes the ring readable by its owner only (0600), replacing the file atomically. */
export async function writeKeyRingFile(file: string, ring: KeyRing): Promise<void> {
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(keyRingSpec(ring), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/**
 * The ring kept in the data directory (`encryption-keys.json`, mode 0600), created with one random key when absent.
 * For PostgreSQL with several nodes, configure the ring instead: every node must hold the same keys.
 *
 * @example
 * const { ring, created } = await loadOrCreateKeyRing('./bothub-data');
 */
export async function loadOrCreateKeyRing(dataDir: string): Promise<{ ring: KeyRing; file: string; created: boolean }> {
  const file = join(dataDir, KEY_RING_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dataDir, { recursive: true });
    const ring = generateKeyRing();
    try {
      await writeFile(file, `${JSON.stringify(keyRingSpec(ring), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      // Another process created it first: use that one.
      if ((writeError as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKeyRing(dataDir);
      throw writeError;
    }
    return { ring, file, created: true };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RangeError(`loadOrCreateKeyRing: ${file} is not JSON`);
  }
  return { ring: parseKeyRing(parsed), file, created: false };
}
