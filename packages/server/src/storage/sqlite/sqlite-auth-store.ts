/**
 * The API key part of the SQLite store (`SqliteStore.auth`), on the same database handle.
 */
import type Database from 'better-sqlite3';
import type { AuthStore, StoredApiKey } from '../auth-store.js';
import { settle } from './settle.js';

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  roles: string;
  created_at: number;
  created_by: string | null;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

const COLUMNS = 'id, name, prefix, hash, roles, created_at, created_by, expires_at, last_used_at, revoked_at';
const VALUES = '@id, @name, @prefix, @hash, @roles, @createdAt, @createdBy, @expiresAt, @lastUsedAt, @revokedAt';

function keyOf(row: KeyRow): StoredApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    hash: row.hash,
    roles: JSON.parse(row.roles) as StoredApiKey['roles'],
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function rowOf(key: StoredApiKey): Record<string, unknown> {
  return { ...key, roles: JSON.stringify(key.roles) };
}

/**
 * @example
 * const auth = new SqliteAuthStore(db); await auth.listKeys();
 */
export class SqliteAuthStore implements AuthStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  createKey(key: StoredApiKey): Promise<void> {
    return settle(() => {
      this.#db.prepare(`INSERT INTO api_keys (${COLUMNS}) VALUES (${VALUES})`).run(rowOf(key));
    });
  }

  createFirstKey(key: StoredApiKey): Promise<boolean> {
    // One statement: SQLite runs it under the write lock, so two processes on one file cannot both insert.
    return settle(() => this.#db.prepare(`INSERT INTO api_keys (${COLUMNS}) SELECT ${VALUES} WHERE NOT EXISTS (SELECT 1 FROM api_keys)`).run(rowOf(key)).changes === 1);
  }

  findKeyByHash(hash: string): Promise<StoredApiKey | null> {
    return settle(() => {
      const row = this.#db.prepare<[string], KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE hash = ?`).get(hash);
      return row === undefined ? null : keyOf(row);
    });
  }

  getKey(id: string): Promise<StoredApiKey | null> {
    return settle(() => {
      const row = this.#db.prepare<[string], KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).get(id);
      return row === undefined ? null : keyOf(row);
    });
  }

  listKeys(): Promise<StoredApiKey[]> {
    return settle(() => this.#db.prepare<[], KeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY key`).all().map(keyOf));
  }

  revokeKey(id: string, at: number): Promise<boolean> {
    return settle(() => this.#db.prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(at, id).changes === 1);
  }

  touchKey(id: string, at: number): Promise<void> {
    return settle(() => {
      this.#db.prepare('UPDATE api_keys SET last_used_at = MAX(COALESCE(last_used_at, 0), ?) WHERE id = ?').run(at, id);
    });
  }
}
