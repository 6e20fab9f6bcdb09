/**
 * The first schema. Models and versions get an integer `key` besides their public UUID: the hot tables (records,
 * labels, counters) carry 8-byte keys instead of 36-character ids, which keeps their indexes small.
 * `records` has no foreign keys on purpose: each one costs an index lookup per inserted row on the ingestion path,
 * and the adapter resolves every key it writes from rows it has read.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const migration001Initial: SqliteMigration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE models (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  spec TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (project, name)
);

CREATE TABLE versions (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  model_key INTEGER NOT NULL REFERENCES models (key) ON DELETE CASCADE,
  version TEXT NOT NULL,
  metadata TEXT NOT NULL,
  reference_rows INTEGER,
  reference_built_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (model_key, version)
);

CREATE TABLE aliases (
  model_key INTEGER NOT NULL REFERENCES models (key) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  version_key INTEGER NOT NULL REFERENCES versions (key) ON DELETE CASCADE,
  PRIMARY KEY (model_key, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_version ON aliases (version_key);

CREATE TABLE reference_profiles (
  version_key INTEGER PRIMARY KEY REFERENCES versions (key) ON DELETE CASCADE,
  profile BLOB NOT NULL
);

CREATE TABLE records (
  seq INTEGER PRIMARY KEY,
  model_key INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  version_key INTEGER NOT NULL,
  segment TEXT,
  ts REAL NOT NULL,
  received_at INTEGER NOT NULL,
  prediction TEXT NOT NULL,
  score REAL,
  features TEXT NOT NULL
);
CREATE UNIQUE INDEX records_record_id ON records (model_key, record_id);
CREATE INDEX records_version_seq ON records (version_key, seq);
CREATE INDEX records_segment_seq ON records (version_key, segment, seq) WHERE segment IS NOT NULL;
CREATE INDEX records_ts ON records (model_key, ts);

CREATE TABLE labels (
  model_key INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  label TEXT NOT NULL,
  ts REAL NOT NULL,
  PRIMARY KEY (model_key, record_id)
) WITHOUT ROWID;

CREATE TABLE window_counters (
  version_key INTEGER NOT NULL REFERENCES versions (key) ON DELETE CASCADE,
  segment_key TEXT NOT NULL,
  count INTEGER NOT NULL,
  open_start_seq INTEGER,
  open_min_ts REAL,
  open_max_ts REAL,
  PRIMARY KEY (version_key, segment_key)
) WITHOUT ROWID;

CREATE TABLE windows (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  model_key INTEGER NOT NULL REFERENCES models (key) ON DELETE CASCADE,
  model_id TEXT NOT NULL,
  version_key INTEGER NOT NULL,
  version_id TEXT NOT NULL,
  segment TEXT,
  kind TEXT NOT NULL,
  start_seq INTEGER NOT NULL,
  end_seq INTEGER NOT NULL,
  start_time REAL NOT NULL,
  end_time REAL NOT NULL,
  count INTEGER NOT NULL,
  labelled INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  closed_at INTEGER NOT NULL,
  evaluated_at INTEGER,
  revision INTEGER NOT NULL DEFAULT 0,
  claim_revision INTEGER,
  lease_owner TEXT,
  lease_until INTEGER,
  results TEXT
);
CREATE INDEX windows_model ON windows (model_key, key);
CREATE INDEX windows_pending ON windows (key) WHERE status = 'pending';
CREATE INDEX windows_version_end ON windows (version_key, end_seq);

CREATE TABLE metric_points (
  model_key INTEGER NOT NULL,
  window_key INTEGER NOT NULL REFERENCES windows (key) ON DELETE CASCADE,
  window_id TEXT NOT NULL,
  version_id TEXT NOT NULL,
  segment TEXT,
  time REAL NOT NULL,
  metric TEXT NOT NULL,
  feature TEXT,
  value REAL,
  p_value REAL,
  threshold REAL,
  status TEXT NOT NULL
);
CREATE INDEX metric_points_series ON metric_points (model_key, metric, time);
CREATE INDEX metric_points_time ON metric_points (model_key, time);
CREATE INDEX metric_points_window ON metric_points (window_key);
`,
};
