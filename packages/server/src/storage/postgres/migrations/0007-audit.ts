import type { PostgresMigration } from '../postgres-migration.js';

/**
 * The audit trail: an append-only, hash-chained log (see audit-store.ts). `doc` is the entry as hashed (canonical
 * JSON text without its hash, kept as text: jsonb would reorder keys and change the bytes the hash covers); the other
 * columns are what listings filter on. `audit_head` holds the chain head in one row: every append locks it
 * (SELECT … FOR UPDATE) in the transaction that inserts the entry, so nodes sharing the database form one chain.
 */
export const auditMigration: PostgresMigration = {
  version: 7,
  name: 'audit',
  sql: `
CREATE TABLE audit_entries (
  seq bigint PRIMARY KEY,
  time double precision NOT NULL,
  action text NOT NULL,
  actor_id text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  project text,
  doc text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_entries_time ON audit_entries (time, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);
CREATE INDEX audit_entries_actor ON audit_entries (actor_id, seq);
CREATE INDEX audit_entries_target ON audit_entries (target_type, target_id, seq);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');
`,
};
