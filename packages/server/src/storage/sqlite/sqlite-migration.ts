/** One versioned change of the SQLite schema (see apply-sqlite-migrations.ts). */
export interface SqliteMigration {
  /** Strictly increasing; recorded in `schema_migrations` once applied. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
