/**
 * Where artifact bytes live, as the artifact service sees it: blobs addressed by the SHA-256 of their content, already
 * encrypted when they get here. The filesystem adapter (under the data directory) is the one implemented; an
 * S3-compatible adapter would implement the same port.
 */
import type { Readable, Writable } from 'node:stream';

/** A blob being written: bytes go to `stream`, then `commit` puts it at its address or `abort` drops it. */
export interface BlobUpload {
  readonly stream: Writable;
  /** Makes the blob readable at `sha256` atomically. A blob already there is kept unless `replace` (a key rotation re-seal). */
  commit(sha256: string, options?: { readonly replace?: boolean }): Promise<void>;
  /** Drops what was written; safe after a failed write, a no-op after a commit. */
  abort(): Promise<void>;
}

export interface ArtifactBlobStorage {
  /** Starts writing a new blob at a temporary place. */
  create(): Promise<BlobUpload>;
  /** The blob's bytes, or null when there is none at this address. */
  read(sha256: string): Promise<Readable | null>;
  exists(sha256: string): Promise<boolean>;
  /** Every stored address (for a key rotation's re-seal). */
  list(): AsyncIterable<string>;
}
