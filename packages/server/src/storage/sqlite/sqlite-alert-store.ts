/**
 * The alerting part of the SQLite store (`SqliteStore.alerts`): rules, alerts, incidents, channels and deliveries on
 * the same database handle. Writes that belong together run in one IMMEDIATE transaction.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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
import { isUniqueViolation } from './is-unique-violation.js';
import { settle } from './settle.js';

interface ChannelRow {
  doc: string;
  secret: string | null;
  smtp_password: string | null;
}

interface DeliveryRow {
  id: string;
  channel_id: string;
  alert_id: string;
  event: Delivery['event'];
  idempotency_key: string;
  notification: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

const DELIVERY_COLUMNS = 'id, channel_id, alert_id, event, idempotency_key, notification, status, attempts, next_attempt_at, last_error, created_at, sent_at';

function prepareStatements(db: Database.Database) {
  return {
    insertRule: db.prepare<[string, string, string, number, string]>('INSERT INTO alert_rules (id, model_id, name, enabled, doc) VALUES (?, ?, ?, ?, ?)'),
    rule: db.prepare<[string], string>('SELECT doc FROM alert_rules WHERE id = ?').pluck(),
    updateRule: db.prepare<[string, string, number, string, string]>('UPDATE alert_rules SET model_id = ?, name = ?, enabled = ?, doc = ? WHERE id = ?'),
    deleteRule: db.prepare<[string]>('DELETE FROM alert_rules WHERE id = ?'),

    alert: db.prepare<[string], { doc: string; revision: number }>('SELECT doc, revision FROM alerts WHERE id = ?'),
    latestAlert: db.prepare<[string, string], { doc: string; revision: number }>('SELECT doc, revision FROM alerts WHERE rule_id = ? AND series_key = ? ORDER BY key DESC LIMIT 1'),
    alertKey: db.prepare<[string], number>('SELECT key FROM alerts WHERE id = ?').pluck(),
    insertAlert: db.prepare<[string, string, string, string, string, string, string]>(
      'INSERT INTO alerts (id, rule_id, model_id, series_key, status, severity, revision, doc) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
    ),
    updateAlert: db.prepare<[string, string, string, string, number]>('UPDATE alerts SET status = ?, severity = ?, doc = ?, revision = revision + 1 WHERE id = ? AND revision = ?'),

    incident: db.prepare<[string], string>('SELECT doc FROM incidents WHERE id = ?').pluck(),
    incidentKey: db.prepare<[string], number>('SELECT key FROM incidents WHERE id = ?').pluck(),
    openIncident: db.prepare<[string, string | null], string>(
      "SELECT doc FROM incidents WHERE model_id = ? AND window_id IS ? AND status = 'open' ORDER BY key DESC LIMIT 1",
    ).pluck(),
    putIncident: db.prepare<[string, string, string | null, string, string]>(
      'INSERT INTO incidents (id, model_id, window_id, status, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc',
    ),

    insertChannel: db.prepare<[string, string, string, string | null, string | null]>('INSERT INTO channels (id, name, doc, secret, smtp_password) VALUES (?, ?, ?, ?, ?)'),
    channel: db.prepare<[string], ChannelRow>('SELECT doc, secret, smtp_password FROM channels WHERE name = ?'),
    channelById: db.prepare<[string], ChannelRow>('SELECT doc, secret, smtp_password FROM channels WHERE id = ?'),
    listChannels: db.prepare<[], ChannelRow>('SELECT doc, secret, smtp_password FROM channels ORDER BY name'),
    updateChannel: db.prepare<[string, string | null, string | null, string]>('UPDATE channels SET doc = ?, secret = ?, smtp_password = ? WHERE name = ?'),
    channelId: db.prepare<[string], string>('SELECT id FROM channels WHERE name = ?').pluck(),
    deleteChannel: db.prepare<[string]>('DELETE FROM channels WHERE id = ?'),
    abandonChannelDeliveries: db.prepare<[string]>(
      "UPDATE deliveries SET status = 'dead', last_error = 'channel deleted', lease_owner = NULL, lease_until = NULL WHERE channel_id = ? AND status = 'pending'",
    ),

    insertDelivery: db.prepare<[string, string, string, string, string, string, number, number]>(
      "INSERT INTO deliveries (id, channel_id, alert_id, event, idempotency_key, notification, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) " +
        'ON CONFLICT (channel_id, idempotency_key) DO NOTHING',
    ),
    countPendingDeliveries: db.prepare<[], number>("SELECT count(*) FROM deliveries WHERE status = 'pending'").pluck(),
    alertDeliveries: db.prepare<[string], DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE alert_id = ? ORDER BY key`),
    claimDeliveries: db.prepare<{ now: number; limit: number; worker: string; until: number }, DeliveryRow>(
      `UPDATE deliveries SET lease_owner = @worker, lease_until = @until WHERE key IN (
         SELECT d.key FROM deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until <= @now)
           AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.status = 'pending' AND e.channel_id = d.channel_id AND e.alert_id = d.alert_id AND e.key < d.key)
         ORDER BY d.next_attempt_at, d.key LIMIT @limit
       ) RETURNING ${DELIVERY_COLUMNS}, key`,
    ),
    completeDelivery: db.prepare<{ id: string; worker: string; status: string; at: number; error: string | null; attempts: number }>(
      "UPDATE deliveries SET status = @status, sent_at = CASE WHEN @status = 'sent' THEN @at END, last_error = coalesce(@error, last_error), attempts = attempts + @attempts, lease_owner = NULL, lease_until = NULL " +
        "WHERE id = @id AND lease_owner = @worker AND status = 'pending'",
    ),
    rescheduleDelivery: db.prepare<{ id: string; worker: string; next: number; error: string | null; attempts: number }>(
      'UPDATE deliveries SET next_attempt_at = @next, last_error = coalesce(@error, last_error), attempts = attempts + @attempts, lease_owner = NULL, lease_until = NULL ' +
        "WHERE id = @id AND lease_owner = @worker AND status = 'pending'",
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function toChannel(row: ChannelRow): StoredChannel {
  const doc = JSON.parse(row.doc) as Omit<Channel, 'hasSecret'>;
  return { channel: { ...doc, hasSecret: row.secret !== null }, secrets: { secret: row.secret, smtpPassword: row.smtp_password } };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channelId: row.channel_id,
    alertId: row.alert_id,
    event: row.event,
    idempotencyKey: row.idempotency_key,
    notification: JSON.parse(row.notification) as Notification,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function channelDoc(id: string, createdAt: string, channel: NewChannel): string {
  return JSON.stringify(channelDocument(id, createdAt, channel));
}

type Prepare = (sql: string) => Database.Statement;

/** A WHERE clause of the conditions given (none: no clause). */
function whereOf(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}

/** Equality conditions on columns, for the filters that are set (booleans as SQLite's 0 and 1). */
function equalities(filters: Readonly<Record<string, string | boolean | undefined>>): { where: string[]; values: unknown[] } {
  const set = Object.entries(filters).filter((entry): entry is [string, string | boolean] => entry[1] !== undefined);
  return { where: set.map(([column]) => `${column} = ?`), values: set.map(([, value]) => (typeof value === 'boolean' ? Number(value) : value)) };
}

/** One page, newest first, of a table keyed by `key`: `before` is the id of the previous page's last entity. */
function pageOf(prepare: Prepare, table: 'alerts' | 'incidents', where: string[], params: unknown[], limit: number, before: string | undefined): { items: unknown[]; next: string | null } {
  const conditions = [...where];
  const values = [...params];
  if (before !== undefined) {
    conditions.push(`key < coalesce((SELECT key FROM ${table} WHERE id = ?), -1)`);
    values.push(before);
  }
  const rows = prepare(`SELECT id, doc FROM ${table}${whereOf(conditions)} ORDER BY key DESC LIMIT ?`).all(...values, limit + 1) as { id: string; doc: string }[];
  const items = rows.slice(0, limit).map((row) => JSON.parse(row.doc) as unknown);
  return { items, next: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}

/**
 * @example
 * const alerts = new SqliteAlertStore(db);
 * const rule = await alerts.createRule(newRule);
 */
export class SqliteAlertStore implements AlertStore {
  readonly #db: Database.Database;
  #statements: Statements | null = null;
  /** Statements of the filtered queries, one per combination of filters (a bounded set: prepared statements are kept for good). */
  readonly #filtered = new Map<string, Database.Statement>();
  readonly #prepare: Prepare = (sql) => {
    let statement = this.#filtered.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#filtered.set(sql, statement);
    }
    return statement;
  };

  constructor(db: Database.Database) {
    this.#db = db;
  }

  get #s(): Statements {
    this.#statements ??= prepareStatements(this.#db);
    return this.#statements;
  }

  #immediate<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  // Rules

  createRule(rule: NewAlertRule): Promise<AlertRule> {
    return settle(() => {
      const now = new Date().toISOString();
      const created: AlertRule = { ...rule, id: randomUUID(), createdAt: now, updatedAt: now };
      try {
        this.#s.insertRule.run(created.id, created.modelId, created.name, created.enabled ? 1 : 0, JSON.stringify(created));
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError('rule', `The model already has a rule named "${rule.name}".`);
        throw error;
      }
      return created;
    });
  }

  getRule(id: string): Promise<AlertRule | null> {
    return settle(() => {
      const doc = this.#s.rule.get(id);
      return doc === undefined ? null : (JSON.parse(doc) as AlertRule);
    });
  }

  listRules(filter: AlertRuleFilter = {}): Promise<AlertRule[]> {
    return settle(() => {
      const { where, values } = equalities({ model_id: filter.modelId, enabled: filter.enabled });
      const rows = this.#prepare(`SELECT doc FROM alert_rules${whereOf(where)} ORDER BY key`).all(...values) as { doc: string }[];
      return rows.map((row) => JSON.parse(row.doc) as AlertRule);
    });
  }

  updateRule(id: string, rule: NewAlertRule): Promise<AlertRule | null> {
    return settle(() =>
      this.#immediate(() => {
        const doc = this.#s.rule.get(id);
        if (doc === undefined) return null;
        const stored = JSON.parse(doc) as AlertRule;
        const updated: AlertRule = { ...rule, id, createdAt: stored.createdAt, updatedAt: new Date().toISOString() };
        try {
          this.#s.updateRule.run(updated.modelId, updated.name, updated.enabled ? 1 : 0, JSON.stringify(updated), id);
        } catch (error) {
          if (isUniqueViolation(error)) throw new StoreConflictError('rule', `The model already has a rule named "${rule.name}".`);
          throw error;
        }
        return updated;
      }),
    );
  }

  deleteRule(id: string): Promise<boolean> {
    return settle(() => this.#s.deleteRule.run(id).changes > 0);
  }

  // Alerts and incidents

  getAlert(id: string): Promise<StoredAlert | null> {
    return settle(() => {
      const row = this.#s.alert.get(id);
      return row === undefined ? null : { alert: JSON.parse(row.doc) as Alert, revision: row.revision };
    });
  }

  latestAlert(ruleId: string, seriesKey: string): Promise<StoredAlert | null> {
    return settle(() => {
      const row = this.#s.latestAlert.get(ruleId, seriesKey);
      return row === undefined ? null : { alert: JSON.parse(row.doc) as Alert, revision: row.revision };
    });
  }

  listAlerts(filter: AlertFilter): Promise<AlertPage> {
    return settle(() => {
      const { where, values } = equalities({ status: filter.status, model_id: filter.modelId, severity: filter.severity, rule_id: filter.ruleId });
      const { items, next } = pageOf(this.#prepare, 'alerts', where, values, filter.limit, filter.before);
      return { alerts: items as Alert[], next };
    });
  }

  getIncident(id: string): Promise<Incident | null> {
    return settle(() => {
      const doc = this.#s.incident.get(id);
      return doc === undefined ? null : (JSON.parse(doc) as Incident);
    });
  }

  openIncident(modelId: string, windowId: string | null): Promise<Incident | null> {
    return settle(() => {
      const doc = this.#s.openIncident.get(modelId, windowId);
      return doc === undefined ? null : (JSON.parse(doc) as Incident);
    });
  }

  listIncidents(filter: IncidentFilter): Promise<IncidentPage> {
    return settle(() => {
      const { where, values } = equalities({ model_id: filter.modelId, status: filter.status });
      const { items, next } = pageOf(this.#prepare, 'incidents', where, values, filter.limit, filter.before);
      return { incidents: items as Incident[], next };
    });
  }

  applyAlertChanges(changes: AlertChanges): Promise<{ readonly deliveries: number }> {
    return settle(() =>
      this.#immediate(() => {
        const s = this.#s;
        for (const { alert, revision } of changes.alerts) {
          const doc = JSON.stringify(alert);
          if (revision === null) {
            try {
              s.insertAlert.run(alert.id, alert.ruleId, alert.modelId, seriesKeyOf(alert), alert.status, alert.severity, doc);
            } catch (error) {
              if (isUniqueViolation(error)) throw new StoreConflictError('alert', `Rule ${alert.ruleId} already has an open alert for ${seriesKeyOf(alert)}, or alert ${alert.id} exists.`);
              throw error;
            }
          } else if (s.updateAlert.run(alert.status, alert.severity, doc, alert.id, revision).changes === 0) {
            throw new StoreConflictError('alert', `Alert ${alert.id} changed since revision ${revision} was read.`);
          }
        }
        for (const incident of changes.incidents ?? []) s.putIncident.run(incident.id, incident.modelId, incident.windowId, incident.status, JSON.stringify(incident));
        let queued = 0;
        for (const d of changes.deliveries) {
          queued += s.insertDelivery.run(randomUUID(), d.channelId, d.alertId, d.event, d.idempotencyKey, JSON.stringify(d.notification), d.createdAt, d.createdAt).changes;
        }
        return { deliveries: queued };
      }),
    );
  }

  // Channels

  createChannel(channel: NewChannel): Promise<StoredChannel> {
    return settle(() => {
      const id = randomUUID();
      const doc = channelDoc(id, new Date().toISOString(), channel);
      try {
        this.#s.insertChannel.run(id, channel.name, doc, channel.secrets.secret, channel.secrets.smtpPassword);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError('channel', `A channel named "${channel.name}" already exists.`);
        throw error;
      }
      return toChannel({ doc, secret: channel.secrets.secret, smtp_password: channel.secrets.smtpPassword });
    });
  }

  getChannel(name: string): Promise<StoredChannel | null> {
    return settle(() => {
      const row = this.#s.channel.get(name);
      return row === undefined ? null : toChannel(row);
    });
  }

  getChannelById(id: string): Promise<StoredChannel | null> {
    return settle(() => {
      const row = this.#s.channelById.get(id);
      return row === undefined ? null : toChannel(row);
    });
  }

  listChannels(): Promise<StoredChannel[]> {
    return settle(() => this.#s.listChannels.all().map(toChannel));
  }

  updateChannel(name: string, channel: NewChannel): Promise<StoredChannel | null> {
    return settle(() =>
      this.#immediate(() => {
        const row = this.#s.channel.get(name);
        if (row === undefined) return null;
        const stored = toChannel(row).channel;
        const doc = channelDoc(stored.id, stored.createdAt, { ...channel, name });
        this.#s.updateChannel.run(doc, channel.secrets.secret, channel.secrets.smtpPassword, name);
        return toChannel({ doc, secret: channel.secrets.secret, smtp_password: channel.secrets.smtpPassword });
      }),
    );
  }

  deleteChannel(name: string): Promise<boolean> {
    return settle(() =>
      this.#immediate(() => {
        const id = this.#s.channelId.get(name);
        if (id === undefined) return false;
        this.#s.abandonChannelDeliveries.run(id);
        this.#s.deleteChannel.run(id);
        return true;
      }),
    );
  }

  // Deliveries

  listDeliveries(alertId: string): Promise<Delivery[]> {
    return settle(() => this.#s.alertDeliveries.all(alertId).map(toDelivery));
  }

  countPendingDeliveries(): Promise<number> {
    return settle(() => this.#s.countPendingDeliveries.get() ?? 0);
  }

  claimDueDeliveries(now: number, limit: number, worker: string, leaseMs: number): Promise<Delivery[]> {
    return settle(() => {
      if (limit <= 0) return [];
      const rows = this.#immediate(() => this.#s.claimDeliveries.all({ now, limit, worker, until: now + leaseMs }) as (DeliveryRow & { key: number })[]);
      return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.key - b.key).map(toDelivery);
    });
  }

  completeDelivery(id: string, worker: string, outcome: DeliveryOutcome): Promise<boolean> {
    return settle(
      () => this.#s.completeDelivery.run({ id, worker, status: outcome.status, at: outcome.at, error: outcome.error, attempts: outcome.attempted ? 1 : 0 }).changes > 0,
    );
  }

  rescheduleDelivery(id: string, worker: string, nextAttemptAt: number, error: string): Promise<boolean> {
    return settle(() => this.#s.rescheduleDelivery.run({ id, worker, next: nextAttemptAt, error, attempts: 1 }).changes > 0);
  }

  deferDelivery(id: string, worker: string, nextAttemptAt: number): Promise<boolean> {
    return settle(() => this.#s.rescheduleDelivery.run({ id, worker, next: nextAttemptAt, error: null, attempts: 0 }).changes > 0);
  }
}
