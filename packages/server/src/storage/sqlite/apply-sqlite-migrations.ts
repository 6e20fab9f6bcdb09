/**
 * SQLite schema migrations: versioned modules under `migrations/`, applied in order at start, all pending ones in
 * one IMMEDIATE transaction so a crash leaves the schema at a version it knows and two processes starting at once
 * apply each migration once.
 */
import type Database from 'better-sqlite3';
import { migration001Initial } from './migrations/001-initial.js';
import { migration002TimeWindows } from './migrations/002-time-windows.js';
import { migration004RetentionIndexes } from './migrations/004-retention-indexes.js';
import { migration005Alerts } from './migrations/005-alerts.js';
import { migration006ApiKeys } from './migrations/006-api-keys.js';
import { migration007Audit } from './migrations/007-audit.js';
import { migration008Artifacts } from './migrations/008-artifacts.js';
import type { SqliteMigration } from './sqlite-migration.js';

/** Every migration, oldest first. A released migration is never edited: add the next one. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [migration001Initial, migration002TimeWindows, migration004RetentionIndexes, migration005Alerts, migration006ApiKeys, migration007Audit, migration008Artifacts];

/**
 * Applies the migrations not yet recorded in `schema_migrations`; returns the versions it applied.
 *
 * @example
 * applySqliteMigrations(db); // [1] on a new file, [] afterwards
 */
export function applySqliteMigrations(db: Database.Database, migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): number[] {
  const apply = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      done.push(migration.version);
    }
    return done;
  });
  return apply.immediate();
}
