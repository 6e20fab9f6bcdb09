/**
 * Envelope encryption with AES-256-GCM under the key ring. An envelope is
 *
 *   "BHE" · version (1 byte) · key id length (1 byte) · key id · nonce (12 random bytes) · ciphertext · tag (16 bytes)
 *
 * The header names the key, so any key of the ring opens it. The associated data is the header plus a purpose
 * ("artifact:<sha256>", "channel:<id>:url"): a ciphertext moved to another place, or a header edited, fails its tag.
 * The tag trails the ciphertext so that a file is sealed and opened as a stream, in constant memory.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CipherGCM, DecipherGCM } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { KeyRing } from './key-ring.js';

const MAGIC = Buffer.from('BHE', 'ascii');
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed strings (in a database column) carry this prefix: what lacks it was stored before encryption. */
const STRING_PREFIX = 'bhe1:';

/** Why an envelope did not open; never says more (no oracle on the plaintext). */
export type EnvelopeFailure = 'malformed' | 'unknown_key' | 'authentication_failed';

/** An envelope that cannot be opened: malformed, sealed under a key not in the ring, or tampered with. */
export class EnvelopeError extends Error {
  readonly reason: EnvelopeFailure;
  constructor(reason: EnvelopeFailure, detail: string) {
    super(`envelope: ${detail}`);
    this.name = 'EnvelopeError';
    this.reason = reason;
  }
}

function header(keyId: string, nonce: Buffer): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, nonce]);
}

function cipherFor(ring: KeyRing, purpose: string): { head: Buffer; cipher: CipherGCM } {
  const key = ring.keys.get(ring.current);
  if (key === undefined) throw new RangeError(`seal: the current key ${ring.current} is not in the ring`);
  const nonce = randomBytes(NONCE_BYTES);
  const head = header(ring.current, nonce);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([head, Buffer.from(purpose, 'utf8')]));
  return { head, cipher };
}

/** The header's length once `bytes` holds its first 5 bytes; null when fewer have arrived. */
function headerLength(bytes: Buffer): number | null {
  if (bytes.length < MAGIC.length + 2) return null;
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new EnvelopeError('malformed', 'not an envelope (no BHE header)');
  if (bytes[MAGIC.length] !== VERSION) throw new EnvelopeError('malformed', `unknown envelope version ${bytes[MAGIC.length]}`);
  return MAGIC.length + 2 + bytes[MAGIC.length + 1]! + NONCE_BYTES;
}

function decipherFor(ring: KeyRing, head: Buffer, purpose: string): DecipherGCM {
  const idLength = head[MAGIC.length + 1]!;
  const keyId = head.subarray(MAGIC.length + 2, MAGIC.length + 2 + idLength).toString('ascii');
  const key = ring.keys.get(keyId);
  if (key === undefined) throw new EnvelopeError('unknown_key', `sealed under key ${JSON.stringify(keyId)}, which is not in the key ring`);
  const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(head.length - NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.concat([head, Buffer.from(purpose, 'utf8')]));
  return decipher;
}

/** The id of the key an envelope was sealed under (to find what a rotation must re-seal). */
export function envelopeKeyId(envelope: Buffer): string {
  const length = headerLength(envelope);
  if (length === null || envelope.length < length) throw new EnvelopeError('malformed', 'the envelope is shorter than its header');
  return envelope.subarray(MAGIC.length + 2, MAGIC.length + 2 + envelope[MAGIC.length + 1]!).toString('ascii');
}

/**
 * Seals bytes under the ring's current key, bound to `purpose`.
 *
 * @example
 * const envelope = sealBytes(ring, Buffer.from('hello'), 'channel:42:url');
 * openBytes(ring, envelope, 'channel:42:url').toString(); // 'hello'
 */
export function sealBytes(ring: KeyRing, plaintext: Uint8Array, purpose: string): Buffer {
  const { head, cipher } = cipherFor(ring, purpose);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([head, body, cipher.getAuthTag()]);
}

/** Opens what `sealBytes` sealed for the same purpose; throws EnvelopeError otherwise. */
export function openBytes(ring: KeyRing, envelope: Uint8Array, purpose: string): Buffer {
  const bytes = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  const length = headerLength(bytes);
  if (length === null || bytes.length < length + TAG_BYTES) throw new EnvelopeError('malformed', 'the envelope is too short');
  const decipher = decipherFor(ring, bytes.subarray(0, length), purpose);
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(length, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EnvelopeError('authentication_failed', 'the ciphertext, its header or its purpose was altered');
  }
}

/**
 * Seals a string for a text column: `bhe1:` and the envelope in base64.
 *
 * @example
 * const stored = sealString(ring, 'https://hooks.slack.com/services/T/B/X', 'channel:42:url'); // 'bhe1:QkhF…'
 */
export function sealString(ring: KeyRing, plaintext: string, purpose: string): string {
  return STRING_PREFIX + sealBytes(ring, Buffer.from(plaintext, 'utf8'), purpose).toString('base64');
}

/** Whether a stored string is sealed (else it was written before encryption). */
export function isSealedString(value: string): boolean {
  return value.startsWith(STRING_PREFIX);
}

/** Opens what `sealString` sealed for the same purpose; throws EnvelopeError otherwise. */
export function openString(ring: KeyRing, sealed: string, purpose: string): string {
  if (!isSealedString(sealed)) throw new EnvelopeError('malformed', 'not a sealed string');
  return openBytes(ring, Buffer.from(sealed.slice(STRING_PREFIX.length), 'base64'), purpose).toString('utf8');
}

/** The key id of a sealed string. */
export function sealedStringKeyId(sealed: string): string {
  return envelopeKeyId(Buffer.from(sealed.slice(STRING_PREFIX.length), 'base64'));
}

/**
 * A stream that seals what passes through it: the header first, the tag last.
 *
 * @example
 * await pipeline(createReadStream('model.onnx'), createSealStream(ring, `artifact:${sha256}`), createWriteStream('blob'));
 */
export function createSealStream(ring: KeyRing, purpose: string): Transform {
  const { head, cipher } = cipherFor(ring, purpose);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!started) {
        started = true;
        this.push(head);
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      if (!started) this.push(head);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/**
 * A stream that opens an envelope: reads the header, holds back the trailing tag and fails (EnvelopeError) at the
 * end when the tag does not match. What it passed on before that failure must then be discarded.
 *
 * @example
 * await pipeline(createReadStream('blob'), createOpenStream(ring, `artifact:${sha256}`), hash);
 */
export function createOpenStream(ring: KeyRing, purpose: string): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let decipher: DecipherGCM | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        if (decipher === null) {
          const length = headerLength(pending);
          if (length === null || pending.length < length) {
            callback();
            return;
          }
          decipher = decipherFor(ring, pending.subarray(0, length), purpose);
          pending = pending.subarray(length);
        }
        // The last TAG_BYTES seen may be the tag: keep them until the end.
        if (pending.length <= TAG_BYTES) {
          callback();
          return;
        }
        const ready = pending.subarray(0, pending.length - TAG_BYTES);
        pending = pending.subarray(pending.length - TAG_BYTES);
        callback(null, decipher.update(ready));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      if (decipher === null || pending.length < TAG_BYTES) {
        callback(new EnvelopeError('malformed', 'the envelope is truncated'));
        return;
      }
      decipher.setAuthTag(pending);
      try {
        callback(null, decipher.final());
      } catch {
        callback(new EnvelopeError('authentication_failed', 'the ciphertext, its header or its purpose was altered'));
      }
    },
  });
}
