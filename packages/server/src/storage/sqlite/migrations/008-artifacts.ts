/**
 * Artifacts of model versions: one row per (version, content address). The bytes are not here: they are stored
 * encrypted under the data directory (or another blob storage), addressed by their SHA-256.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const migration008Artifacts: SqliteMigration = {
  version: 8,
  name: 'artifacts',
  sql: `
CREATE TABLE artifacts (
  key INTEGER PRIMARY KEY,
  version_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  signature TEXT NOT NULL,
  signer_key_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (version_id, sha256)
);
`,
};
