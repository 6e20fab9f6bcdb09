/**
 * The artifact part of the storage port (`Store.artifacts`): which signed artifacts each model version holds. The
 * bytes live apart, encrypted and addressed by their SHA-256 (features/artifacts/artifact-blob-storage.ts); a blob
 * shared by several versions is stored once. Both adapters implement it and pass artifact-store.case.ts.
 */

/** One artifact of one model version: its content address, what it is, and who signed it. */
export interface ArtifactRecord {
  readonly versionId: string;
  /** Lowercase hex SHA-256 of the plaintext content: its address. */
  readonly sha256: string;
  /** The file name given at upload, e.g. `model.onnx`. */
  readonly name: string;
  readonly mediaType: string;
  /** Plaintext bytes. */
  readonly size: number;
  /** Base64 ECDSA P-256 signature over the content, as uploaded (checked again before every download). */
  readonly signature: string;
  /** The trusted key that verified it: the first 16 hex digits of the SHA-256 of its SPKI. */
  readonly signerKeyId: string;
  readonly createdAt: string;
}

export interface ArtifactStore {
  /**
   * Records an artifact of a version. The same (version, sha256) again leaves the first record and answers it with
   * `created: false`: an upload retried after a lost response is not an error.
   */
  putArtifact(artifact: ArtifactRecord): Promise<{ artifact: ArtifactRecord; created: boolean }>;
  getArtifact(versionId: string, sha256: string): Promise<ArtifactRecord | null>;
  /** The version's artifacts, oldest first. */
  listArtifacts(versionId: string): Promise<ArtifactRecord[]>;
}
