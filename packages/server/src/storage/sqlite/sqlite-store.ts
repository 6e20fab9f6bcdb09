/**
 * The embedded Store: one SQLite file through better-sqlite3. Its API is synchronous; every method runs its
 * statements at once and returns a settled promise, so a call's writes are committed before the caller resumes.
 * Write transactions are IMMEDIATE: they take the write lock up front, so another process on the same file waits
 * (busy_timeout) instead of failing when a read would upgrade to a write.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { timeWindowTiming } from '@bothub/core';
import type { MetricPoint, Model, ValidLabel, ValidRecord, Version, Window, WindowSpec } from '@bothub/core';
import { groupByTimeWindow } from '../group-by-time-window.js';
import type { DeletedMetrics, DeletedRecords, IngestStatus, MetricQuery, NewModel, NewVersion, RecordCursor, RecordRange, Store, StoredRecord, WindowEvaluation, WindowPage } from '../store.js';
import { StoreConflictError, StoreNotFoundError } from '../store-errors.js';
import { modelSpec, sameWindow } from '../model-spec.js';
import type { ModelSpec } from '../model-spec.js';
import { GroupCommit } from './group-commit.js';
import { applySqliteMigrations } from './apply-sqlite-migrations.js';
import { retainNativeHandles } from './retain-native-handles.js';
import { isUniqueViolation } from './is-unique-violation.js';
import { settle } from './settle.js';
import { SqliteAlertStore } from './sqlite-alert-store.js';
import { SqliteArtifactStore } from './sqlite-artifact-store.js';
import type { KeyRing } from '../../security/index.js';
import { processKeyRing, sealChannelSecrets } from '../seal-channel-secrets.js';
import type { ChannelSecretSealing } from '../seal-channel-secrets.js';
import { SqliteAuditStore } from './sqlite-audit-store.js';
import { SqliteAuthStore } from './sqlite-auth-store.js';

/** Where the database lives: a data directory (the file is `<dataDir>/bothub.sqlite`) or an explicit file. */
export type SqliteStoreOptions = ({ readonly dataDir: string } | { readonly file: string }) & {
  /** Seals channel secrets at rest; default a key generated for this process (the service passes its configured ring). */
  readonly keyRing?: KeyRing;
};

/** The file name inside the data directory. */
export const SQLITE_FILE_NAME = 'bothub.sqlite';

/** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

type Json = string;
/** The named parameters of the retention statements. */
interface RetentionParams {
  model: number;
  time: number;
  limit: number;
}
type Scalar = number | string | boolean | null;

interface ModelRow {
  key: number;
  id: string;
  project: string;
  name: string;
  spec: Json;
  created_at: string;
}

interface VersionRow {
  key: number;
  id: string;
  model_id: string;
  version: string;
  metadata: Json;
  reference_rows: number | null;
  reference_built_at: string | null;
  created_at: string;
}

interface WindowRow {
  key: number;
  id: string;
  model_id: string;
  version_key: number;
  version_id: string;
  segment: string | null;
  kind: 'count' | 'time';
  start_seq: number;
  end_seq: number;
  start_time: number;
  end_time: number;
  count: number;
  labelled: number;
  status: 'pending' | 'evaluated';
  closed_at: number;
  evaluated_at: number | null;
}

interface RecordRow {
  seq: number;
  record_id: string;
  segment: string | null;
  ts: number;
  received_at: number;
  prediction: Json;
  score: number | null;
  features: Json;
  label: Json | null;
}

interface PointRow {
  window_id: string;
  version_id: string;
  segment: string | null;
  time: number;
  metric: string;
  feature: string | null;
  value: number | null;
  p_value: number | null;
  threshold: number | null;
  status: MetricPoint['status'];
}

interface CounterRow {
  count: number;
  open_start_seq: number | null;
  open_min_ts: number | null;
  open_max_ts: number | null;
}

/** A window counter while a batch advances it. */
interface Counter {
  readonly versionKey: number;
  readonly versionId: string;
  /** '' for all segments, ':' + segment for one segment (a segment may itself be ''). */
  readonly segmentKey: string;
  readonly segment: string | null;
  count: number;
  openStartSeq: number | null;
  openMinTs: number | null;
  openMaxTs: number | null;
}

interface ClosedWindow {
  readonly counter: Counter;
  readonly startSeq: number;
  readonly endSeq: number;
  readonly startTime: number;
  readonly endTime: number;
  readonly count: number;
}

interface VersionKey {
  readonly key: number;
  readonly modelKey: number;
}

/** An open time window that is due, with the ids its `windows` row needs. */
interface DueTimeWindowRow {
  version_key: number;
  segment_key: string;
  start_time: number;
  model_key: number;
  model_id: string;
  version_id: string;
  segment: string | null;
  end_time: number;
  count: number;
  min_seq: number;
  max_seq: number;
}

/** The key of a window series in `window_counters` and `open_time_windows`: '' for all segments, ':' + segment for one. */
function segmentKeyOf(segment: string | null): string {
  return segment === null ? '' : `:${segment}`;
}

const WINDOW_COLUMNS =
  'key, id, model_id, version_key, version_id, segment, kind, start_seq, end_seq, start_time, end_time, count, labelled, status, closed_at, evaluated_at';
const POINT_COLUMNS = 'window_id, version_id, segment, time, metric, feature, value, p_value, threshold, status';
/** A window's records with their labels; each statement adds its WHERE. */
const LOAD_RECORDS =
  'SELECT r.seq, r.record_id, r.segment, r.ts, r.received_at, r.prediction, r.score, r.features, l.label FROM records r LEFT JOIN labels l ON l.model_key = r.model_key AND l.record_id = r.record_id';

function prepareStatements(db: Database.Database) {
  return {
    ping: db.prepare('SELECT 1'),
    countPendingWindows: db.prepare<[], number>("SELECT count(*) FROM windows WHERE status = 'pending'").pluck(),
    insertModel: db.prepare('INSERT INTO models (id, project, name, spec, created_at) VALUES (?, ?, ?, ?, ?)'),
    modelByName: db.prepare<[string, string], ModelRow>('SELECT * FROM models WHERE project = ? AND name = ?'),
    modelKey: db.prepare<[string], number>('SELECT key FROM models WHERE id = ?').pluck(),
    listModels: db.prepare<[], ModelRow>('SELECT * FROM models ORDER BY project, name'),
    updateModel: db.prepare<[string, string]>('UPDATE models SET spec = ? WHERE id = ?'),
    modelSpecById: db.prepare<[string], string>('SELECT spec FROM models WHERE id = ?').pluck(),
    resetCountWindows: db.prepare<[string]>('DELETE FROM window_counters WHERE version_key IN (SELECT v.key FROM versions v JOIN models m ON m.key = v.model_key WHERE m.id = ?)'),
    countRecordsSince: db.prepare<[string, number], number>('SELECT count(*) FROM records WHERE model_key = (SELECT key FROM models WHERE id = ?) AND ts >= ?').pluck(),
    listProjectModels: db.prepare<[string], ModelRow>('SELECT * FROM models WHERE project = ? ORDER BY name'),
    insertVersion: db.prepare('INSERT INTO versions (id, model_key, version, metadata, created_at) VALUES (?, ?, ?, ?, ?)'),
    versionKey: db.prepare<[string], VersionKey>('SELECT key, model_key AS modelKey FROM versions WHERE id = ?'),
    versionByName: db.prepare<[string, string], VersionRow>(
      'SELECT v.*, m.id AS model_id FROM versions v JOIN models m ON m.key = v.model_key WHERE m.id = ? AND v.version = ?',
    ),
    versionById: db.prepare<[string], VersionRow>('SELECT v.*, m.id AS model_id FROM versions v JOIN models m ON m.key = v.model_key WHERE v.id = ?'),
    versionByAlias: db.prepare<[string, string], VersionRow>(
      'SELECT v.*, m.id AS model_id FROM aliases a JOIN models m ON m.key = a.model_key JOIN versions v ON v.key = a.version_key WHERE m.id = ? AND a.alias = ?',
    ),
    listVersions: db.prepare<[string], VersionRow>(
      'SELECT v.*, m.id AS model_id FROM versions v JOIN models m ON m.key = v.model_key WHERE m.id = ? ORDER BY v.key',
    ),
    versionAliases: db.prepare<[string], string>('SELECT a.alias FROM aliases a JOIN versions v ON v.key = a.version_key WHERE v.id = ? ORDER BY a.alias').pluck(),
    modelAliases: db.prepare<[string], { version_id: string; alias: string }>(
      'SELECT v.id AS version_id, a.alias FROM aliases a JOIN versions v ON v.key = a.version_key JOIN models m ON m.key = a.model_key WHERE m.id = ? ORDER BY a.alias',
    ),
    setAlias: db.prepare(
      'INSERT INTO aliases (model_key, alias, version_key) VALUES (?, ?, ?) ON CONFLICT (model_key, alias) DO UPDATE SET version_key = excluded.version_key',
    ),
    putProfile: db.prepare('INSERT INTO reference_profiles (version_key, profile) VALUES (?, ?) ON CONFLICT (version_key) DO UPDATE SET profile = excluded.profile'),
    setReference: db.prepare('UPDATE versions SET reference_rows = ?, reference_built_at = ? WHERE key = ?'),
    getProfile: db.prepare<[string], Buffer>('SELECT p.profile FROM reference_profiles p JOIN versions v ON v.key = p.version_key WHERE v.id = ?').pluck(),

    insertRecord: db.prepare(
      'INSERT INTO records (model_key, record_id, version_key, segment, ts, received_at, prediction, score, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_key, record_id) DO NOTHING',
    ),
    insertLabel: db.prepare('INSERT INTO labels (model_key, record_id, label, ts) VALUES (?, ?, ?, ?) ON CONFLICT (model_key, record_id) DO NOTHING'),
    getCounter: db.prepare<[number, string], CounterRow>('SELECT count, open_start_seq, open_min_ts, open_max_ts FROM window_counters WHERE version_key = ? AND segment_key = ?'),
    putCounter: db.prepare(
      'INSERT INTO window_counters (version_key, segment_key, count, open_start_seq, open_min_ts, open_max_ts) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (version_key, segment_key) DO UPDATE SET count = excluded.count, open_start_seq = excluded.open_start_seq, open_min_ts = excluded.open_min_ts, open_max_ts = excluded.open_max_ts',
    ),
    tailAll: db.prepare<[number, number, number], { seq: number; ts: number }>('SELECT seq, ts FROM records WHERE version_key = ? AND seq <= ? ORDER BY seq DESC LIMIT ?'),
    tailSegment: db.prepare<[number, string, number, number], { seq: number; ts: number }>(
      'SELECT seq, ts FROM records WHERE version_key = ? AND segment = ? AND seq <= ? ORDER BY seq DESC LIMIT ?',
    ),
    insertWindow: db.prepare<[string, number, string, number, string, string | null, Window['kind'], number, number, number, number, number, number]>(
      'INSERT INTO windows (id, model_key, model_id, version_key, version_id, segment, kind, start_seq, end_seq, start_time, end_time, count, status, closed_at) ' +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
    ),
    recordPosition: db.prepare<[number, string], { seq: number; ts: number; version_key: number; segment: string | null }>(
      'SELECT seq, ts, version_key, segment FROM records WHERE model_key = ? AND record_id = ?',
    ),
    reopenWindows: db.prepare(
      "UPDATE windows SET status = 'pending', revision = revision + 1 WHERE kind = 'count' AND version_key = ? AND end_seq >= ? AND start_seq <= ? AND (segment IS NULL OR segment = ?)",
    ),
    // The windows holding a record at ts start in (ts - size, ts]; the segment expression is windows_time_start's.
    reopenTimeWindows: db.prepare<[number, string, number, number]>(
      "UPDATE windows SET status = 'pending', revision = revision + 1 WHERE kind = 'time' AND version_key = ? AND COALESCE(':' || segment, '') IN ('', ?) AND start_time > ? AND start_time <= ?",
    ),
    closedTimeWindow: db.prepare<[number, string, number], number>(
      "SELECT key FROM windows WHERE kind = 'time' AND version_key = ? AND COALESCE(':' || segment, '') = ? AND start_time = ?",
    ).pluck(),
    addLateRecords: db.prepare<[number, number, number, number]>(
      "UPDATE windows SET count = count + ?, start_seq = min(start_seq, ?), end_seq = max(end_seq, ?), status = 'pending', revision = revision + 1 WHERE key = ?",
    ),
    addToOpenTimeWindow: db.prepare<[number, string, number, number, string | null, number, number, number, number, number]>(
      'INSERT INTO open_time_windows (version_key, segment_key, start_time, model_key, segment, end_time, close_at, count, min_seq, max_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (version_key, segment_key, start_time) DO UPDATE SET count = count + excluded.count, min_seq = min(min_seq, excluded.min_seq), max_seq = max(max_seq, excluded.max_seq)',
    ),
    dueTimeWindows: db.prepare<[number, number], DueTimeWindowRow>(
      'SELECT o.version_key, o.segment_key, o.start_time, o.model_key, m.id AS model_id, v.id AS version_id, o.segment, o.end_time, o.count, o.min_seq, o.max_seq ' +
        'FROM open_time_windows o JOIN versions v ON v.key = o.version_key JOIN models m ON m.key = o.model_key ' +
        'WHERE o.close_at <= ? ORDER BY o.close_at, o.version_key, o.segment_key, o.start_time LIMIT ?',
    ),
    deleteOpenTimeWindow: db.prepare<[number, string, number]>('DELETE FROM open_time_windows WHERE version_key = ? AND segment_key = ? AND start_time = ?'),

    claimWindows: db.prepare<[string, number, number, number], WindowRow>(
      `UPDATE windows SET lease_owner = ?, lease_until = ?, claim_revision = revision WHERE key IN (
         SELECT key FROM windows WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= ?) ORDER BY key LIMIT ?
       ) RETURNING ${WINDOW_COLUMNS}`,
    ),
    windowLease: db.prepare<[string], { key: number; model_key: number; lease_owner: string | null; revision: number; claim_revision: number | null }>(
      'SELECT key, model_key, lease_owner, revision, claim_revision FROM windows WHERE id = ?',
    ),
    deleteWindowPoints: db.prepare('DELETE FROM metric_points WHERE window_key = ?'),
    insertPoint: db.prepare(
      'INSERT INTO metric_points (model_key, window_key, window_id, version_id, segment, time, metric, feature, value, p_value, threshold, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    completeWindow: db.prepare(
      'UPDATE windows SET results = ?, labelled = ?, evaluated_at = ?, status = ?, lease_owner = NULL, lease_until = NULL, claim_revision = NULL WHERE key = ?',
    ),
    loadAll: db.prepare<[number, number, number], RecordRow>(`${LOAD_RECORDS} WHERE r.version_key = ? AND r.seq BETWEEN ? AND ? ORDER BY r.seq`),
    loadSegment: db.prepare<[number, string, number, number], RecordRow>(`${LOAD_RECORDS} WHERE r.version_key = ? AND r.segment = ? AND r.seq BETWEEN ? AND ? ORDER BY r.seq`),
    // A time window's records lie in its seq range (its smallest and largest seq): the seq indexes find them, the
    // timestamp bounds drop the other windows' records in between. (Timestamp indexes would cost every ingestion.)
    loadTimeAll: db.prepare<[number, number, number, number, number], RecordRow>(
      `${LOAD_RECORDS} WHERE r.version_key = ? AND r.seq BETWEEN ? AND ? AND r.ts >= ? AND r.ts < ? ORDER BY r.seq`,
    ),
    loadTimeSegment: db.prepare<[number, string, number, number, number, number], RecordRow>(
      `${LOAD_RECORDS} WHERE r.version_key = ? AND r.segment = ? AND r.seq BETWEEN ? AND ? AND r.ts >= ? AND r.ts < ? ORDER BY r.seq`,
    ),
    rangePage: db.prepare<[number, number, number, number, number, number], RecordRow>(
      `${LOAD_RECORDS} WHERE r.version_key = ? AND r.ts BETWEEN ? AND ? AND (r.ts, r.seq) > (?, ?) ORDER BY r.ts, r.seq LIMIT ?`,
    ),
    rangeSegmentPage: db.prepare<[number, string, number, number, number, number, number], RecordRow>(
      `${LOAD_RECORDS} WHERE r.version_key = ? AND r.segment = ? AND r.ts BETWEEN ? AND ? AND (r.ts, r.seq) > (?, ?) ORDER BY r.ts, r.seq LIMIT ?`,
    ),

    listWindows: db.prepare<[string, number], WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM windows WHERE model_key = (SELECT key FROM models WHERE id = ?) ORDER BY key DESC LIMIT ?`,
    ),
    listWindowsBefore: db.prepare<[string, string, number], WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM windows WHERE model_key = (SELECT key FROM models WHERE id = ?) AND key < (SELECT key FROM windows WHERE id = ?) ORDER BY key DESC LIMIT ?`,
    ),
    getWindow: db.prepare<[string, string], WindowRow & { results: Json | null }>(`SELECT ${WINDOW_COLUMNS}, results FROM windows WHERE model_id = ? AND id = ?`),
    windowPoints: db.prepare<[number], PointRow>(`SELECT ${POINT_COLUMNS} FROM metric_points WHERE window_key = ? ORDER BY rowid`),
    // The newest record of each version by seq (records_version_seq), not a scan of the model's records.
    lastRecordAt: db.prepare<[string], number | null>(
      'SELECT max((SELECT r.received_at FROM records r WHERE r.version_key = v.key ORDER BY r.seq DESC LIMIT 1)) FROM versions v JOIN models m ON m.key = v.model_key WHERE m.id = ?',
    ).pluck(),
    lastVersionRecordAt: db.prepare<[string], number | null>(
      'SELECT (SELECT r.received_at FROM records r WHERE r.version_key = v.key ORDER BY r.seq DESC LIMIT 1) FROM versions v WHERE v.id = ?',
    ).pluck(),
    latestMetrics: db.prepare<[string], PointRow>(
      // SQLite returns the other columns of the row holding MAX(time) when the aggregate is a bare MAX().
      `SELECT ${POINT_COLUMNS}, MAX(time) AS latest FROM metric_points WHERE model_key = (SELECT key FROM models WHERE id = ?) AND segment IS NULL GROUP BY metric, feature`,
    ),

    // Retention deletes a chunk of at most @limit rows (-1: no limit), oldest first; the two statements of a records
    // chunk pick the same rows because they run in one IMMEDIATE transaction.
    deleteLabelsOfRecords: db.prepare<RetentionParams>(
      'DELETE FROM labels WHERE model_key = @model AND record_id IN (SELECT record_id FROM records WHERE model_key = @model AND ts < @time ORDER BY ts, seq LIMIT @limit)',
    ),
    deleteRecords: db.prepare<RetentionParams>('DELETE FROM records WHERE seq IN (SELECT seq FROM records WHERE model_key = @model AND ts < @time ORDER BY ts, seq LIMIT @limit)'),
    deleteOrphanLabels: db.prepare<RetentionParams>(
      'DELETE FROM labels WHERE model_key = @model AND record_id IN (SELECT l.record_id FROM labels l WHERE l.model_key = @model AND l.ts < @time ' +
        'AND NOT EXISTS (SELECT 1 FROM records r WHERE r.model_key = l.model_key AND r.record_id = l.record_id) ORDER BY l.ts LIMIT @limit)',
    ),
    deletePoints: db.prepare<RetentionParams>('DELETE FROM metric_points WHERE rowid IN (SELECT rowid FROM metric_points WHERE model_key = @model AND time < @time ORDER BY time LIMIT @limit)'),
    deleteWindows: db.prepare<RetentionParams>(
      "DELETE FROM windows WHERE key IN (SELECT w.key FROM windows w WHERE w.model_key = @model AND w.status = 'evaluated' AND w.end_time < @time " +
        'AND NOT EXISTS (SELECT 1 FROM metric_points p WHERE p.window_key = w.key) ORDER BY w.end_time LIMIT @limit)',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

function toModel(row: ModelRow): Model {
  const spec = JSON.parse(row.spec) as Omit<NewModel, 'project' | 'name'>;
  return { ...spec, id: row.id, project: row.project, name: row.name, createdAt: row.created_at };
}

function toVersion(row: VersionRow, aliases: string[]): Version {
  return {
    id: row.id,
    modelId: row.model_id,
    version: row.version,
    aliases,
    metadata: JSON.parse(row.metadata) as Version['metadata'],
    reference: row.reference_rows === null || row.reference_built_at === null ? null : { rows: row.reference_rows, builtAt: row.reference_built_at },
    createdAt: row.created_at,
  };
}

function toWindow(row: WindowRow): Window {
  return {
    id: row.id,
    modelId: row.model_id,
    versionId: row.version_id,
    segment: row.segment,
    kind: row.kind,
    startSeq: row.start_seq,
    endSeq: row.end_seq,
    startTime: row.start_time,
    endTime: row.end_time,
    count: row.count,
    labelled: row.labelled,
    status: row.status,
    closedAt: row.closed_at,
    evaluatedAt: row.evaluated_at,
  };
}

function toStoredRecord(row: RecordRow, versionId: string): StoredRecord {
  return {
    id: row.record_id,
    versionId,
    timestamp: row.ts,
    features: JSON.parse(row.features) as ValidRecord['features'],
    prediction: JSON.parse(row.prediction) as Scalar,
    score: row.score,
    label: row.label === null ? null : (JSON.parse(row.label) as Scalar),
    segment: row.segment,
    seq: row.seq,
    receivedAt: row.received_at,
  };
}

function toPoint(modelId: string, row: PointRow): MetricPoint {
  return {
    modelId,
    versionId: row.version_id,
    segment: row.segment,
    windowId: row.window_id,
    time: row.time,
    metric: row.metric,
    feature: row.feature,
    value: row.value,
    pValue: row.p_value,
    threshold: row.threshold,
    status: row.status,
  };
}

/**
 * The SQLite implementation of the Store port. Open it with `openSqliteStore`.
 *
 * @example
 * const store = new SqliteStore(new Database('bothub.sqlite'));
 * await store.migrate();
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  #statements: Statements | null = null;
  /** Keys never change once assigned, so these caches need no invalidation. */
  readonly #modelKeys = new Map<string, number>();
  readonly #versionKeys = new Map<string, VersionKey>();
  readonly #ingest: GroupCommit<{ model: Model; records: readonly ValidRecord[] }, IngestStatus[]>;
  readonly #ingestLabels: (modelKey: number, window: WindowSpec, labels: readonly ValidLabel[]) => IngestStatus[];
  readonly alerts: SqliteAlertStore & ChannelSecretSealing;
  readonly artifacts: SqliteArtifactStore;
  readonly audit: SqliteAuditStore;
  readonly auth: SqliteAuthStore;

  constructor(db: Database.Database, options: { readonly keyRing?: KeyRing } = {}) {
    this.#db = db;
    this.alerts = sealChannelSecrets(new SqliteAlertStore(db), options.keyRing ?? processKeyRing());
    this.artifacts = new SqliteArtifactStore(db);
    this.audit = new SqliteAuditStore(db);
    this.auth = new SqliteAuthStore(db);
    // Concurrent prediction batches share a transaction (one fsync): see group-commit.ts.
    const ingest = db.transaction((batches: readonly { model: Model; records: readonly ValidRecord[] }[]) => batches.map(({ model, records }) => this.#ingestBatch(model, records)));
    this.#ingest = new GroupCommit(
      (batches) => ingest.immediate(batches),
      (batch) => ingest.immediate([batch])[0]!,
    );
    const ingestLabels = db.transaction((modelKey: number, window: WindowSpec, labels: readonly ValidLabel[]) => this.#ingestLabelBatch(modelKey, window, labels));
    this.#ingestLabels = (modelKey, window, labels) => ingestLabels.immediate(modelKey, window, labels);
  }

  /** The open database, for adapter-specific tests and maintenance. */
  get database(): Database.Database {
    return this.#db;
  }

  get #s(): Statements {
    this.#statements ??= prepareStatements(this.#db);
    return this.#statements;
  }

  async migrate(): Promise<void> {
    await settle(() => {
      applySqliteMigrations(this.#db);
    });
    // Channel secrets written before encryption (or under a retired key) are sealed under the current key.
    await this.alerts.resealChannels();
  }

  close(): Promise<void> {
    return settle(() => {
      if (!this.#db.open) return;
      this.#ingest.flush();
      this.#db.close();
    });
  }

  ping(): Promise<void> {
    return settle(() => {
      this.#s.ping.get();
    });
  }

  #immediate<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  #modelKey(modelId: string): number | undefined {
    let key = this.#modelKeys.get(modelId);
    if (key === undefined) {
      key = this.#s.modelKey.get(modelId);
      if (key !== undefined) this.#modelKeys.set(modelId, key);
    }
    return key;
  }

  #requireModelKey(modelId: string): number {
    const key = this.#modelKey(modelId);
    if (key === undefined) throw new StoreNotFoundError('model', `No model with id ${modelId}.`);
    return key;
  }

  #versionKey(versionId: string): VersionKey | undefined {
    let key = this.#versionKeys.get(versionId);
    if (key === undefined) {
      key = this.#s.versionKey.get(versionId);
      if (key !== undefined) this.#versionKeys.set(versionId, key);
    }
    return key;
  }

  #requireVersionOf(modelKey: number, versionId: string): VersionKey {
    const key = this.#versionKey(versionId);
    if (key?.modelKey !== modelKey) throw new StoreNotFoundError('version', `No version with id ${versionId} in this model.`);
    return key;
  }

  // Registry

  createModel(model: NewModel): Promise<Model> {
    return settle(() => {
      const { project, name } = model;
      const spec = modelSpec(model);
      const created: Model = { ...spec, id: randomUUID(), project, name, createdAt: new Date().toISOString() };
      try {
        this.#s.insertModel.run(created.id, project, name, JSON.stringify(spec), created.createdAt);
      } catch (error) {
        if (isUniqueViolation(error)) throw new StoreConflictError('model', `A model named "${name}" already exists in project "${project}".`);
        throw error;
      }
      return created;
    });
  }

  updateModel(model: Model): Promise<Model> {
    return settle(() => {
      // Batches queued before the change commit with the settings they were sent under.
      this.#ingest.flush();
      return this.#immediate(() => {
        const stored = this.#s.modelSpecById.get(model.id);
        if (stored === undefined) throw new StoreNotFoundError('model', `No model with id ${model.id}.`);
        const spec = modelSpec(model);
        this.#s.updateModel.run(JSON.stringify(spec), model.id);
        if (!sameWindow((JSON.parse(stored) as ModelSpec).window, spec.window)) this.#s.resetCountWindows.run(model.id);
        return { ...spec, id: model.id, project: model.project, name: model.name, createdAt: model.createdAt };
      });
    });
  }

  getModel(project: string, name: string): Promise<Model | null> {
    return settle(() => {
      const row = this.#s.modelByName.get(project, name);
      return row ? toModel(row) : null;
    });
  }

  listModels(project?: string): Promise<Model[]> {
    return settle(() => (project === undefined ? this.#s.listModels.all() : this.#s.listProjectModels.all(project)).map(toModel));
  }

  createVersion(version: NewVersion, aliases: readonly string[]): Promise<Version> {
    return settle(() =>
      this.#immediate(() => {
        const modelKey = this.#requireModelKey(version.modelId);
        const id = randomUUID();
        const createdAt = new Date().toISOString();
        try {
          const { lastInsertRowid } = this.#s.insertVersion.run(id, modelKey, version.version, JSON.stringify(version.metadata), createdAt);
          for (const alias of aliases) this.#s.setAlias.run(modelKey, alias, Number(lastInsertRowid));
        } catch (error) {
          if (isUniqueViolation(error)) throw new StoreConflictError('version', `Version "${version.version}" already exists for this model.`);
          throw error;
        }
        return { id, modelId: version.modelId, version: version.version, aliases: [...new Set(aliases)].sort(), metadata: version.metadata, reference: null, createdAt };
      }),
    );
  }

  #version(row: VersionRow | undefined): Version | null {
    return row ? toVersion(row, this.#s.versionAliases.all(row.id)) : null;
  }

  getVersion(modelId: string, version: string): Promise<Version | null> {
    return settle(() => this.#version(this.#s.versionByName.get(modelId, version)));
  }

  getVersionById(versionId: string): Promise<Version | null> {
    return settle(() => this.#version(this.#s.versionById.get(versionId)));
  }

  listVersions(modelId: string): Promise<Version[]> {
    return settle(() => {
      const aliases = new Map<string, string[]>();
      for (const { version_id, alias } of this.#s.modelAliases.all(modelId)) {
        const list = aliases.get(version_id);
        if (list) list.push(alias);
        else aliases.set(version_id, [alias]);
      }
      return this.#s.listVersions.all(modelId).map((row) => toVersion(row, aliases.get(row.id) ?? []));
    });
  }

  setAlias(modelId: string, alias: string, versionId: string): Promise<void> {
    return settle(() => {
      const modelKey = this.#requireModelKey(modelId);
      const version = this.#requireVersionOf(modelKey, versionId);
      this.#s.setAlias.run(modelKey, alias, version.key);
    });
  }

  resolveAlias(modelId: string, alias: string): Promise<Version | null> {
    return settle(() => this.#version(this.#s.versionByAlias.get(modelId, alias)));
  }

  putReferenceProfile(versionId: string, profile: Uint8Array, rows: number): Promise<void> {
    return settle(() => {
      const version = this.#versionKey(versionId);
      if (!version) throw new StoreNotFoundError('version', `No version with id ${versionId}.`);
      this.#immediate(() => {
        this.#s.putProfile.run(version.key, Buffer.from(profile.buffer, profile.byteOffset, profile.byteLength));
        this.#s.setReference.run(rows, new Date().toISOString(), version.key);
      });
    });
  }

  getReferenceProfile(versionId: string): Promise<Uint8Array | null> {
    return settle(() => this.#s.getProfile.get(versionId) ?? null);
  }

  // Ingestion

  ingestPredictions(model: Model, records: readonly ValidRecord[]): Promise<IngestStatus[]> {
    return records.length === 0 ? Promise.resolve([]) : this.#ingest.submit({ model, records });
  }

  /** Runs inside the batch's transaction: one insert per record, window counters read once per (version, segment). */
  #ingestBatch(model: Model, records: readonly ValidRecord[]): IngestStatus[] {
    const s = this.#s;
    const modelKey = this.#requireModelKey(model.id);
    const receivedAt = Date.now();
    const statuses: IngestStatus[] = new Array<IngestStatus>(records.length);
    const accepted: { record: ValidRecord; seq: number; versionKey: number }[] = [];
    for (let i = 0; i < records.length; i += 1) {
      const record = records[i]!;
      const version = this.#requireVersionOf(modelKey, record.versionId);
      const result = s.insertRecord.run(
        modelKey,
        record.id,
        version.key,
        record.segment,
        record.timestamp,
        receivedAt,
        JSON.stringify(record.prediction),
        record.score,
        JSON.stringify(record.features),
      );
      if (result.changes === 0) {
        statuses[i] = 'duplicate';
        continue;
      }
      statuses[i] = 'accepted';
      if (record.label !== null) s.insertLabel.run(modelKey, record.id, JSON.stringify(record.label), record.timestamp);
      accepted.push({ record, seq: Number(result.lastInsertRowid), versionKey: version.key });
    }
    if (accepted.length > 0) {
      if (model.window.kind === 'count') this.#advanceCountWindows(model, modelKey, accepted, receivedAt);
      else this.#advanceTimeWindows(model, modelKey, accepted);
    }
    return statuses;
  }

  #advanceCountWindows(model: Model, modelKey: number, accepted: readonly { record: ValidRecord; seq: number; versionKey: number }[], closedAt: number): void {
    const s = this.#s;
    const size = model.window.size;
    const slide = model.window.slide ?? size;
    const tumbling = slide === size;
    const counters = new Map<string, Counter>();
    const closed: ClosedWindow[] = [];

    const counterFor = (versionKey: number, versionId: string, segment: string | null): Counter => {
      const segmentKey = segmentKeyOf(segment);
      const mapKey = `${versionKey}\u0000${segmentKey}`;
      let counter = counters.get(mapKey);
      if (!counter) {
        const row = s.getCounter.get(versionKey, segmentKey);
        counter = { versionKey, versionId, segmentKey, segment, count: row?.count ?? 0, openStartSeq: row?.open_start_seq ?? null, openMinTs: row?.open_min_ts ?? null, openMaxTs: row?.open_max_ts ?? null };
        counters.set(mapKey, counter);
      }
      return counter;
    };

    const advance = (counter: Counter, seq: number, ts: number): void => {
      counter.count += 1;
      if (tumbling) {
        if ((counter.count - 1) % size === 0) {
          counter.openStartSeq = seq;
          counter.openMinTs = ts;
          counter.openMaxTs = ts;
        } else {
          counter.openMinTs = Math.min(counter.openMinTs ?? ts, ts);
          counter.openMaxTs = Math.max(counter.openMaxTs ?? ts, ts);
        }
        if (counter.count % size === 0) {
          closed.push({ counter, startSeq: counter.openStartSeq ?? seq, endSeq: seq, startTime: counter.openMinTs, endTime: counter.openMaxTs, count: size });
          counter.openStartSeq = null;
          counter.openMinTs = null;
          counter.openMaxTs = null;
        }
        return;
      }
      if (counter.count >= size && (counter.count - size) % slide === 0) {
        // A sliding window reaches back into earlier batches: read its last `size` records (the batch's own rows are
        // already inserted in this transaction).
        const tail = counter.segment === null ? s.tailAll.all(counter.versionKey, seq, size) : s.tailSegment.all(counter.versionKey, counter.segment, seq, size);
        let startTime = ts;
        let endTime = ts;
        for (const row of tail) {
          startTime = Math.min(startTime, row.ts);
          endTime = Math.max(endTime, row.ts);
        }
        closed.push({ counter, startSeq: tail.at(-1)?.seq ?? seq, endSeq: seq, startTime, endTime, count: tail.length });
      }
    };

    for (const { record, seq, versionKey } of accepted) {
      advance(counterFor(versionKey, record.versionId, null), seq, record.timestamp);
      if (record.segment !== null) advance(counterFor(versionKey, record.versionId, record.segment), seq, record.timestamp);
    }
    for (const c of counters.values()) s.putCounter.run(c.versionKey, c.segmentKey, c.count, c.openStartSeq, c.openMinTs, c.openMaxTs);
    for (const w of closed) {
      s.insertWindow.run(randomUUID(), modelKey, model.id, w.counter.versionKey, w.counter.versionId, w.counter.segment, 'count', w.startSeq, w.endSeq, w.startTime, w.endTime, w.count, closedAt);
    }
  }

  /**
   * Adds the batch to the time windows its records fall in: to the open ones, or to an already closed one, which
   * goes back to `pending` (a late record). The write lock of the transaction keeps the closer out meanwhile.
   */
  #advanceTimeWindows(model: Model, modelKey: number, accepted: readonly { record: ValidRecord; seq: number; versionKey: number }[]): void {
    const s = this.#s;
    for (const w of groupByTimeWindow(accepted, timeWindowTiming(model.window))) {
      const versionKey = this.#requireVersionOf(modelKey, w.versionId).key;
      const segmentKey = segmentKeyOf(w.segment);
      const closed = s.closedTimeWindow.get(versionKey, segmentKey, w.start);
      if (closed === undefined) s.addToOpenTimeWindow.run(versionKey, segmentKey, w.start, modelKey, w.segment, w.end, w.closeAt, w.count, w.minSeq, w.maxSeq);
      else s.addLateRecords.run(w.count, w.minSeq, w.maxSeq, closed);
    }
  }

  ingestLabels(model: Model, labels: readonly ValidLabel[]): Promise<IngestStatus[]> {
    return settle(() => (labels.length === 0 ? [] : this.#ingestLabels(this.#requireModelKey(model.id), model.window, labels)));
  }

  #ingestLabelBatch(modelKey: number, window: WindowSpec, labels: readonly ValidLabel[]): IngestStatus[] {
    const s = this.#s;
    const sizeMs = window.kind === 'time' ? timeWindowTiming(window).sizeMs : 0;
    return labels.map((label) => {
      if (s.insertLabel.run(modelKey, label.id, JSON.stringify(label.label), label.timestamp).changes === 0) return 'duplicate';
      const position = s.recordPosition.get(modelKey, label.id);
      if (!position) return 'accepted';
      if (window.kind === 'count') s.reopenWindows.run(position.version_key, position.seq, position.seq, position.segment);
      else s.reopenTimeWindows.run(position.version_key, segmentKeyOf(position.segment), position.ts - sizeMs, position.ts);
      return 'accepted';
    });
  }

  // Evaluation

  claimPendingWindows(limit: number, worker: string, leaseMs: number): Promise<Window[]> {
    return settle(() => {
      const now = Date.now();
      const rows = this.#immediate(() => this.#s.claimWindows.all(worker, now + leaseMs, now, limit));
      return rows.sort((a, b) => a.key - b.key).map(toWindow);
    });
  }

  closeTimeWindows(now: number, limit: number): Promise<number> {
    return settle(() =>
      this.#immediate(() => {
        const s = this.#s;
        const due = s.dueTimeWindows.all(now, limit);
        for (const w of due) {
          s.deleteOpenTimeWindow.run(w.version_key, w.segment_key, w.start_time);
          s.insertWindow.run(randomUUID(), w.model_key, w.model_id, w.version_key, w.version_id, w.segment, 'time', w.min_seq, w.max_seq, w.start_time, w.end_time, w.count, now);
        }
        return due.length;
      }),
    );
  }

  loadWindowRecords(window: Window): Promise<StoredRecord[]> {
    return settle(() => {
      const version = this.#versionKey(window.versionId);
      if (!version) return [];
      const s = this.#s;
      const { startSeq, endSeq, startTime, endTime } = window;
      let rows: RecordRow[];
      if (window.segment === null) rows = window.kind === 'count' ? s.loadAll.all(version.key, startSeq, endSeq) : s.loadTimeAll.all(version.key, startSeq, endSeq, startTime, endTime);
      else if (window.kind === 'count') rows = s.loadSegment.all(version.key, window.segment, startSeq, endSeq);
      else rows = s.loadTimeSegment.all(version.key, window.segment, startSeq, endSeq, startTime, endTime);
      return rows.map((row) => toStoredRecord(row, window.versionId));
    });
  }

  listRecordsInRange(range: RecordRange, limit: number, after?: RecordCursor): Promise<StoredRecord[]> {
    return settle(() => {
      const version = this.#versionKey(range.versionId);
      if (!version) return [];
      // The first page starts before every record of the range: seq is never negative.
      const [afterTs, afterSeq] = after === undefined ? [range.from, -1] : [after.timestamp, after.seq];
      const rows =
        range.segment === undefined
          ? this.#s.rangePage.all(version.key, range.from, range.to, afterTs, afterSeq, limit)
          : this.#s.rangeSegmentPage.all(version.key, range.segment, range.from, range.to, afterTs, afterSeq, limit);
      return rows.map((row) => toStoredRecord(row, range.versionId));
    });
  }

  completeWindow(windowId: string, worker: string, evaluation: WindowEvaluation): Promise<boolean> {
    return settle(() =>
      this.#immediate(() => {
        const s = this.#s;
        const lease = s.windowLease.get(windowId);
        if (lease?.lease_owner !== worker) return false;
        s.deleteWindowPoints.run(lease.key);
        for (const p of evaluation.points) {
          s.insertPoint.run(lease.model_key, lease.key, windowId, p.versionId, p.segment, p.time, p.metric, p.feature, p.value, p.pValue, p.threshold, p.status);
        }
        // A label accepted during the evaluation bumped the revision: keep the window pending so it is evaluated again.
        const status = lease.revision === lease.claim_revision ? 'evaluated' : 'pending';
        s.completeWindow.run(JSON.stringify(evaluation.results ?? null), evaluation.labelled, Date.now(), status, lease.key);
        return true;
      }),
    );
  }

  // Queries

  listWindows(modelId: string, options: { limit: number; before?: string }): Promise<WindowPage> {
    return settle(() => {
      const limit = Math.max(0, Math.floor(options.limit));
      const rows = options.before === undefined ? this.#s.listWindows.all(modelId, limit + 1) : this.#s.listWindowsBefore.all(modelId, options.before, limit + 1);
      const windows = rows.slice(0, limit).map(toWindow);
      return { windows, next: rows.length > limit ? (windows.at(-1)?.id ?? null) : null };
    });
  }

  getWindow(modelId: string, windowId: string): Promise<{ window: Window; results: unknown; points: MetricPoint[] } | null> {
    return settle(() => {
      const row = this.#s.getWindow.get(modelId, windowId);
      if (!row) return null;
      return {
        window: toWindow(row),
        results: row.results === null ? null : (JSON.parse(row.results) as unknown),
        points: this.#s.windowPoints.all(row.key).map((p) => toPoint(modelId, p)),
      };
    });
  }

  readonly #metricQueries = new Map<string, Database.Statement<unknown[], PointRow>>();

  queryMetrics(modelId: string, query: MetricQuery): Promise<MetricPoint[]> {
    return settle(() => {
      const modelKey = this.#modelKey(modelId);
      if (modelKey === undefined) return [];
      const where = ['model_key = ?'];
      const params: unknown[] = [modelKey];
      if (query.metric !== undefined) {
        where.push('metric = ?');
        params.push(query.metric);
      }
      if (query.feature === null) where.push('feature IS NULL');
      else if (query.feature !== undefined) {
        where.push('feature = ?');
        params.push(query.feature);
      }
      if (query.withValue === true) where.push('value IS NOT NULL');
      if (query.segment === null) where.push('segment IS NULL');
      else if (query.segment !== undefined) {
        where.push('segment = ?');
        params.push(query.segment);
      }
      if (query.versionId !== undefined) {
        where.push('version_id = ?');
        params.push(query.versionId);
      }
      if (query.from !== undefined) {
        where.push('time >= ?');
        params.push(query.from);
      }
      if (query.to !== undefined) {
        where.push('time <= ?');
        params.push(query.to);
      }
      params.push(query.latest ?? query.limit ?? -1);
      const filtered = `SELECT ${POINT_COLUMNS}, rowid AS point_key FROM metric_points WHERE ${where.join(' AND ')}`;
      const sql =
        query.latest === undefined
          ? `${filtered} ORDER BY time, rowid LIMIT ?`
          : `SELECT * FROM (${filtered} ORDER BY time DESC, rowid DESC LIMIT ?) ORDER BY time, point_key`;
      let statement = this.#metricQueries.get(sql);
      if (!statement) {
        statement = this.#db.prepare<unknown[], PointRow>(sql);
        this.#metricQueries.set(sql, statement);
      }
      return statement.all(...params).map((row) => toPoint(modelId, row));
    });
  }

  latestMetrics(modelId: string): Promise<MetricPoint[]> {
    return settle(() => this.#s.latestMetrics.all(modelId).map((row) => toPoint(modelId, row)));
  }

  lastRecordAt(modelId: string, versionId?: string): Promise<number | null> {
    return settle(() => (versionId === undefined ? this.#s.lastRecordAt.get(modelId) : this.#s.lastVersionRecordAt.get(versionId)) ?? null);
  }

  countPendingWindows(): Promise<number> {
    return settle(() => this.#s.countPendingWindows.get() ?? 0);
  }

  countRecordsSince(modelId: string, since: number): Promise<number> {
    return settle(() => this.#s.countRecordsSince.get(modelId, since) ?? 0);
  }

  // Retention

  deleteRecordsBefore(modelId: string, time: number, limit?: number): Promise<DeletedRecords> {
    return settle(() => {
      const model = this.#modelKey(modelId);
      if (model === undefined) return { records: 0, labels: 0 };
      const params = { model, time, limit: limit ?? -1 };
      return this.#immediate(() => {
        const ofRecords = this.#s.deleteLabelsOfRecords.run(params).changes;
        const records = this.#s.deleteRecords.run(params).changes;
        const orphans = this.#s.deleteOrphanLabels.run(params).changes;
        return { records, labels: ofRecords + orphans };
      });
    });
  }

  deleteMetricsBefore(modelId: string, time: number, limit?: number): Promise<DeletedMetrics> {
    return settle(() => {
      const model = this.#modelKey(modelId);
      if (model === undefined) return { points: 0, windows: 0 };
      const params = { model, time, limit: limit ?? -1 };
      return this.#immediate(() => {
        const points = this.#s.deletePoints.run(params).changes;
        const windows = this.#s.deleteWindows.run(params).changes;
        return { points, windows };
      });
    });
  }
}

/**
 * Opens (creating if needed) the SQLite database and applies the durability settings; call `migrate()` next.
 *
 * @example
 * const store = await openSqliteStore({ dataDir: './bothub-data' });
 * await store.migrate();
 */
export function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  return settle(() => {
    const file = 'file' in options ? options.file : join(options.dataDir, SQLITE_FILE_NAME);
    mkdirSync(dirname(file), { recursive: true });
    const db = retainNativeHandles(new Database(file));
    try {
      // exec, not pragma(): pragma() prepares a statement that becomes garbage at once (see retain-native-handles.ts).
      db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.exec('PRAGMA journal_mode = WAL');
      // FULL syncs the WAL on every commit: an acknowledged batch survives power loss (NORMAL would not, in WAL mode).
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db, options.keyRing === undefined ? {} : { keyRing: options.keyRing });
  });
}
