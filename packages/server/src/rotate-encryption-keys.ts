/**
 * Key rotation at rest: make a new key current and re-seal what older keys sealed (channel secrets, artifact blobs).
 * Used by `bothub keys rotate`; run it with the service stopped when the ring lives in the data directory (a running
 * service would not know the new key), or, with a configured ring, after every node has been given the new key.
 */
import { artifactDirOf, createArtifactService, createFilesystemBlobStorage, incomingDirOf } from './features/artifacts/index.js';
import type { ServiceConfig } from './config.js';
import { openStore } from './main.js';
import { addGeneratedKey, loadOrCreateKeyRing, parseKeyRing, writeKeyRingFile } from './security/index.js';
import type { KeyRing } from './security/index.js';

export interface KeyRotation {
  /** The key everything is sealed under now. */
  readonly current: string;
  /** The ring file a new key was written to; null when the ring is configured (`encryption`), which the operator rotates. */
  readonly file: string | null;
  /** Artifact blobs re-sealed under the current key. */
  readonly blobs: number;
}

/**
 * With the ring in the data directory: adds a new key, makes it current and writes the file (0600; the old keys stay,
 * so a backup of the data still opens). With a configured ring: uses its `current`. Then re-seals channel secrets
 * (when the store opens) and artifact blobs not sealed under the current key.
 *
 * @example
 * const { current, blobs } = await rotateEncryptionKeys(loadConfig());
 */
export async function rotateEncryptionKeys(config: ServiceConfig): Promise<KeyRotation> {
  let ring: KeyRing;
  let file: string | null = null;
  if (config.encryption === null) {
    const loaded = await loadOrCreateKeyRing(config.dataDir);
    ring = addGeneratedKey(loaded.ring);
    await writeKeyRingFile(loaded.file, ring);
    file = loaded.file;
  } else {
    ring = parseKeyRing(config.encryption);
  }
  // Opening migrates, and the migration re-seals every channel secret not sealed under the current key.
  const store = await openStore(config, ring);
  try {
    const artifacts = createArtifactService({
      store,
      storage: createFilesystemBlobStorage(artifactDirOf(config)),
      keyRing: ring,
      trustedKeys: [],
      limit: { bytes: config.artifactBodyLimitBytes, setting: 'artifactBodyLimitBytes' },
      incomingDir: incomingDirOf(config),
      clock: Date.now,
    });
    return { current: ring.current, file, blobs: await artifacts.resealBlobs() };
  } finally {
    await store.close();
  }
}
