/** One versioned schema change. Versions are applied in ascending order, each once, recorded in `schema_migrations`. */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  /** Runs with `search_path` set to the store's schema, so tables are named without a schema. */
  readonly sql: string;
}
