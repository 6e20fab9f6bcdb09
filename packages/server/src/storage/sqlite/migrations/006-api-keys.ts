/**
 * API keys: the SHA-256 of each secret (unique, the lookup on every request), never the secret; roles per project as JSON.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const migration006ApiKeys: SqliteMigration = {
  version: 6,
  name: 'api_keys',
  sql: `
CREATE TABLE api_keys (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  roles TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
`,
};
