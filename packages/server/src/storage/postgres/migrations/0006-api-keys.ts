import type { PostgresMigration } from '../postgres-migration.js';

/**
 * API keys: the SHA-256 of each secret (unique, the lookup on every request), never the secret; roles per project as
 * JSON. Times are epoch milliseconds of the service's clock.
 */
export const apiKeysMigration: PostgresMigration = {
  version: 6,
  name: 'api_keys',
  sql: `
CREATE TABLE api_keys (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  name text NOT NULL,
  prefix text NOT NULL,
  hash text NOT NULL UNIQUE,
  roles jsonb NOT NULL,
  created_at bigint NOT NULL,
  created_by text,
  expires_at bigint,
  last_used_at bigint,
  revoked_at bigint
);
`,
};
