/**
 * The API key part of the PostgreSQL store (`PostgresStore.auth`), on the store's pool and session settings.
 */
import type { AuthStore, StoredApiKey } from '../auth-store.js';
import type { PostgresRunner } from './postgres-alert-store.js';

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  hash: string;
  roles: StoredApiKey['roles'];
  created_at: string;
  created_by: string | null;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = 'id, name, prefix, hash, roles, created_at, created_by, expires_at, last_used_at, revoked_at';

/** bigint columns come back as strings. */
function time(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function keyOf(row: KeyRow): StoredApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    hash: row.hash,
    roles: row.roles,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    expiresAt: time(row.expires_at),
    lastUsedAt: time(row.last_used_at),
    revokedAt: time(row.revoked_at),
  };
}

function valuesOf(key: StoredApiKey): unknown[] {
  return [key.id, key.name, key.prefix, key.hash, JSON.stringify(key.roles), key.createdAt, key.createdBy, key.expiresAt, key.lastUsedAt, key.revokedAt];
}

const PLACEHOLDERS = '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10';

/**
 * @example
 * const auth = new PostgresAuthStore(runner); await auth.listKeys();
 */
export class PostgresAuthStore implements AuthStore {
  readonly #run: PostgresRunner;

  constructor(run: PostgresRunner) {
    this.#run = run;
  }

  async createKey(key: StoredApiKey): Promise<void> {
    await this.#run.query(`INSERT INTO api_keys (${COLUMNS}) VALUES (${PLACEHOLDERS})`, valuesOf(key));
  }

  createFirstKey(key: StoredApiKey): Promise<boolean> {
    return this.#run.transaction(async (client) => {
      // Nodes starting together on one database: the lock makes the emptiness check and the insert one step.
      await client.query('LOCK TABLE api_keys IN EXCLUSIVE MODE');
      const result = await client.query(`INSERT INTO api_keys (${COLUMNS}) SELECT ${PLACEHOLDERS} WHERE NOT EXISTS (SELECT 1 FROM api_keys)`, valuesOf(key));
      return result.rowCount === 1;
    });
  }

  async findKeyByHash(hash: string): Promise<StoredApiKey | null> {
    const { rows } = await this.#run.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE hash = $1`, [hash]);
    return rows[0] === undefined ? null : keyOf(rows[0]);
  }

  async getKey(id: string): Promise<StoredApiKey | null> {
    const { rows } = await this.#run.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : keyOf(rows[0]);
  }

  async listKeys(): Promise<StoredApiKey[]> {
    const { rows } = await this.#run.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY seq`);
    return rows.map(keyOf);
  }

  async revokeKey(id: string, at: number): Promise<boolean> {
    const result = await this.#run.query('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [at, id]);
    return result.rowCount === 1;
  }

  async touchKey(id: string, at: number): Promise<void> {
    await this.#run.query('UPDATE api_keys SET last_used_at = GREATEST(COALESCE(last_used_at, 0), $1) WHERE id = $2', [at, id]);
  }
}
