import type { PostgresMigration } from '../postgres-migration.js';

/**
 * Alerting: rules, alerts, incidents, channels and the delivery queue. Each entity is kept whole as JSON (`doc`, the
 * shape the API answers with) beside the columns its queries filter on; `seq` gives creation order. At most one open
 * alert per (rule, series) is a unique index, so two nodes cannot both open one. A delivery is unique per (channel,
 * idempotency key). Times are epoch milliseconds of the service's clock (the delivery lease too: the job passes `now`).
 */
export const alertsMigration: PostgresMigration = {
  version: 5,
  name: 'alerts',
  sql: `
CREATE TABLE alert_rules (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  model_id text NOT NULL,
  name text NOT NULL,
  enabled boolean NOT NULL,
  doc jsonb NOT NULL,
  UNIQUE (model_id, name)
);

CREATE TABLE alerts (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  rule_id text NOT NULL,
  model_id text NOT NULL,
  series_key text NOT NULL,
  status text NOT NULL,
  severity text NOT NULL,
  revision integer NOT NULL,
  doc jsonb NOT NULL
);
CREATE UNIQUE INDEX alerts_open ON alerts (rule_id, series_key) WHERE status <> 'resolved';
CREATE INDEX alerts_series ON alerts (rule_id, series_key, seq);
CREATE INDEX alerts_model ON alerts (model_id, seq);

CREATE TABLE incidents (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  model_id text NOT NULL,
  window_id text,
  status text NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX incidents_window ON incidents (model_id, window_id);

CREATE TABLE channels (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  doc jsonb NOT NULL,
  secret text,
  smtp_password text
);

CREATE TABLE deliveries (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  channel_id text NOT NULL,
  alert_id text NOT NULL,
  event text NOT NULL,
  idempotency_key text NOT NULL,
  notification jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at double precision NOT NULL,
  last_error text,
  created_at double precision NOT NULL,
  sent_at double precision,
  lease_owner text,
  lease_until double precision,
  UNIQUE (channel_id, idempotency_key)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, seq) WHERE status = 'pending';
CREATE INDEX deliveries_pending_order ON deliveries (channel_id, alert_id, seq) WHERE status = 'pending';
CREATE INDEX deliveries_alert ON deliveries (alert_id, seq);
`,
};
