/**
 * The contract of `Store.auth` (see auth-store.ts), run by the Store contract suite for every adapter.
 *
 * Semantics pinned here: keys round-trip whole (roles as given, times as numbers); lookup is by hash; `listKeys` is
 * oldest first; revoking keeps the first revocation time; `touchKey` never moves last use backwards;
 * `createFirstKey` stores a key only into an empty table, once even when two handles race.
 */
import { describe, expect, it } from 'vitest';
import type { StoredApiKey } from './auth-store.js';
import type { Store } from './store.js';

export interface AuthStoreContext {
  /** The store of the current test (fresh and migrated). */
  readonly store: () => Store;
  /** Another handle on the same data; the caller closes it. */
  readonly connect: () => Promise<Store>;
}

function key(n: number, overrides: Partial<StoredApiKey> = {}): StoredApiKey {
  return {
    id: `key-${n}`,
    name: `key ${n}`,
    prefix: `bh_k${n}`,
    hash: n.toString(16).padStart(64, '0'),
    roles: { fraud: 'editor', '*': 'viewer' },
    createdAt: 1_700_000_000_000 + n,
    createdBy: 'admin',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/**
 * @example
 * runAuthStoreContract({ store: () => store, connect: () => fixture.connect() });
 */
export function runAuthStoreContract(context: AuthStoreContext): void {
  describe('auth', () => {
    it('stores keys whole, finds them by hash and id, and lists them oldest first', async () => {
      const { auth } = context.store();
      const first = key(1, { expiresAt: 1_800_000_000_000, createdBy: null });
      const second = key(2, { roles: { a: 'ingest' } });
      await auth.createKey(first);
      await auth.createKey(second);
      expect(await auth.findKeyByHash(first.hash)).toEqual(first);
      expect(await auth.getKey('key-2')).toEqual(second);
      expect(await auth.findKeyByHash('f'.repeat(64))).toBeNull();
      expect(await auth.getKey('nope')).toBeNull();
      expect(await auth.listKeys()).toEqual([first, second]);
    });

    it('revokes once, keeping the first time, and records the latest use', async () => {
      const { auth } = context.store();
      await auth.createKey(key(3));
      expect(await auth.revokeKey('key-3', 5000)).toBe(true);
      expect(await auth.revokeKey('key-3', 9000)).toBe(true);
      expect(await auth.revokeKey('nope', 9000)).toBe(false);
      await auth.touchKey('key-3', 7000);
      await auth.touchKey('key-3', 6000);
      expect(await auth.getKey('key-3')).toMatchObject({ revokedAt: 5000, lastUsedAt: 7000 });
    });

    it('creates the first key once, even when two handles race, and never into a table with keys', async () => {
      const other = await context.connect();
      try {
        await other.migrate();
        const results = await Promise.all([context.store().auth.createFirstKey(key(10)), other.auth.createFirstKey(key(11))]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await context.store().auth.listKeys()).toHaveLength(1);
        await context.store().auth.revokeKey((await context.store().auth.listKeys())[0]!.id, 1);
        expect(await context.store().auth.createFirstKey(key(12))).toBe(false);
      } finally {
        await other.close();
      }
    });
  });
}
