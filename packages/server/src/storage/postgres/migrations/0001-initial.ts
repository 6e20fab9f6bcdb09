import type { PostgresMigration } from '../postgres-migration.js';

/**
 * The first schema: registry, records and labels, count-window counters, windows with their claims, metric points.
 * Times of the domain (record timestamps, window bounds, metric times) are epoch milliseconds in double precision,
 * like the JavaScript numbers they come from; lease times are the server's clock, shared by every node.
 */
export const initialMigration: PostgresMigration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE models (
  id text PRIMARY KEY,
  project text NOT NULL,
  name text NOT NULL,
  spec jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (project, name)
);

-- One row per model, locked by every ingestion transaction of that model: sequence numbers are handed out in commit
-- order, so a window's seq range never interleaves with a batch committed later.
CREATE TABLE ingest_sequences (
  model_id text PRIMARY KEY REFERENCES models (id) ON DELETE CASCADE,
  next_seq bigint NOT NULL DEFAULT 1
);

CREATE TABLE versions (
  id text PRIMARY KEY,
  model_id text NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  version text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  reference_profile bytea,
  reference_rows integer,
  reference_built_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (model_id, version),
  UNIQUE (model_id, id)
);

CREATE TABLE aliases (
  model_id text NOT NULL,
  alias text NOT NULL,
  version_id text NOT NULL,
  PRIMARY KEY (model_id, alias),
  FOREIGN KEY (model_id, version_id) REFERENCES versions (model_id, id) ON DELETE CASCADE
);

CREATE TABLE records (
  model_id text NOT NULL,
  record_id text NOT NULL,
  seq bigint NOT NULL,
  version_id text NOT NULL,
  ts double precision NOT NULL,
  received_at double precision NOT NULL,
  features jsonb NOT NULL,
  prediction jsonb,
  score double precision,
  segment text,
  PRIMARY KEY (model_id, record_id)
);
CREATE INDEX records_version_seq ON records (model_id, version_id, seq);
CREATE INDEX records_segment_seq ON records (model_id, version_id, segment, seq);

-- Labels apart from records: a label may arrive before its prediction; one sent with the prediction is stored here too.
CREATE TABLE labels (
  model_id text NOT NULL,
  record_id text NOT NULL,
  label jsonb,
  ts double precision NOT NULL,
  received_at double precision NOT NULL,
  PRIMARY KEY (model_id, record_id)
);

-- Records counted so far per series: (model, version) for all segments (segment NULL) and per segment.
CREATE TABLE window_counters (
  model_id text NOT NULL,
  version_id text NOT NULL,
  segment text,
  segment_key text GENERATED ALWAYS AS (COALESCE('=' || segment, '*')) STORED,
  total bigint NOT NULL,
  PRIMARY KEY (model_id, version_id, segment_key)
);

CREATE TABLE windows (
  id bigserial PRIMARY KEY,
  model_id text NOT NULL,
  version_id text NOT NULL,
  segment text,
  kind text NOT NULL,
  start_seq bigint NOT NULL,
  end_seq bigint NOT NULL,
  start_time double precision NOT NULL,
  end_time double precision NOT NULL,
  count integer NOT NULL,
  labelled integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'evaluated')),
  closed_at double precision NOT NULL,
  evaluated_at double precision,
  results jsonb,
  claimed_by text,
  lease_until timestamptz,
  -- Bumped when a label re-opens the window; a completion only marks it evaluated when no label arrived since the claim.
  reopen_gen integer NOT NULL DEFAULT 0,
  claimed_gen integer
);
CREATE INDEX windows_model_id ON windows (model_id, id);
CREATE INDEX windows_pending ON windows (id) WHERE status = 'pending';
CREATE INDEX windows_seq ON windows (model_id, version_id, end_seq);

CREATE TABLE metric_points (
  id bigserial PRIMARY KEY,
  window_id bigint NOT NULL REFERENCES windows (id) ON DELETE CASCADE,
  model_id text NOT NULL,
  version_id text NOT NULL,
  segment text,
  time double precision NOT NULL,
  metric text NOT NULL,
  feature text,
  value double precision,
  p_value double precision,
  threshold double precision,
  status text NOT NULL
);
CREATE INDEX metric_points_series ON metric_points (model_id, metric, feature, segment, time);
CREATE INDEX metric_points_window ON metric_points (window_id);
`,
};
