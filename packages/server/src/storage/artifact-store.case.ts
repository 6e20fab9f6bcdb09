/**
 * The contract of `Store.artifacts` (see artifact-store.ts), run by the Store contract suite for every adapter:
 * records round-trip whole (sizes past 2^32 included), a (version, sha256) is recorded once and a repeat answers the
 * first record, listings are per version in upload order.
 */
import { describe, expect, it } from 'vitest';
import type { Version } from '@bothub/core';
import type { ArtifactRecord } from './artifact-store.js';
import type { Store } from './store.js';

export interface ArtifactStoreContext {
  /** The store of the current test (fresh and migrated). */
  readonly store: () => Store;
  /** A new version of a new model, named so that several may be created in one test. */
  readonly createVersion: (model: string) => Promise<Version>;
}

function artifactOf(versionId: string, sha256: string, overrides: Partial<ArtifactRecord> = {}): ArtifactRecord {
  return {
    versionId,
    sha256,
    name: 'model.onnx',
    mediaType: 'application/octet-stream',
    size: 5_000_000_123,
    signature: 'MEUCIQ…',
    signerKeyId: '0123456789abcdef',
    createdAt: '2026-12-05T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * @example
 * runArtifactStoreContract({ store: () => store, createVersion: async (name) => (await setup({ name })).version });
 */
export function runArtifactStoreContract(context: ArtifactStoreContext): void {
  describe('artifacts', () => {
    it('records an artifact once per version and answers the first record on a repeat', async () => {
      const store = context.store();
      const version = await context.createVersion('a');
      const first = artifactOf(version.id, 'a'.repeat(64));
      expect(await store.artifacts.putArtifact(first)).toEqual({ artifact: first, created: true });
      expect(await store.artifacts.putArtifact({ ...first, name: 'renamed.onnx' })).toEqual({ artifact: first, created: false });
      expect(await store.artifacts.getArtifact(version.id, first.sha256)).toEqual(first);
      expect(await store.artifacts.getArtifact(version.id, 'b'.repeat(64))).toBeNull();
    });

    it('lists a version\'s artifacts in upload order, apart from other versions\'', async () => {
      const store = context.store();
      const one = await context.createVersion('b');
      const other = await context.createVersion('c');
      const second = artifactOf(one.id, 'f'.repeat(64), { name: 'tokenizer.json', mediaType: 'application/json', size: 12 });
      await store.artifacts.putArtifact(artifactOf(one.id, 'e'.repeat(64)));
      await store.artifacts.putArtifact(second);
      // The same content in another version is another record.
      await store.artifacts.putArtifact(artifactOf(other.id, 'e'.repeat(64)));
      expect((await store.artifacts.listArtifacts(one.id)).map((a) => [a.sha256[0], a.name, a.size])).toEqual([
        ['e', 'model.onnx', 5_000_000_123],
        ['f', 'tokenizer.json', 12],
      ]);
      expect(await store.artifacts.listArtifacts(other.id)).toHaveLength(1);
    });
  });
}
