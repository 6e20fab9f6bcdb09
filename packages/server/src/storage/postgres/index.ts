/** The PostgreSQL adapter of the Store port. */
export { openPostgresStore, PostgresStore } from './postgres-store.js';
export type { PostgresSession, PostgresStoreOptions } from './postgres-store.js';
export { migratePostgres } from './migrate-postgres.js';
export { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
export type { PostgresMigration } from './postgres-migration.js';
