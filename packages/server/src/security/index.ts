/** Encryption at rest (key ring, envelopes) and artifact signatures. */
export { addGeneratedKey, generateKeyRing, KEY_RING_FILE_NAME, keyRingSpec, loadOrCreateKeyRing, parseKeyRing, writeKeyRingFile } from './key-ring.js';
export type { KeyRing, KeyRingSpec } from './key-ring.js';
export {
  createOpenStream,
  createSealStream,
  EnvelopeError,
  envelopeKeyId,
  isSealedString,
  openBytes,
  openString,
  sealBytes,
  sealedStringKeyId,
  sealString,
} from './envelope.js';
export type { EnvelopeFailure } from './envelope.js';
export { loadKeyRing, loadTrustedKeys } from './load-security-settings.js';
export { createArtifactVerifier, generateSigningKeyPair, signFile, trustedKey, verifyFile } from './artifact-signature.js';
export type { SignatureCheck, SigningKeyPair, TrustedKey } from './artifact-signature.js';
