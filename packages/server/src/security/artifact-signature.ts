/**
 * Artifact signatures: ECDSA P-256 with SHA-256 over a file's bytes (what `openssl dgst -sha256 -sign key.pem` makes),
 * sent in base64, DER or IEEE-P1363 (r‖s). One module for `bothub sign`, `bothub verify` and the service.
 */
import { createHash, createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import type { Hash, KeyObject, Verify } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** A PKCS#8 private key and its SPKI public key, both PEM. */
export interface SigningKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** A public key allowed to sign artifacts, with its id (the first 16 hex digits of the SHA-256 of its SPKI DER). */
export interface TrustedKey {
  readonly id: string;
  readonly key: KeyObject;
}

/** The outcome of checking a signature: which trusted key made it, or why none did. */
export type SignatureCheck = { readonly valid: true; readonly keyId: string } | { readonly valid: false; readonly reason: string };

const P1363_BYTES = 64;

/**
 * A new ECDSA P-256 key pair.
 *
 * @example
 * const { privateKeyPem, publicKeyPem } = generateSigningKeyPair();
 */
export function generateSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function requireP256(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new RangeError(`${what}: the key must be ECDSA P-256`);
  return key;
}

/**
 * A trusted key from PEM (a public key, or a private key whose public half is taken).
 *
 * @example
 * const trusted = trustedKey(readFileSync('signing-key.pub.pem', 'utf8'));
 * trusted.id; // '3f2a9c…' (16 hex digits)
 */
export function trustedKey(pem: string): TrustedKey {
  const key = requireP256(createPublicKey(pem), 'trustedKey');
  const spki = key.export({ type: 'spki', format: 'der' });
  return { id: createHash('sha256').update(spki).digest('hex').slice(0, 16), key };
}

/** The signature's bytes and encoding: 64 bytes are r‖s (IEEE-P1363), anything else DER. */
function decodeSignature(base64: string): { bytes: Buffer; dsaEncoding: 'der' | 'ieee-p1363' } | null {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/]+=*$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.length === P1363_BYTES) return { bytes, dsaEncoding: 'ieee-p1363' };
  return bytes.length >= 8 && bytes.length <= 72 && bytes[0] === 0x30 ? { bytes, dsaEncoding: 'der' } : null;
}

/**
 * Checks a signature over content fed in chunks: hashes once for the SHA-256 address and once per trusted key for
 * ECDSA, so a large file streams through in constant memory.
 *
 * @example
 * const verifier = createArtifactVerifier(trusted);
 * for await (const chunk of createReadStream('model.onnx')) verifier.update(chunk);
 * const { sha256, size, check } = verifier.finish(signatureBase64);
 */
export function createArtifactVerifier(trusted: readonly TrustedKey[]): {
  update(chunk: Buffer): void;
  finish(signature: string): { sha256: string; size: number; check: SignatureCheck };
} {
  const hash: Hash = createHash('sha256');
  const verifiers: Verify[] = trusted.map(() => createVerify('sha256'));
  let size = 0;
  return {
    update(chunk) {
      size += chunk.length;
      hash.update(chunk);
      for (const verifier of verifiers) verifier.update(chunk);
    },
    finish(signature) {
      const sha256 = hash.digest('hex');
      const decoded = decodeSignature(signature);
      if (decoded === null) return { sha256, size, check: { valid: false, reason: 'the signature is not base64 of a DER or IEEE-P1363 ECDSA signature' } };
      if (trusted.length === 0) return { sha256, size, check: { valid: false, reason: 'no trusted signing key is configured (trustedSigningKeys)' } };
      for (const [index, verifier] of verifiers.entries()) {
        const { id, key } = trusted[index]!;
        if (verifier.verify({ key, dsaEncoding: decoded.dsaEncoding }, decoded.bytes)) return { sha256, size, check: { valid: true, keyId: id } };
      }
      return { sha256, size, check: { valid: false, reason: 'the signature does not verify against any trusted signing key' } };
    },
  };
}

/**
 * Signs a file with a PEM private key (ECDSA P-256); answers the DER signature in base64.
 *
 * @example
 * const signature = await signFile('model.onnx', readFileSync('signing-key.pem', 'utf8'));
 */
export async function signFile(path: string, privateKeyPem: string): Promise<string> {
  const key = requireP256(createPrivateKey(privateKeyPem), 'signFile');
  const signer = createSign('sha256');
  for await (const chunk of createReadStream(path)) signer.update(chunk as Buffer);
  return signer.sign({ key, dsaEncoding: 'der' }).toString('base64');
}

/**
 * Verifies a file's signature against public keys (PEM); answers which key made it, or why none did.
 *
 * @example
 * const check = await verifyFile('model.onnx', readFileSync('model.onnx.sig', 'utf8'), [readFileSync('pub.pem', 'utf8')]);
 * if (!check.valid) console.error(check.reason);
 */
export async function verifyFile(path: string, signature: string, publicKeyPems: readonly string[]): Promise<SignatureCheck & { sha256: string }> {
  const verifier = createArtifactVerifier(publicKeyPems.map(trustedKey));
  for await (const chunk of createReadStream(path)) verifier.update(chunk as Buffer);
  const { sha256, check } = verifier.finish(signature);
  return { ...check, sha256 };
}
