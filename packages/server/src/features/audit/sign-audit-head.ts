/**
 * Signed chain heads: `{ seq, hash, time }` signed with ECDSA P-256 over SHA-256 (ES256, IEEE P1363 signature,
 * base64). A head exported and kept elsewhere proves later that the chain held at least `seq` entries ending in `hash`:
 * deleting entries from the tail, or rewriting the chain, no longer matches it.
 */
import { createPrivateKey, sign, verify } from 'node:crypto';
import { generateSigningKeyPair, trustedKey } from '../../security/artifact-signature.js';
import type { AuditChainLink } from '../../storage/audit-store.js';
import { canonicalJson } from './canonical-json.js';

/** A signed chain head, as exported. */
export interface SignedAuditHead {
  readonly seq: number;
  readonly hash: string;
  /** ISO 8601, when it was signed. */
  readonly time: string;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): which key signed. */
  readonly keyId: string;
  /** Base64 ES256 signature (IEEE P1363, r || s) of the canonical JSON of `{ seq, hash, time }`. */
  readonly signature: string;
}

function signedBytes(head: { seq: number; hash: string; time: string }): Buffer {
  return Buffer.from(canonicalJson({ seq: head.seq, hash: head.hash, time: head.time }), 'utf8');
}

/**
 * Signs a chain head with an ECDSA P-256 private key (PEM, PKCS#8 or SEC1).
 *
 * @example
 * const signed = signAuditHead(await store.audit.head(), privatePem, Date.now());
 */
export function signAuditHead(head: AuditChainLink, privateKeyPem: string, now: number): SignedAuditHead {
  const key = createPrivateKey(privateKeyPem);
  // trustedKey checks the curve (P-256) and gives the key id the artifacts' keys use.
  const { id } = trustedKey(privateKeyPem);
  const unsigned = { seq: head.seq, hash: head.hash, time: new Date(now).toISOString() };
  const signature = sign('sha256', signedBytes(unsigned), { key, dsaEncoding: 'ieee-p1363' }).toString('base64');
  return { ...unsigned, keyId: id, signature };
}

/**
 * Whether a signed head's signature verifies with the public key (PEM, SPKI; a private key PEM works too).
 *
 * @example
 * if (!verifyAuditHeadSignature(signed, publicPem)) throw new Error('forged head');
 */
export function verifyAuditHeadSignature(head: SignedAuditHead, publicKeyPem: string): boolean {
  const { key } = trustedKey(publicKeyPem);
  try {
    return verify('sha256', signedBytes(head), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * A new ECDSA P-256 key pair for signing heads, as PEM (PKCS#8 private, SPKI public), and its key id: the artifacts'
 * key tooling (`bothub keys generate` makes the same kind of key).
 *
 * @example
 * const { privateKey, publicKey, keyId } = generateAuditKeyPair();
 */
export function generateAuditKeyPair(): { privateKey: string; publicKey: string; keyId: string } {
  const pair = generateSigningKeyPair();
  return { privateKey: pair.privateKeyPem, publicKey: pair.publicKeyPem, keyId: trustedKey(pair.publicKeyPem).id };
}

/**
 * Reads a signed head from its JSON text; a RangeError names what is wrong.
 *
 * @example
 * const head = parseSignedAuditHead(await readFile('head.json', 'utf8'));
 */
export function parseSignedAuditHead(text: string): SignedAuditHead {
  const value = JSON.parse(text) as Partial<SignedAuditHead> | null;
  if (value === null || typeof value !== 'object') throw new RangeError('parseSignedAuditHead: not a JSON object');
  const { seq, hash, time, keyId, signature } = value;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) throw new RangeError('parseSignedAuditHead: seq must be a non-negative integer');
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) throw new RangeError('parseSignedAuditHead: hash must be 64 hex digits');
  if (typeof time !== 'string' || typeof keyId !== 'string' || typeof signature !== 'string') throw new RangeError('parseSignedAuditHead: time, keyId and signature must be strings');
  return { seq, hash, time, keyId, signature };
}
