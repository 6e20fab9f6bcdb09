/**
 * Alerting: rules, alerts, incidents, channels and the delivery queue. Each entity is kept whole as JSON (`doc`, the
 * shape the API answers with) beside the columns its queries filter on. At most one open alert per (rule, series) is
 * a unique index, so two writers cannot both open one. A delivery is unique per (channel, idempotency key).
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const migration005Alerts: SqliteMigration = {
  version: 5,
  name: 'alerts',
  sql: `
CREATE TABLE alert_rules (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  model_id TEXT NOT NULL,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  doc TEXT NOT NULL,
  UNIQUE (model_id, name)
);

CREATE TABLE alerts (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  rule_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  series_key TEXT NOT NULL,
  status TEXT NOT NULL,
  severity TEXT NOT NULL,
  revision INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE UNIQUE INDEX alerts_open ON alerts (rule_id, series_key) WHERE status <> 'resolved';
CREATE INDEX alerts_series ON alerts (rule_id, series_key, key);
CREATE INDEX alerts_model ON alerts (model_id, key);

CREATE TABLE incidents (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  model_id TEXT NOT NULL,
  window_id TEXT,
  status TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX incidents_window ON incidents (model_id, window_id);

CREATE TABLE channels (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL,
  secret TEXT,
  smtp_password TEXT
);

CREATE TABLE deliveries (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  channel_id TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  event TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  notification TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  lease_owner TEXT,
  lease_until INTEGER,
  UNIQUE (channel_id, idempotency_key)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, key) WHERE status = 'pending';
CREATE INDEX deliveries_pending_order ON deliveries (channel_id, alert_id, key) WHERE status = 'pending';
CREATE INDEX deliveries_alert ON deliveries (alert_id, key);
`,
};
