import { join } from 'node:path';
import type { ServiceConfig } from '../../config.js';

/**
 * Where artifact blobs live: `artifactDir`, else `<dataDir>/artifacts`.
 *
 * @example
 * const storage = createFilesystemBlobStorage(artifactDirOf(config));
 */
export function artifactDirOf(config: Pick<ServiceConfig, 'artifactDir' | 'dataDir'>): string {
  return config.artifactDir ?? join(config.dataDir, 'artifacts');
}

/** Where uploads are sealed before their address is known: beside the blobs, so the final write is a rename on one disk. */
export function incomingDirOf(config: Pick<ServiceConfig, 'artifactDir' | 'dataDir'>): string {
  return join(artifactDirOf(config), '.incoming');
}
