import type { PostgresMigration } from '../postgres-migration.js';

/**
 * Time windows. `open_time_windows` holds the windows that have records but have not closed yet: ingestion adds to
 * them in its transaction, the closer turns the due ones into `windows` rows and deletes them, so the closer reads a
 * small table by `close_at` and a restart loses nothing. `windows_time_start` finds a closed window for a late record
 * and makes a second close of a window impossible. No timestamp index on `records`: a time window's records are read
 * by its seq range (the seq indexes) and filtered by timestamp, so ingestion of every model does not pay for one.
 */
export const timeWindowsMigration: PostgresMigration = {
  version: 2,
  name: 'time-windows',
  sql: `
CREATE TABLE open_time_windows (
  model_id text NOT NULL,
  version_id text NOT NULL,
  segment text,
  segment_key text GENERATED ALWAYS AS (COALESCE('=' || segment, '*')) STORED,
  start_time double precision NOT NULL,
  end_time double precision NOT NULL,
  close_at double precision NOT NULL,
  count integer NOT NULL,
  min_seq bigint NOT NULL,
  max_seq bigint NOT NULL,
  PRIMARY KEY (model_id, version_id, segment_key, start_time)
);
CREATE INDEX open_time_windows_due ON open_time_windows (close_at);

CREATE UNIQUE INDEX windows_time_start ON windows (model_id, version_id, (COALESCE('=' || segment, '*')), start_time) WHERE kind = 'time';
`,
};
