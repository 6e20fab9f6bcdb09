import type { Pool } from 'pg';
import type { PostgresMigration } from './postgres-migration.js';
import { quoteSchema } from './quote-schema.js';

/** The first key of the advisory lock, 'Both' in ASCII; the second is the schema's hash, so stores in other schemas don't wait. */
const MIGRATION_LOCK_CLASS = 0x426f7468;

/**
 * Applies the migrations not yet recorded in `<schema>.schema_migrations`, all in one transaction that holds an
 * advisory lock: nodes starting together apply each migration once, the later ones wait and then find nothing to do.
 * Returns the versions it applied.
 *
 * @example
 * const applied = await migratePostgres(pool, 'public', POSTGRES_MIGRATIONS); // [1] on an empty database, then []
 */
export async function migratePostgres(pool: Pool, schema: string, migrations: readonly PostgresMigration[]): Promise<number[]> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((migration, index) => {
    if (index > 0 && ordered[index - 1]!.version === migration.version) throw new RangeError(`migratePostgres: migration version ${migration.version} appears twice`);
  });
  const quoted = quoteSchema(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
    // Checked first: CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege on the database, which an
    // operator may rightly withhold when the schema is made for us.
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    await client.query(`SET LOCAL search_path TO ${quoted}`);
    await client.query('SET LOCAL synchronous_commit TO on');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of ordered) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
