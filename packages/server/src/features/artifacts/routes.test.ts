import { createHash, createPrivateKey, createSign, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { addGeneratedKey, envelopeKeyId, generateKeyRing, generateSigningKeyPair, trustedKey } from '../../security/index.js';
import type { KeyRing } from '../../security/index.js';
import { startTestApps } from '../../testing/test-app.js';
import { createFilesystemBlobStorage } from './filesystem-blob-storage.js';
import { createArtifactService } from './service.js';

const MODEL = { name: 'churn', task: 'regression', features: [{ name: 'x', type: 'numerical' }], prediction: { type: 'numerical' } };
const BASE = '/api/v1/models/churn/versions/1/artifacts';
const signer = generateSigningKeyPair();
const stranger = generateSigningKeyPair();
const LIMIT = 4 * 1024 * 1024;

function sign(content: Buffer, privateKeyPem = signer.privateKeyPem, dsaEncoding: 'der' | 'ieee-p1363' = 'der'): string {
  return createSign('sha256').update(content).sign({ key: createPrivateKey(privateKeyPem), dsaEncoding }).toString('base64');
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

const start = startTestApps();
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** An app with one model version and artifacts stored under a directory of the test's. */
async function setup(keyRing: KeyRing = generateKeyRing()) {
  const root = await mkdtemp(join(tmpdir(), 'bothub-artifacts-'));
  dirs.push(root);
  const artifacts = {
    storage: createFilesystemBlobStorage(root),
    keyRing,
    trustedKeys: [trustedKey(signer.publicKeyPem)],
    limit: { bytes: LIMIT, setting: 'artifactBodyLimitBytes' },
    incomingDir: join(root, '.incoming'),
  };
  const t = await start({ artifacts });
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/models', payload: MODEL })).statusCode).toBe(201);
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/models/churn/versions', payload: { version: '1' } })).statusCode).toBe(201);
  const upload = (content: Buffer | Readable, signature: string | undefined, name = 'model.onnx', headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PUT',
      url: `${BASE}?name=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream', ...(signature === undefined ? {} : { 'x-bothub-signature': signature }), ...headers },
      payload: content,
    });
  return { ...t, root, artifacts, upload };
}

async function blobFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
  return files;
}

describe('artifact routes', () => {
  it('stores a signed artifact encrypted under its SHA-256 and serves it back checked', async () => {
    const { app, root, upload } = await setup();
    const content = Buffer.concat([Buffer.from('ONNX-MODEL-PLAINTEXT-MARKER '), randomBytes(300_000)]);
    const created = await upload(content, sign(content));
    expect(created.statusCode).toBe(201);
    const artifact = created.json<Record<string, unknown>>();
    expect(artifact).toMatchObject({ sha256: sha256(content), name: 'model.onnx', mediaType: 'application/octet-stream', size: content.length, signerKeyId: trustedKey(signer.publicKeyPem).id });

    // On disk: artifacts/<2 hex>/<sha256>, sealed (no plaintext), nothing left in the incoming directory.
    const blob = join(root, sha256(content).slice(0, 2), sha256(content));
    expect(await blobFiles(root)).toEqual([blob]);
    const stored = await readFile(blob);
    expect(stored.includes(Buffer.from('ONNX-MODEL-PLAINTEXT-MARKER'))).toBe(false);
    expect(stored.length).toBeGreaterThan(content.length);

    const again = await upload(content, sign(content, signer.privateKeyPem, 'ieee-p1363'), 'other-name.onnx');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(artifact);
    expect((await app.inject({ method: 'GET', url: BASE })).json()).toEqual({ artifacts: [artifact] });

    const download = await app.inject({ method: 'GET', url: `${BASE}/${sha256(content)}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-length': String(content.length),
      'x-bothub-sha256': sha256(content),
      'x-bothub-signature': artifact.signature,
      'content-disposition': "attachment; filename*=UTF-8''model.onnx",
    });
    expect((await app.inject({ method: 'GET', url: `${BASE}/${'0'.repeat(64)}` })).json()).toMatchObject({ error: { code: 'artifact_not_found' } });
    expect((await app.inject({ method: 'GET', url: `${BASE}/../../etc` })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await app.inject({ method: 'GET', url: `${BASE}/ABC` })).json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses unsigned, badly signed and untrusted artifacts, and stores nothing of them', async () => {
    const { app, root, upload } = await setup();
    const content = randomBytes(10_000);
    const other = randomBytes(10_000);
    const cases: [string | undefined, string, RegExp][] = [
      [undefined, 'signature_required', /X-Bothub-Signature/],
      [sign(other), 'signature_invalid', /does not verify against any trusted signing key/],
      [sign(content, stranger.privateKeyPem), 'signature_invalid', /does not verify against any trusted signing key/],
      ['bm90IGEgc2lnbmF0dXJl', 'signature_invalid', /not base64 of a DER or IEEE-P1363/],
    ];
    for (const [signature, code, message] of cases) {
      const response = await upload(content, signature);
      expect(response.statusCode, code).toBe(400);
      const body = response.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
    }
    expect((await app.inject({ method: 'GET', url: BASE })).json()).toEqual({ artifacts: [] });
    expect(await blobFiles(root)).toEqual([]);
    expect((await app.inject({ method: 'PUT', url: `${BASE}?name=a/b`, headers: { 'content-type': 'application/octet-stream', 'x-bothub-signature': sign(content) }, payload: content })).json()).toMatchObject({
      error: { code: 'validation_failed', details: { field: 'name' } },
    });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/models/nope/versions/1/artifacts?name=m', headers: { 'x-bothub-signature': sign(content) }, payload: content })).json()).toMatchObject({ error: { code: 'model_not_found' } });
  });

  it('answers 413 naming the setting past the size limit, declared or streamed', async () => {
    const { root, upload } = await setup();
    const content = randomBytes(LIMIT + 1);
    const declared = await upload(content, sign(content));
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ error: { code: 'body_too_large', details: { limit: LIMIT, setting: 'artifactBodyLimitBytes' } } });
    const chunks = Array.from({ length: 5 }, (_, i) => content.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    const streamed = await upload(Readable.from(chunks), sign(content));
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json<{ error: { message: string } }>().error.message).toMatch(/artifactBodyLimitBytes/);
    expect(await blobFiles(root)).toEqual([]);
  });

  it('refuses to serve a blob altered on disk, or another artifact\'s blob moved in its place', async () => {
    const { app, root, upload } = await setup();
    const first = randomBytes(50_000);
    const second = randomBytes(50_000);
    await upload(first, sign(first));
    await upload(second, sign(second), 'second.onnx');
    const pathOf = (content: Buffer): string => join(root, sha256(content).slice(0, 2), sha256(content));

    const original = await readFile(pathOf(first));
    const flipped = Buffer.from(original);
    flipped[25_000] = flipped[25_000]! ^ 1;
    await writeFile(pathOf(first), flipped);
    const tampered = await app.inject({ method: 'GET', url: `${BASE}/${sha256(first)}` });
    expect(tampered.statusCode).toBe(500);
    expect(tampered.json()).toMatchObject({ error: { code: 'artifact_integrity_failed', details: { sha256: sha256(first) } } });
    expect(tampered.body).not.toContain(first.subarray(0, 64).toString('latin1'));

    // A valid envelope of another artifact: its associated data names the other address.
    await writeFile(pathOf(first), await readFile(pathOf(second)));
    expect((await app.inject({ method: 'GET', url: `${BASE}/${sha256(first)}` })).json()).toMatchObject({ error: { code: 'artifact_integrity_failed' } });

    await rm(pathOf(first));
    expect((await app.inject({ method: 'GET', url: `${BASE}/${sha256(first)}` })).json()).toMatchObject({ error: { code: 'artifact_integrity_failed', details: { reason: expect.stringMatching(/missing/) as unknown } } });
    await writeFile(pathOf(first), original);
    expect((await app.inject({ method: 'GET', url: `${BASE}/${sha256(first)}` })).statusCode).toBe(200);
  });

  it('refuses to serve an artifact whose signer is no longer trusted, and re-seals blobs under a rotated key', async () => {
    const ring = generateKeyRing();
    const { store, artifacts, upload } = await setup(ring);
    const content = randomBytes(20_000);
    await upload(content, sign(content));
    const version = (await store.getVersion((await store.getModel('default', 'churn'))!.id, '1'))!;
    const deps = { ...artifacts, store, clock: Date.now };

    await expect(createArtifactService({ ...deps, trustedKeys: [trustedKey(stranger.publicKeyPem)] }).download(version, sha256(content))).rejects.toMatchObject({ code: 'artifact_untrusted' });

    const rotated = addGeneratedKey(ring);
    const after = createArtifactService({ ...deps, keyRing: rotated });
    expect(await after.resealBlobs()).toBe(1);
    expect(await after.resealBlobs()).toBe(0);
    const blob = await readFile(join(artifacts.incomingDir, '..', sha256(content).slice(0, 2), sha256(content)));
    expect(envelopeKeyId(blob)).toBe(rotated.current);
    const { content: stream } = await after.download(version, sha256(content));
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    // The old ring alone no longer opens it.
    await expect(createArtifactService({ ...deps, keyRing: ring }).download(version, sha256(content))).rejects.toMatchObject({ code: 'artifact_integrity_failed' });
  });
});
