import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createOpenStream, createSealStream, EnvelopeError, envelopeKeyId, isSealedString, openBytes, openString, sealBytes, sealString } from './envelope.js';
import { addGeneratedKey, generateKeyRing } from './key-ring.js';

const ring = generateKeyRing();

async function collect(source: Readable, through: NodeJS.ReadWriteStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(source, through, async (output: AsyncIterable<Buffer | string>) => {
    for await (const chunk of output) chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks);
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvelopeError);
    return (error as EnvelopeError).reason;
  }
  throw new Error('expected the envelope to be refused');
}

describe('sealBytes / openBytes', () => {
  it('round-trips, with a fresh nonce per message', () => {
    const a = sealBytes(ring, Buffer.from('secret'), 'channel:1:url');
    const b = sealBytes(ring, Buffer.from('secret'), 'channel:1:url');
    expect(a.equals(b)).toBe(false);
    expect(openBytes(ring, a, 'channel:1:url').toString()).toBe('secret');
    expect(a.includes(Buffer.from('secret'))).toBe(false);
    expect(envelopeKeyId(a)).toBe(ring.current);
  });

  it('round-trips the empty message', () => {
    expect(openBytes(ring, sealBytes(ring, Buffer.alloc(0), 'p'), 'p').length).toBe(0);
  });

  it('refuses a flipped ciphertext bit, tag bit or header byte, and another purpose', () => {
    const envelope = sealBytes(ring, Buffer.from('a message of some length'), 'artifact:abc');
    const flip = (index: number): Buffer => {
      const copy = Buffer.from(envelope);
      copy[index] = copy[index]! ^ 1;
      return copy;
    };
    expect(failure(() => openBytes(ring, flip(envelope.length - 20), 'artifact:abc'))).toBe('authentication_failed');
    expect(failure(() => openBytes(ring, flip(envelope.length - 1), 'artifact:abc'))).toBe('authentication_failed');
    // The nonce is part of the header: 5 + key id length + 12 bytes.
    expect(failure(() => openBytes(ring, flip(envelope.length - 16 - 24 - 1), 'artifact:abc'))).toBe('authentication_failed');
    expect(failure(() => openBytes(ring, flip(0), 'artifact:abc'))).toBe('malformed');
    expect(failure(() => openBytes(ring, flip(3), 'artifact:abc'))).toBe('malformed');
    expect(failure(() => openBytes(ring, envelope, 'artifact:abd'))).toBe('authentication_failed');
    expect(failure(() => openBytes(ring, envelope.subarray(0, 20), 'artifact:abc'))).toBe('malformed');
  });

  it('refuses a key id edited to another key of the ring, and a key not in the ring', () => {
    const other = generateKeyRing();
    expect(failure(() => openBytes(other, sealBytes(ring, Buffer.from('x'), 'p'), 'p'))).toBe('unknown_key');
    // A ring holding a key under the same id but other bytes: the wrong key fails the tag.
    const impostor = { current: ring.current, keys: new Map([[ring.current, randomBytes(32)]]) };
    expect(failure(() => openBytes(impostor, sealBytes(ring, Buffer.from('x'), 'p'), 'p'))).toBe('authentication_failed');
  });

  it('opens old envelopes after a rotation and seals new ones under the new key', () => {
    const old = sealBytes(ring, Buffer.from('before'), 'p');
    const rotated = addGeneratedKey(ring);
    expect(rotated.current).not.toBe(ring.current);
    expect(openBytes(rotated, old, 'p').toString()).toBe('before');
    expect(envelopeKeyId(sealBytes(rotated, Buffer.from('after'), 'p'))).toBe(rotated.current);
  });
});

describe('sealString / openString', () => {
  it('marks sealed strings and round-trips them', () => {
    const sealed = sealString(ring, 'https://hooks.slack.com/services/T/B/X', 'channel:1:url');
    expect(isSealedString(sealed)).toBe(true);
    expect(isSealedString('https://hooks.slack.com/services/T/B/X')).toBe(false);
    expect(sealed).not.toContain('hooks.slack.com');
    expect(openString(ring, sealed, 'channel:1:url')).toBe('https://hooks.slack.com/services/T/B/X');
    expect(failure(() => openString(ring, sealed, 'channel:2:url'))).toBe('authentication_failed');
  });
});

describe('createSealStream / createOpenStream', () => {
  it('round-trips 3 MB in odd-sized chunks and matches sealBytes\' format', async () => {
    const plaintext = randomBytes(3 * 1024 * 1024 + 7);
    const chunks = [];
    for (let at = 0; at < plaintext.length; at += 65_519) chunks.push(plaintext.subarray(at, at + 65_519));
    const sealed = await collect(Readable.from(chunks), createSealStream(ring, 'artifact:x'));
    expect(sealed.length).toBe(plaintext.length + 5 + ring.current.length + 12 + 16);
    expect(openBytes(ring, sealed, 'artifact:x').equals(plaintext)).toBe(true);
    const byteByByte = [...sealed.subarray(0, 100)].map((byte) => Buffer.from([byte]));
    const opened = await collect(Readable.from([...byteByByte, sealed.subarray(100)]), createOpenStream(ring, 'artifact:x'));
    expect(opened.equals(plaintext)).toBe(true);
  });

  it('seals an empty stream to a valid envelope', async () => {
    const sealed = await collect(Readable.from([]), createSealStream(ring, 'p'));
    expect(openBytes(ring, sealed, 'p').length).toBe(0);
  });

  it('fails at the end of a tampered or truncated stream, and on another purpose', async () => {
    const sealed = sealBytes(ring, randomBytes(100_000), 'artifact:x');
    const tampered = Buffer.from(sealed);
    tampered[50_000] = tampered[50_000]! ^ 0x80;
    await expect(collect(Readable.from([tampered]), createOpenStream(ring, 'artifact:x'))).rejects.toMatchObject({ reason: 'authentication_failed' });
    await expect(collect(Readable.from([sealed.subarray(0, sealed.length - 1)]), createOpenStream(ring, 'artifact:x'))).rejects.toMatchObject({ reason: 'authentication_failed' });
    await expect(collect(Readable.from([sealed]), createOpenStream(ring, 'artifact:y'))).rejects.toMatchObject({ reason: 'authentication_failed' });
    await expect(collect(Readable.from([sealed.subarray(0, 10)]), createOpenStream(ring, 'artifact:x'))).rejects.toMatchObject({ reason: 'malformed' });
  });
});
