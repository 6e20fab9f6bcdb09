/** The embedded SQLite storage adapter. */
export { openSqliteStore, SQLITE_FILE_NAME, SqliteStore } from './sqlite-store.js';
export type { SqliteStoreOptions } from './sqlite-store.js';
export { applySqliteMigrations, SQLITE_MIGRATIONS } from './apply-sqlite-migrations.js';
export type { SqliteMigration } from './sqlite-migration.js';
