/**
 * Model artifacts: files of a model version (an ONNX graph, a tokenizer), signed by a trusted key, stored encrypted
 * and addressed by the SHA-256 of their content. An upload streams through the hash, the signature check and the
 * cipher to a temporary file (never held in memory, never on disk in clear), then is re-sealed bound to its address.
 * A download checks the blob (tag, hash, signature against today's trusted keys) before it sends a byte.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline as pipelineStreams, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Version } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import { limitedChunks } from '../../http/receive-streamed-body.js';
import type { BodyLimit } from '../../http/receive-streamed-body.js';
import { createArtifactVerifier, createOpenStream, createSealStream, EnvelopeError, envelopeKeyId } from '../../security/index.js';
import type { KeyRing, TrustedKey } from '../../security/index.js';
import type { ArtifactRecord } from '../../storage/artifact-store.js';
import type { Store } from '../../storage/store.js';
import type { ArtifactBlobStorage } from './artifact-blob-storage.js';

export interface ArtifactDeps {
  readonly store: Store;
  readonly storage: ArtifactBlobStorage;
  readonly keyRing: KeyRing;
  /** Public keys whose signatures are accepted (trustedSigningKeys). */
  readonly trustedKeys: readonly TrustedKey[];
  /** Largest artifact in bytes (413 above), with the setting that sets it. */
  readonly limit: BodyLimit;
  /** Where uploads are sealed before their address is known (a directory on the same disk as the data). */
  readonly incomingDir: string;
  readonly clock: () => number;
}

/** An upload as the route receives it. */
export interface ArtifactUpload {
  readonly body: Readable;
  readonly signature: string | undefined;
  readonly name: string;
  readonly mediaType: string;
  /** Content-Length, when the body is not encoded: a body declared too large is refused before it is read. */
  readonly declaredBytes?: number;
}

/** A checked artifact ready to send: its record and a stream of its plaintext (fails, cutting the response, if the blob changes meanwhile). */
export interface ArtifactDownload {
  readonly artifact: ArtifactRecord;
  readonly content: Readable;
}

export interface ArtifactService {
  /** Stores a signed artifact of a version; `created` is false when the version already held this content. */
  upload(version: Version, upload: ArtifactUpload): Promise<{ artifact: ArtifactRecord; created: boolean }>;
  list(version: Version): Promise<ArtifactRecord[]>;
  download(version: Version, sha256: string): Promise<ArtifactDownload>;
  /** Re-seals every blob not sealed under the current key (after a rotation); answers how many it rewrote. */
  resealBlobs(): Promise<number>;
}

const purposeOf = (sha256: string): string => `artifact:${sha256}`;

/** Runs each chunk past `see` on its way through. */
function tap(see: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      see(chunk);
      callback(null, chunk);
    },
  });
}

/** Reads a stream to its end, feeding each chunk to `see`. */
function drain(see: (chunk: Buffer) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      see(chunk);
      callback();
    },
  });
}

/**
 * @example
 * const artifacts = createArtifactService({ store, storage: createFilesystemBlobStorage(dir), keyRing, trustedKeys, limit, incomingDir, clock: Date.now });
 * const { artifact } = await artifacts.upload(version, { body, signature, name: 'model.onnx', mediaType: 'application/octet-stream' });
 */
export function createArtifactService(deps: ArtifactDeps): ArtifactService {
  const { store, storage, keyRing } = deps;

  /** Writes the blob at `sha256` sealed for its address, from a plaintext stream. */
  async function storeSealed(plaintext: Readable | AsyncIterable<Buffer>, sha256: string, replace: boolean): Promise<void> {
    const upload = await storage.create();
    try {
      await pipeline(plaintext, createSealStream(keyRing, purposeOf(sha256)), upload.stream);
      await upload.commit(sha256, { replace });
    } catch (error) {
      await upload.abort();
      throw error;
    }
  }

  /** The blob's plaintext stream; a missing blob or an envelope error is an integrity failure. */
  async function openBlob(sha256: string): Promise<Readable> {
    const blob = await storage.read(sha256);
    if (blob === null) throw new ApiError('artifact_integrity_failed', { sha256, reason: 'the blob is missing from artifact storage' });
    // A read error or a failed tag reaches whoever consumes the returned stream (pipeline destroys it with the error).
    return pipelineStreams(blob, createOpenStream(keyRing, purposeOf(sha256)), () => undefined);
  }

  return {
    async upload(version, upload) {
      if (upload.signature === undefined || upload.signature.trim() === '') throw new ApiError('signature_required');
      const verifier = createArtifactVerifier(deps.trustedKeys);
      await mkdir(deps.incomingDir, { recursive: true, mode: 0o700 });
      const dir = await mkdtemp(join(deps.incomingDir, 'upload-'));
      // Sealed for the upload until the address (the hash of the whole content) is known.
      const uploadPurpose = `artifact-upload:${randomUUID()}`;
      const temporary = join(dir, 'sealed');
      try {
        const body = { stream: upload.body, limit: deps.limit, ...(upload.declaredBytes === undefined ? {} : { declaredBytes: upload.declaredBytes }) };
        await pipeline(limitedChunks(body), tap((chunk) => verifier.update(chunk)), createSealStream(keyRing, uploadPurpose), createWriteStream(temporary, { mode: 0o600 }));
        const { sha256, size, check } = verifier.finish(upload.signature);
        if (!check.valid) throw new ApiError('signature_invalid', { reason: check.reason, sha256 }, `The artifact's signature was refused: ${check.reason}.`);
        if (!(await storage.exists(sha256))) await storeSealed(createReadStream(temporary).pipe(createOpenStream(keyRing, uploadPurpose)), sha256, false);
        return await store.artifacts.putArtifact({
          versionId: version.id,
          sha256,
          name: upload.name,
          mediaType: upload.mediaType,
          size,
          signature: upload.signature.trim(),
          signerKeyId: check.keyId,
          createdAt: new Date(deps.clock()).toISOString(),
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    list: (version) => store.artifacts.listArtifacts(version.id),

    async download(version, sha256) {
      const artifact = await store.artifacts.getArtifact(version.id, sha256);
      if (artifact === null) throw new ApiError('artifact_not_found', { sha256 });
      // Checked whole before a byte is sent: a tampered blob fails its tag, a swapped one its hash.
      const verifier = createArtifactVerifier(deps.trustedKeys);
      try {
        await pipeline(await openBlob(sha256), drain((chunk) => verifier.update(chunk)));
      } catch (error) {
        if (error instanceof EnvelopeError) throw new ApiError('artifact_integrity_failed', { sha256, reason: error.message });
        throw error;
      }
      const checked = verifier.finish(artifact.signature);
      if (checked.sha256 !== sha256 || checked.size !== artifact.size) {
        throw new ApiError('artifact_integrity_failed', { sha256, reason: `the stored content hashes to ${checked.sha256} (${checked.size} bytes)` });
      }
      if (!checked.check.valid) throw new ApiError('artifact_untrusted', { sha256, signerKeyId: artifact.signerKeyId, reason: checked.check.reason });
      return { artifact, content: await openBlob(sha256) };
    },

    async resealBlobs() {
      let rewritten = 0;
      for await (const sha256 of storage.list()) {
        const blob = await storage.read(sha256);
        if (blob === null) continue;
        let head = Buffer.alloc(0);
        for await (const chunk of blob) {
          head = Buffer.concat([head, chunk as Buffer]);
          if (head.length >= 300) break;
        }
        blob.destroy();
        if (envelopeKeyId(head) === keyRing.current) continue;
        await storeSealed(await openBlob(sha256), sha256, true);
        rewritten += 1;
      }
      return rewritten;
    },
  };
}
