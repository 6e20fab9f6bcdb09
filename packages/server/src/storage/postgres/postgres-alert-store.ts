/**
 * The alerting part of the PostgreSQL store (`PostgresStore.alerts`), on the store's pool and session settings.
 * Deliveries are claimed with `FOR UPDATE SKIP LOCKED` under a lease, so several nodes share the queue.
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { seriesKeyOf } from '@bothub/core';
import type { Alert, AlertRule, Channel, Incident, Notification } from '@bothub/core';
import type {
  AlertChanges,
  AlertFilter,
  AlertPage,
  AlertRuleFilter,
  AlertStore,
  Delivery,
  DeliveryOutcome,
  IncidentFilter,
  IncidentPage,
  NewAlertRule,
  NewChannel,
  StoredAlert,
  StoredChannel,
} from '../alert-store.js';
import { channelDocument } from '../channel-document.js';
import { StoreConflictError } from '../store-errors.js';
import { pgErrorCode, UNIQUE_VIOLATION } from './pg-error-code.js';

/** How the alert store reaches the database: the PostgresStore's own query and transaction helpers. */
export interface PostgresRunner {
  query<R extends QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T>;
}

interface ChannelRow {
  doc: Omit<Channel, 'hasSecret'>;
  secret: string | null;
  smtp_password: string | null;
}

interface DeliveryRow {
  id: string;
  channel_id: string;
  alert_id: string;
  event: Delivery['event'];
  idempotency_key: string;
  notification: Notification;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  seq: string;
}

const DELIVERY_COLUMNS = 'id, channel_id, alert_id, event, idempotency_key, notification, status, attempts, next_attempt_at, last_error, created_at, sent_at, seq';

function toChannel(row: ChannelRow): StoredChannel {
  return { channel: { ...row.doc, hasSecret: row.secret !== null }, secrets: { secret: row.secret, smtpPassword: row.smtp_password } };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channelId: row.channel_id,
    alertId: row.alert_id,
    event: row.event,
    idempotencyKey: row.idempotency_key,
    notification: row.notification,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}


/** Conditions with numbered placeholders, built one filter at a time. */
class Conditions {
  readonly sql: string[] = [];
  readonly values: unknown[] = [];

  add(sql: (placeholder: string) => string, value: unknown): void {
    this.values.push(value);
    this.sql.push(sql(`$${this.values.length}`));
  }

  get where(): string {
    return this.sql.length === 0 ? '' : ` WHERE ${this.sql.join(' AND ')}`;
  }
}

/**
 * @example
 * const alerts = new PostgresAlertStore({ query: (text, values) => store.query(text, values), transaction: (work) => store.transaction(work) });
 */
export class PostgresAlertStore implements AlertStore {
  readonly #db: PostgresRunner;

  constructor(runner: PostgresRunner) {
    this.#db = runner;
  }

  // Rules

  async createRule(rule: NewAlertRule): Promise<AlertRule> {
    const now = new Date().toISOString();
    const created: AlertRule = { ...rule, id: randomUUID(), createdAt: now, updatedAt: now };
    try {
      await this.#db.query('INSERT INTO alert_rules (id, model_id, name, enabled, doc) VALUES ($1, $2, $3, $4, $5)', [created.id, created.modelId, created.name, created.enabled, JSON.stringify(created)]);
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('rule', `The model already has a rule named "${rule.name}".`);
      throw error;
    }
    return created;
  }

  async getRule(id: string): Promise<AlertRule | null> {
    const { rows } = await this.#db.query<{ doc: AlertRule }>('SELECT doc FROM alert_rules WHERE id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  async listRules(filter: AlertRuleFilter = {}): Promise<AlertRule[]> {
    const where = new Conditions();
    if (filter.modelId !== undefined) where.add((p) => `model_id = ${p}`, filter.modelId);
    if (filter.enabled !== undefined) where.add((p) => `enabled = ${p}`, filter.enabled);
    const { rows } = await this.#db.query<{ doc: AlertRule }>(`SELECT doc FROM alert_rules${where.where} ORDER BY seq`, where.values);
    return rows.map((row) => row.doc);
  }

  async updateRule(id: string, rule: NewAlertRule): Promise<AlertRule | null> {
    return this.#db.transaction(async (client) => {
      const { rows } = await client.query<{ doc: AlertRule }>('SELECT doc FROM alert_rules WHERE id = $1 FOR UPDATE', [id]);
      const stored = rows[0]?.doc;
      if (stored === undefined) return null;
      const updated: AlertRule = { ...rule, id, createdAt: stored.createdAt, updatedAt: new Date().toISOString() };
      try {
        await client.query('UPDATE alert_rules SET model_id = $2, name = $3, enabled = $4, doc = $5 WHERE id = $1', [id, updated.modelId, updated.name, updated.enabled, JSON.stringify(updated)]);
      } catch (error) {
        if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('rule', `The model already has a rule named "${rule.name}".`);
        throw error;
      }
      return updated;
    });
  }

  async deleteRule(id: string): Promise<boolean> {
    const result = await this.#db.query('DELETE FROM alert_rules WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  // Alerts and incidents

  async getAlert(id: string): Promise<StoredAlert | null> {
    const { rows } = await this.#db.query<{ doc: Alert; revision: number }>('SELECT doc, revision FROM alerts WHERE id = $1', [id]);
    const row = rows[0];
    return row === undefined ? null : { alert: row.doc, revision: row.revision };
  }

  async latestAlert(ruleId: string, seriesKey: string): Promise<StoredAlert | null> {
    const { rows } = await this.#db.query<{ doc: Alert; revision: number }>(
      'SELECT doc, revision FROM alerts WHERE rule_id = $1 AND series_key = $2 ORDER BY seq DESC LIMIT 1',
      [ruleId, seriesKey],
    );
    const row = rows[0];
    return row === undefined ? null : { alert: row.doc, revision: row.revision };
  }

  async #page(table: 'alerts' | 'incidents', where: Conditions, limit: number, before: string | undefined): Promise<{ items: unknown[]; next: string | null }> {
    if (before !== undefined) where.add((p) => `seq < coalesce((SELECT seq FROM ${table} WHERE id = ${p}), -1)`, before);
    const { rows } = await this.#db.query<{ id: string; doc: unknown }>(`SELECT id, doc FROM ${table}${where.where} ORDER BY seq DESC LIMIT ${Math.max(0, Math.floor(limit)) + 1}`, where.values);
    const items = rows.slice(0, limit).map((row) => row.doc);
    return { items, next: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
  }

  async listAlerts(filter: AlertFilter): Promise<AlertPage> {
    const where = new Conditions();
    if (filter.status !== undefined) where.add((p) => `status = ${p}`, filter.status);
    if (filter.modelId !== undefined) where.add((p) => `model_id = ${p}`, filter.modelId);
    if (filter.severity !== undefined) where.add((p) => `severity = ${p}`, filter.severity);
    if (filter.ruleId !== undefined) where.add((p) => `rule_id = ${p}`, filter.ruleId);
    const { items, next } = await this.#page('alerts', where, filter.limit, filter.before);
    return { alerts: items as Alert[], next };
  }

  async getIncident(id: string): Promise<Incident | null> {
    const { rows } = await this.#db.query<{ doc: Incident }>('SELECT doc FROM incidents WHERE id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  async openIncident(modelId: string, windowId: string | null): Promise<Incident | null> {
    const { rows } = await this.#db.query<{ doc: Incident }>(
      "SELECT doc FROM incidents WHERE model_id = $1 AND window_id IS NOT DISTINCT FROM $2 AND status = 'open' ORDER BY seq DESC LIMIT 1",
      [modelId, windowId],
    );
    return rows[0]?.doc ?? null;
  }

  async listIncidents(filter: IncidentFilter): Promise<IncidentPage> {
    const where = new Conditions();
    if (filter.modelId !== undefined) where.add((p) => `model_id = ${p}`, filter.modelId);
    if (filter.status !== undefined) where.add((p) => `status = ${p}`, filter.status);
    const { items, next } = await this.#page('incidents', where, filter.limit, filter.before);
    return { incidents: items as Incident[], next };
  }

  async applyAlertChanges(changes: AlertChanges): Promise<{ readonly deliveries: number }> {
    return this.#db.transaction(async (client) => {
      for (const { alert, revision } of changes.alerts) {
        const doc = JSON.stringify(alert);
        if (revision === null) {
          try {
            await client.query('INSERT INTO alerts (id, rule_id, model_id, series_key, status, severity, revision, doc) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)', [
              alert.id,
              alert.ruleId,
              alert.modelId,
              seriesKeyOf(alert),
              alert.status,
              alert.severity,
              doc,
            ]);
          } catch (error) {
            if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('alert', `Rule ${alert.ruleId} already has an open alert for ${seriesKeyOf(alert)}, or alert ${alert.id} exists.`);
            throw error;
          }
        } else {
          const updated = await client.query('UPDATE alerts SET status = $2, severity = $3, doc = $4, revision = revision + 1 WHERE id = $1 AND revision = $5', [
            alert.id,
            alert.status,
            alert.severity,
            doc,
            revision,
          ]);
          if (updated.rowCount === 0) throw new StoreConflictError('alert', `Alert ${alert.id} changed since revision ${revision} was read.`);
        }
      }
      for (const incident of changes.incidents ?? []) {
        await client.query(
          'INSERT INTO incidents (id, model_id, window_id, status, doc) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc',
          [incident.id, incident.modelId, incident.windowId, incident.status, JSON.stringify(incident)],
        );
      }
      let queued = 0;
      for (const d of changes.deliveries) {
        const inserted = await client.query(
          `INSERT INTO deliveries (id, channel_id, alert_id, event, idempotency_key, notification, status, next_attempt_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $7) ON CONFLICT (channel_id, idempotency_key) DO NOTHING`,
          [randomUUID(), d.channelId, d.alertId, d.event, d.idempotencyKey, JSON.stringify(d.notification), d.createdAt],
        );
        queued += inserted.rowCount ?? 0;
      }
      return { deliveries: queued };
    });
  }

  // Channels

  async createChannel(channel: NewChannel): Promise<StoredChannel> {
    const id = randomUUID();
    const doc = channelDocument(id, new Date().toISOString(), channel);
    try {
      await this.#db.query('INSERT INTO channels (id, name, doc, secret, smtp_password) VALUES ($1, $2, $3, $4, $5)', [id, channel.name, JSON.stringify(doc), channel.secrets.secret, channel.secrets.smtpPassword]);
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('channel', `A channel named "${channel.name}" already exists.`);
      throw error;
    }
    return toChannel({ doc, secret: channel.secrets.secret, smtp_password: channel.secrets.smtpPassword });
  }

  async getChannel(name: string): Promise<StoredChannel | null> {
    const { rows } = await this.#db.query<ChannelRow>('SELECT doc, secret, smtp_password FROM channels WHERE name = $1', [name]);
    return rows[0] === undefined ? null : toChannel(rows[0]);
  }

  async getChannelById(id: string): Promise<StoredChannel | null> {
    const { rows } = await this.#db.query<ChannelRow>('SELECT doc, secret, smtp_password FROM channels WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toChannel(rows[0]);
  }

  async listChannels(): Promise<StoredChannel[]> {
    const { rows } = await this.#db.query<ChannelRow>('SELECT doc, secret, smtp_password FROM channels ORDER BY name');
    return rows.map(toChannel);
  }

  async updateChannel(name: string, channel: NewChannel): Promise<StoredChannel | null> {
    return this.#db.transaction(async (client) => {
      const { rows } = await client.query<ChannelRow>('SELECT doc, secret, smtp_password FROM channels WHERE name = $1 FOR UPDATE', [name]);
      if (rows[0] === undefined) return null;
      const stored = rows[0].doc;
      const doc = channelDocument(stored.id, stored.createdAt, { ...channel, name });
      await client.query('UPDATE channels SET doc = $2, secret = $3, smtp_password = $4 WHERE name = $1', [name, JSON.stringify(doc), channel.secrets.secret, channel.secrets.smtpPassword]);
      return toChannel({ doc, secret: channel.secrets.secret, smtp_password: channel.secrets.smtpPassword });
    });
  }

  async deleteChannel(name: string): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      const { rows } = await client.query<{ id: string }>('DELETE FROM channels WHERE name = $1 RETURNING id', [name]);
      const id = rows[0]?.id;
      if (id === undefined) return false;
      await client.query("UPDATE deliveries SET status = 'dead', last_error = 'channel deleted', lease_owner = NULL, lease_until = NULL WHERE channel_id = $1 AND status = 'pending'", [id]);
      return true;
    });
  }

  // Deliveries

  async listDeliveries(alertId: string): Promise<Delivery[]> {
    const { rows } = await this.#db.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE alert_id = $1 ORDER BY seq`, [alertId]);
    return rows.map(toDelivery);
  }

  async countPendingDeliveries(): Promise<number> {
    // count(*) is a bigint, which pg returns as a string.
    const { rows } = await this.#db.query<{ n: string }>("SELECT count(*) AS n FROM deliveries WHERE status = 'pending'");
    return Number(rows[0]?.n ?? 0);
  }

  async claimDueDeliveries(now: number, limit: number, worker: string, leaseMs: number): Promise<Delivery[]> {
    if (limit <= 0) return [];
    // An earlier pending delivery of the same alert to the same channel (leased or not) holds the later ones back;
    // SKIP LOCKED lets nodes claiming at once take disjoint rows.
    const { rows } = await this.#db.query<DeliveryRow>(
      `UPDATE deliveries SET lease_owner = $3, lease_until = $4 WHERE id IN (
         SELECT d.id FROM deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
           AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.status = 'pending' AND e.channel_id = d.channel_id AND e.alert_id = d.alert_id AND e.seq < d.seq)
         ORDER BY d.next_attempt_at, d.seq
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       ) AND status = 'pending'
       RETURNING ${DELIVERY_COLUMNS}`,
      [now, limit, worker, now + leaseMs],
    );
    return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || Number(a.seq) - Number(b.seq)).map(toDelivery);
  }

  async completeDelivery(id: string, worker: string, outcome: DeliveryOutcome): Promise<boolean> {
    const result = await this.#db.query(
      `UPDATE deliveries SET status = $3, sent_at = CASE WHEN $3 = 'sent' THEN $4::float8 END, last_error = coalesce($5, last_error), attempts = attempts + $6, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'pending'`,
      [id, worker, outcome.status, outcome.at, outcome.error, outcome.attempted ? 1 : 0],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async #release(id: string, worker: string, nextAttemptAt: number, error: string | null): Promise<boolean> {
    const result = await this.#db.query(
      `UPDATE deliveries SET next_attempt_at = $3, last_error = coalesce($4, last_error), attempts = attempts + $5, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'pending'`,
      [id, worker, nextAttemptAt, error, error === null ? 0 : 1],
    );
    return (result.rowCount ?? 0) > 0;
  }

  rescheduleDelivery(id: string, worker: string, nextAttemptAt: number, error: string): Promise<boolean> {
    return this.#release(id, worker, nextAttemptAt, error);
  }

  deferDelivery(id: string, worker: string, nextAttemptAt: number): Promise<boolean> {
    return this.#release(id, worker, nextAttemptAt, null);
  }
}
