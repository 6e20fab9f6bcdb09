/**
 * Artifact blobs as files under a directory: `<root>/<first 2 hex digits>/<sha256>`, written to `<root>/.incoming/`
 * first and renamed into place, so a reader never sees half a blob and a crash leaves only a temporary file. Files
 * and directories are readable by the service's user only.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, link, mkdir, opendir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ArtifactBlobStorage, BlobUpload } from './artifact-blob-storage.js';

const SHA256 = /^[0-9a-f]{64}$/;
const INCOMING = '.incoming';

function pathOf(root: string, sha256: string): string {
  // The address comes from a URL: only a hash may become a path.
  if (!SHA256.test(sha256)) throw new RangeError(`filesystem blob storage: ${JSON.stringify(sha256)} is not a lowercase hex SHA-256`);
  return join(root, sha256.slice(0, 2), sha256);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * @example
 * const storage = createFilesystemBlobStorage(join(config.dataDir, 'artifacts'));
 * const upload = await storage.create();
 * await pipeline(sealed, upload.stream);
 * await upload.commit(sha256);
 */
export function createFilesystemBlobStorage(root: string): ArtifactBlobStorage {
  return {
    async create(): Promise<BlobUpload> {
      await mkdir(join(root, INCOMING), { recursive: true, mode: 0o700 });
      const temporary = join(root, INCOMING, randomUUID());
      const stream = createWriteStream(temporary, { mode: 0o600, flags: 'wx' });
      let done = false;
      return {
        stream,
        async commit(sha256, options = {}) {
          const target = pathOf(root, sha256);
          if (!stream.writableFinished) await finished(stream);
          await mkdir(join(root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
          if (options.replace === true) {
            await rename(temporary, target);
          } else {
            // link fails with EEXIST when the blob is there: the first copy stays (same content, by its address).
            try {
              await link(temporary, target);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            }
            await rm(temporary, { force: true });
          }
          done = true;
        },
        async abort() {
          if (done) return;
          done = true;
          stream.destroy();
          await rm(temporary, { force: true });
        },
      };
    },

    async read(sha256) {
      const path = pathOf(root, sha256);
      return (await exists(path)) ? createReadStream(path) : null;
    },

    exists: (sha256) => exists(pathOf(root, sha256)),

    async *list() {
      if (!(await exists(root))) return;
      for await (const prefix of await opendir(root)) {
        if (!prefix.isDirectory() || prefix.name === INCOMING) continue;
        for await (const entry of await opendir(join(root, prefix.name))) if (entry.isFile() && SHA256.test(entry.name)) yield entry.name;
      }
    },
  };
}
