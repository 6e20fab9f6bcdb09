/**
 * The audit trail: an append-only, hash-chained log (see audit-store.ts). `doc` is the entry as hashed (canonical
 * JSON without its hash); the other columns are what listings filter on. `audit_head` holds the chain head in one row,
 * written in the same IMMEDIATE transaction as each entry.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const migration007Audit: SqliteMigration = {
  version: 7,
  name: 'audit',
  sql: `
CREATE TABLE audit_entries (
  seq INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  project TEXT,
  doc TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entries_time ON audit_entries (time, seq);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);
CREATE INDEX audit_entries_actor ON audit_entries (actor_id, seq);
CREATE INDEX audit_entries_target ON audit_entries (target_type, target_id, seq);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');
`,
};
