import type { PostgresMigration } from '../postgres-migration.js';

/**
 * Artifacts of model versions: one row per (version, content address); `seq` gives upload order. The bytes are not
 * here: they are stored encrypted under the data directory (or another blob storage), addressed by their SHA-256.
 */
export const artifactsMigration: PostgresMigration = {
  version: 8,
  name: 'artifacts',
  sql: `
CREATE TABLE artifacts (
  seq bigserial UNIQUE,
  version_id text NOT NULL,
  sha256 text NOT NULL,
  name text NOT NULL,
  media_type text NOT NULL,
  size bigint NOT NULL,
  signature text NOT NULL,
  signer_key_id text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (version_id, sha256)
);
`,
};
