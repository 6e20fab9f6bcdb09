import { execFileSync } from 'node:child_process';
import { createPrivateKey, createSign, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArtifactVerifier, generateSigningKeyPair, signFile, trustedKey, verifyFile } from './artifact-signature.js';

let dir = '';
let file = '';
const content = randomBytes(200_000);
const pair = generateSigningKeyPair();
const stranger = generateSigningKeyPair();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-sign-'));
  file = join(dir, 'model.onnx');
  await writeFile(file, content);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('signFile / verifyFile', () => {
  it('verifies its own DER signature and names the key', async () => {
    const signature = await signFile(file, pair.privateKeyPem);
    const check = await verifyFile(file, signature, [stranger.publicKeyPem, pair.publicKeyPem]);
    expect(check).toMatchObject({ valid: true, keyId: trustedKey(pair.publicKeyPem).id });
    expect(check.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts an IEEE-P1363 (r‖s) signature', async () => {
    const signature = createSign('sha256').update(content).sign({ key: createPrivateKey(pair.privateKeyPem), dsaEncoding: 'ieee-p1363' });
    expect(signature.length).toBe(64);
    expect((await verifyFile(file, signature.toString('base64'), [pair.publicKeyPem])).valid).toBe(true);
  });

  it('refuses another key, altered content, a garbled signature, and no trusted key', async () => {
    const signature = await signFile(file, pair.privateKeyPem);
    expect(await verifyFile(file, signature, [stranger.publicKeyPem])).toMatchObject({ valid: false, reason: 'the signature does not verify against any trusted signing key' });
    const verifier = createArtifactVerifier([trustedKey(pair.publicKeyPem)]);
    const altered = Buffer.from(content);
    altered[1000] = altered[1000]! ^ 1;
    verifier.update(altered);
    expect(verifier.finish(signature).check.valid).toBe(false);
    expect(await verifyFile(file, 'not base64!', [pair.publicKeyPem])).toMatchObject({ valid: false, reason: expect.stringMatching(/not base64/) as unknown });
    expect(await verifyFile(file, signature, [])).toMatchObject({ valid: false, reason: expect.stringMatching(/no trusted signing key/) as unknown });
  });

  it('refuses keys that are not P-256', () => {
    expect(() => trustedKey(execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519']).toString())).toThrow(/ECDSA P-256/);
  });

  it('interoperates with openssl dgst -sha256 -sign', async () => {
    const keyFile = join(dir, 'key.pem');
    await writeFile(keyFile, pair.privateKeyPem);
    const signature = execFileSync('openssl', ['dgst', '-sha256', '-sign', keyFile, file]);
    expect((await verifyFile(file, signature.toString('base64'), [pair.publicKeyPem])).valid).toBe(true);
  });
});
