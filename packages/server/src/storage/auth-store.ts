/**
 * The API key part of the Store (`store.auth`): keys are kept as the SHA-256 of their secret, never the secret.
 */
import type { Role } from '../features/auth/principal.js';

/** An API key as stored: no secret, its hash only. */
export interface StoredApiKey {
  readonly id: string;
  readonly name: string;
  /** The first characters of the secret (`bh_ab12`), to tell keys apart in lists. */
  readonly prefix: string;
  /** Hex SHA-256 of the whole secret. */
  readonly hash: string;
  readonly roles: Readonly<Record<string, Role>>;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Who created it (principal name); null for the key created at first start. */
  readonly createdBy: string | null;
  /** Epoch ms after which the key is refused; null: never expires. */
  readonly expiresAt: number | null;
  /** Epoch ms of the last request made with it (updated at most once a minute); null before any. */
  readonly lastUsedAt: number | null;
  /** Epoch ms it was revoked; null while valid. */
  readonly revokedAt: number | null;
}

/**
 * Stored API keys.
 *
 * @example
 * const key = await store.auth.findKeyByHash(sha256Hex(secret));
 */
export interface AuthStore {
  /** Stores a new key (ids and secrets are random: a duplicate is a bug and throws the database's error). */
  createKey(key: StoredApiKey): Promise<void>;
  /**
   * Stores the key only if the store holds no key at all (even revoked ones), atomically across nodes: the first
   * start's admin key is created once. True when stored.
   */
  createFirstKey(key: StoredApiKey): Promise<boolean>;
  findKeyByHash(hash: string): Promise<StoredApiKey | null>;
  getKey(id: string): Promise<StoredApiKey | null>;
  /** Every key, oldest first. */
  listKeys(): Promise<StoredApiKey[]>;
  /** Marks the key revoked at `at`; false when no such key. A revoked key stays revoked (a second call keeps the first time). */
  revokeKey(id: string, at: number): Promise<boolean>;
  /** Records a use of the key at `at`. */
  touchKey(id: string, at: number): Promise<void>;
}
