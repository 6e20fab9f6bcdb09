/**
 * API key secrets: `bh_` and 43 base62 characters (32 random bytes, 256 bits), so secret scanners recognise them by
 * their prefix. Only the SHA-256 of a secret is stored: a secret of 256 random bits cannot be guessed from its hash,
 * so a fast hash is right here (a slow password hash protects guessable secrets, at a cost on every request).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'bh_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_BYTES = 32;
/** ⌈256 / log2(62)⌉ = 43 characters hold 32 bytes. */
const SECRET_LENGTH = 43;
const SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${SECRET_LENGTH}}$`);
/** How much of a secret lists show: the prefix and four characters, enough to tell keys apart, far too little to guess. */
const DISPLAY_LENGTH = API_KEY_PREFIX.length + 4;

function base62(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let text = '';
  while (n > 0n) {
    text = ALPHABET[Number(n % 62n)]! + text;
    n /= 62n;
  }
  return text.padStart(SECRET_LENGTH, '0');
}

/**
 * A new secret with its hash (to store) and its display prefix.
 *
 * @example
 * const { secret, hash, prefix } = generateApiKey(); // secret 'bh_4Fz…', prefix 'bh_4Fz0'
 */
export function generateApiKey(): { secret: string; hash: string; prefix: string } {
  const secret = API_KEY_PREFIX + base62(randomBytes(SECRET_BYTES));
  return { secret, hash: hashApiKey(secret), prefix: secret.slice(0, DISPLAY_LENGTH) };
}

/**
 * Hex SHA-256 of a secret: what the store keeps and looks keys up by.
 *
 * @example
 * hashApiKey('bh_…'); // '9f86d0…' (64 hex digits)
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether the text has the shape of an API key (checked before any lookup).
 *
 * @example
 * looksLikeApiKey('bh_' + '0'.repeat(43)); // true
 */
export function looksLikeApiKey(text: string): boolean {
  return SHAPE.test(text);
}

/**
 * Constant-time comparison of two hex hashes of equal length.
 *
 * @example
 * sameHash(hashApiKey(secret), stored.hash);
 */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
