import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { timeWindowTiming } from '@bothub/core';
import type { MetricPoint, Model, ValidLabel, ValidRecord, Version, Window } from '@bothub/core';
import { groupByTimeWindow } from '../group-by-time-window.js';
import { mergeConcurrentBatches } from '../merge-concurrent-batches.js';
import type { DeletedMetrics, DeletedRecords, IngestStatus, MetricQuery, NewModel, NewVersion, RecordCursor, RecordRange, Store, StoredRecord, WindowEvaluation, WindowPage } from '../store.js';
import { StoreConflictError, StoreNotFoundError } from '../store-errors.js';
import { modelSpec, sameWindow } from '../model-spec.js';
import { migratePostgres } from './migrate-postgres.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { FOREIGN_KEY_VIOLATION, pgErrorCode as pgCode, UNIQUE_VIOLATION } from './pg-error-code.js';
import { PostgresAlertStore } from './postgres-alert-store.js';
import { PostgresArtifactStore } from './postgres-artifact-store.js';
import type { KeyRing } from '../../security/index.js';
import { processKeyRing, sealChannelSecrets } from '../seal-channel-secrets.js';
import type { ChannelSecretSealing } from '../seal-channel-secrets.js';
import { PostgresAuditStore } from './postgres-audit-store.js';
import { PostgresAuthStore } from './postgres-auth-store.js';
import { quoteSchema } from './quote-schema.js';

/** Most records in one merged write of queued batches (json_to_recordset takes them as one parameter). */
const MERGED_BATCH_MAX_RECORDS = 20_000;

export interface PostgresStoreOptions {
  readonly connectionString: string;
  /** Where the tables live; created by the migrations when missing. Default 'public'. */
  readonly schema?: string;
  /** Connections kept by this node. Default 10. */
  readonly poolSize?: number;
  /** Told when an idle connection fails (the server restarted, the network dropped); the pool replaces it. Default: ignored. */
  readonly onError?: (error: Error) => void;
  /** Seals channel secrets at rest; default a key generated for this process (the service passes its configured ring). */
  readonly keyRing?: KeyRing;
}

/** The session settings every connection of the store runs with, for /readyz and the durability test. */
export interface PostgresSession {
  readonly synchronousCommit: string;
  readonly schema: string;
}

type Json = string | null;

interface ModelRow {
  id: string;
  project: string;
  name: string;
  spec: Omit<NewModel, 'project' | 'name'>;
  created_at: Date;
}

interface VersionRow {
  id: string;
  model_id: string;
  version: string;
  metadata: Record<string, unknown>;
  reference_rows: number | null;
  reference_built_at: Date | null;
  created_at: Date;
  aliases: string[] | null;
}

interface WindowRow {
  id: string;
  model_id: string;
  version_id: string;
  segment: string | null;
  kind: 'count' | 'time';
  start_seq: string;
  end_seq: string;
  start_time: number;
  end_time: number;
  count: number;
  labelled: number;
  status: 'pending' | 'evaluated';
  closed_at: number;
  evaluated_at: number | null;
}

interface PointRow {
  window_id: string;
  model_id: string;
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

interface RecordRow {
  record_id: string;
  seq: string;
  version_id: string;
  ts: number;
  received_at: number;
  features: ValidRecord['features'];
  prediction: ValidRecord['prediction'];
  score: number | null;
  label: ValidRecord['label'];
  segment: string | null;
}

const WINDOW_ID = /^[1-9][0-9]{0,17}$/;

const VERSION_COLUMNS = `v.id, v.model_id, v.version, v.metadata, v.reference_rows, v.reference_built_at, v.created_at,
  (SELECT array_agg(a.alias ORDER BY a.alias) FROM aliases a WHERE a.model_id = v.model_id AND a.version_id = v.id) AS aliases`;
const WINDOW_COLUMNS = 'id, model_id, version_id, segment, kind, start_seq, end_seq, start_time, end_time, count, labelled, status, closed_at, evaluated_at';
const POINT_COLUMNS = 'window_id, model_id, version_id, segment, time, metric, feature, value, p_value, threshold, status';

/** JSON text for a jsonb parameter; SQL NULL for null so `label IS NULL` means "no label". */
function toJson(value: unknown): Json {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function toModel(row: ModelRow): Model {
  const { spec } = row;
  return {
    id: row.id,
    project: row.project,
    name: row.name,
    task: spec.task,
    description: spec.description,
    features: spec.features,
    prediction: spec.prediction,
    label: spec.label,
    score: spec.score,
    segmentFields: spec.segmentFields,
    protected: spec.protected,
    window: spec.window,
    retention: spec.retention,
    ...(spec.monitors ? { monitors: spec.monitors } : {}),
    createdAt: row.created_at.toISOString(),
  };
}

function toVersion(row: VersionRow): Version {
  return {
    id: row.id,
    modelId: row.model_id,
    version: row.version,
    aliases: row.aliases ?? [],
    metadata: row.metadata,
    reference: row.reference_rows === null || row.reference_built_at === null ? null : { rows: row.reference_rows, builtAt: row.reference_built_at.toISOString() },
    createdAt: row.created_at.toISOString(),
  };
}

function toWindow(row: WindowRow): Window {
  return {
    id: row.id,
    modelId: row.model_id,
    versionId: row.version_id,
    segment: row.segment,
    kind: row.kind,
    startSeq: Number(row.start_seq),
    endSeq: Number(row.end_seq),
    startTime: row.start_time,
    endTime: row.end_time,
    count: row.count,
    labelled: row.labelled,
    status: row.status,
    closedAt: row.closed_at,
    evaluatedAt: row.evaluated_at,
  };
}

function toStoredRecord(row: RecordRow): StoredRecord {
  return {
    id: row.record_id,
    versionId: row.version_id,
    timestamp: row.ts,
    features: row.features,
    prediction: row.prediction,
    score: row.score,
    label: row.label,
    segment: row.segment,
    seq: Number(row.seq),
    receivedAt: row.received_at,
  };
}

function toPoint(row: PointRow): MetricPoint {
  return {
    modelId: row.model_id,
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

/** A count-window series: one version, all segments (segment null) or one segment. */
interface Series {
  readonly versionId: string;
  readonly segment: string | null;
  /** Sequence numbers of this batch's accepted records of the series, ascending. */
  readonly seqs: number[];
}

/**
 * The Store on PostgreSQL through a `pg` pool. Several nodes may share one database: ingestion of a model is
 * serialized by a row lock on its sequence counter (so ids are stored once and window counts are exact), windows are
 * claimed with `FOR UPDATE SKIP LOCKED` and a lease, and every connection commits synchronously.
 *
 * @example
 * const store = await openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/bothub' });
 * await store.ping();
 */
export class PostgresStore implements Store {
  readonly #pool: Pool;
  readonly #schema: string;
  readonly #setup: string;
  /** Connections opened by the pool that have not yet received the session settings. */
  readonly #unset = new WeakSet<PoolClient>();
  readonly alerts: PostgresAlertStore & ChannelSecretSealing;
  readonly artifacts: PostgresArtifactStore;
  readonly audit: PostgresAuditStore;
  readonly auth: PostgresAuthStore;

  /** Takes ownership of the pool (closed by `close`); `openPostgresStore` is the usual way in. */
  constructor(pool: Pool, schema: string, onError: (error: Error) => void = () => undefined, keyRing: KeyRing = processKeyRing()) {
    this.#pool = pool;
    this.alerts = sealChannelSecrets(new PostgresAlertStore({ query: (text, values) => this.#query(text, values), transaction: (work) => this.#transaction(work) }), keyRing);
    this.artifacts = new PostgresArtifactStore({ query: (text, values) => this.#query(text, values), transaction: (work) => this.#transaction(work) });
    this.audit = new PostgresAuditStore({ query: (text, values) => this.#query(text, values), transaction: (work) => this.#transaction(work) });
    this.auth = new PostgresAuthStore({ query: (text, values) => this.#query(text, values), transaction: (work) => this.#transaction(work) });
    this.#schema = schema;
    this.#setup = `SET search_path TO ${quoteSchema(schema)}; SET synchronous_commit TO on`;
    pool.on('connect', (client) => this.#unset.add(client));
    // Without a listener, an idle connection dropped by the server would crash the process.
    pool.on('error', onError);
  }

  async migrate(): Promise<void> {
    await migratePostgres(this.#pool, this.#schema, POSTGRES_MIGRATIONS);
    // Channel secrets written before encryption (or under a retired key) are sealed under the current key.
    await this.alerts.resealChannels();
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1');
  }

  /** The settings of one pooled connection as the server reports them. */
  async describeSession(): Promise<PostgresSession> {
    const { rows } = await this.#query<{ synchronous_commit: string; schema: string }>(
      "SELECT current_setting('synchronous_commit') AS synchronous_commit, current_schema() AS schema",
    );
    const row = rows[0]!;
    return { synchronousCommit: row.synchronous_commit, schema: row.schema };
  }

  // Registry

  async createModel(model: NewModel): Promise<Model> {
    const { project, name, ...spec } = model;
    const id = randomUUID();
    return this.#transaction(async (client) => {
      try {
        const { rows } = await client.query<ModelRow>('INSERT INTO models (id, project, name, spec) VALUES ($1, $2, $3, $4) RETURNING *', [
          id,
          project,
          name,
          JSON.stringify(spec),
        ]);
        await client.query('INSERT INTO ingest_sequences (model_id) VALUES ($1)', [id]);
        return toModel(rows[0]!);
      } catch (error) {
        if (pgCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('model', `model "${name}" already exists in project "${project}"`);
        throw error;
      }
    });
  }

  async getModel(project: string, name: string): Promise<Model | null> {
    const { rows } = await this.#query<ModelRow>('SELECT * FROM models WHERE project = $1 AND name = $2', [project, name]);
    return rows[0] === undefined ? null : toModel(rows[0]);
  }

  async updateModel(model: Model): Promise<Model> {
    return this.#transaction(async (client) => {
      // Waits for an ingestion of the model in flight (it holds this row) and holds the next one off.
      await client.query('SELECT 1 FROM ingest_sequences WHERE model_id = $1 FOR UPDATE', [model.id]);
      const stored = await client.query<ModelRow>('SELECT * FROM models WHERE id = $1', [model.id]);
      if (stored.rows[0] === undefined) throw new StoreNotFoundError('model', `No model with id ${model.id}.`);
      const spec = modelSpec(model);
      const { rows } = await client.query<ModelRow>('UPDATE models SET spec = $2 WHERE id = $1 RETURNING *', [model.id, JSON.stringify(spec)]);
      if (!sameWindow(stored.rows[0].spec.window, spec.window)) await client.query('DELETE FROM window_counters WHERE model_id = $1', [model.id]);
      return toModel(rows[0]!);
    });
  }

  async listModels(project?: string): Promise<Model[]> {
    const { rows } =
      project === undefined
        ? await this.#query<ModelRow>('SELECT * FROM models ORDER BY project, name')
        : await this.#query<ModelRow>('SELECT * FROM models WHERE project = $1 ORDER BY name', [project]);
    return rows.map(toModel);
  }

  async createVersion(version: NewVersion, aliases: readonly string[]): Promise<Version> {
    const id = randomUUID();
    await this.#transaction(async (client) => {
      try {
        await client.query('INSERT INTO versions (id, model_id, version, metadata) VALUES ($1, $2, $3, $4)', [
          id,
          version.modelId,
          version.version,
          JSON.stringify(version.metadata),
        ]);
      } catch (error) {
        if (pgCode(error) === UNIQUE_VIOLATION) throw new StoreConflictError('version', `version "${version.version}" already exists`);
        if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw new StoreNotFoundError('model', `model ${version.modelId} does not exist`);
        throw error;
      }
      for (const alias of new Set(aliases)) await this.#setAlias(client, version.modelId, alias, id);
    });
    return (await this.getVersionById(id))!;
  }

  async getVersion(modelId: string, version: string): Promise<Version | null> {
    const { rows } = await this.#query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.model_id = $1 AND v.version = $2`, [modelId, version]);
    return rows[0] === undefined ? null : toVersion(rows[0]);
  }

  async getVersionById(versionId: string): Promise<Version | null> {
    const { rows } = await this.#query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.id = $1`, [versionId]);
    return rows[0] === undefined ? null : toVersion(rows[0]);
  }

  async listVersions(modelId: string): Promise<Version[]> {
    const { rows } = await this.#query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.model_id = $1 ORDER BY v.created_at, v.id`, [modelId]);
    return rows.map(toVersion);
  }

  async setAlias(modelId: string, alias: string, versionId: string): Promise<void> {
    await this.#transaction((client) => this.#setAlias(client, modelId, alias, versionId));
  }

  async #setAlias(client: PoolClient, modelId: string, alias: string, versionId: string): Promise<void> {
    try {
      await client.query(
        'INSERT INTO aliases (model_id, alias, version_id) VALUES ($1, $2, $3) ON CONFLICT (model_id, alias) DO UPDATE SET version_id = EXCLUDED.version_id',
        [modelId, alias, versionId],
      );
    } catch (error) {
      if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw new StoreNotFoundError('version', `version ${versionId} is not a version of model ${modelId}`);
      throw error;
    }
  }

  async resolveAlias(modelId: string, alias: string): Promise<Version | null> {
    const { rows } = await this.#query<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM aliases al JOIN versions v ON v.id = al.version_id WHERE al.model_id = $1 AND al.alias = $2`,
      [modelId, alias],
    );
    return rows[0] === undefined ? null : toVersion(rows[0]);
  }

  async putReferenceProfile(versionId: string, profile: Uint8Array, rows: number): Promise<void> {
    const result = await this.#query(
      'UPDATE versions SET reference_profile = $2, reference_rows = $3, reference_built_at = clock_timestamp() WHERE id = $1',
      [versionId, Buffer.from(profile.buffer, profile.byteOffset, profile.byteLength), rows],
    );
    if (result.rowCount === 0) throw new StoreNotFoundError('version', `version ${versionId} does not exist`);
  }

  async getReferenceProfile(versionId: string): Promise<Uint8Array | null> {
    const { rows } = await this.#query<{ reference_profile: Buffer | null }>('SELECT reference_profile FROM versions WHERE id = $1', [versionId]);
    const profile = rows[0]?.reference_profile;
    return profile === undefined || profile === null ? null : new Uint8Array(profile);
  }

  // Ingestion

  ingestPredictions(model: Model, records: readonly ValidRecord[]): Promise<IngestStatus[]> {
    return records.length === 0 ? Promise.resolve([]) : this.#ingestMerged(model, records);
  }

  // A model's batches commit one after another (its sequence row): those that queue behind one are written as one.
  readonly #ingestMerged = mergeConcurrentBatches((model, records) => this.#ingestBatch(model, records), MERGED_BATCH_MAX_RECORDS);

  async #ingestBatch(model: Model, records: readonly ValidRecord[]): Promise<IngestStatus[]> {
    const statuses: IngestStatus[] = records.map(() => 'duplicate');
    // A repeated id within the batch is a duplicate of its first occurrence.
    const seen = new Set<string>();
    const freshIndex: number[] = [];
    records.forEach((record, index) => {
      if (seen.has(record.id)) return;
      seen.add(record.id);
      freshIndex.push(index);
    });
    const fresh = freshIndex.map((index) => records[index]!);
    if (fresh.length === 0) return statuses;
    const receivedAt = Date.now();
    await this.#transaction(async (client) => {
      // The row lock taken here is held to commit: batches of one model commit one after another, in seq order.
      const sequence = await client.query<{ next_seq: string }>('UPDATE ingest_sequences SET next_seq = next_seq + $2 WHERE model_id = $1 RETURNING next_seq', [
        model.id,
        fresh.length,
      ]);
      if (sequence.rows[0] === undefined) throw new StoreNotFoundError('model', `model ${model.id} does not exist`);
      const base = Number(sequence.rows[0].next_seq) - fresh.length;
      const inserted = await client.query<{ seq: string }>(
        `INSERT INTO records (model_id, record_id, seq, version_id, ts, received_at, features, prediction, score, segment)
         SELECT $1, u.id, u.q, u.v, u.t, $2, u.f, u.p, u.s, u.g
         FROM json_to_recordset($3::json) AS u(id text, q bigint, v text, t float8, f jsonb, p jsonb, s float8, g text)
         ON CONFLICT (model_id, record_id) DO NOTHING
         RETURNING seq`,
        [
          model.id,
          receivedAt,
          JSON.stringify(fresh.map((record, index) => ({ id: record.id, q: base + index, v: record.versionId, t: record.timestamp, f: record.features, p: record.prediction, s: record.score, g: record.segment }))),
        ],
      );
      const accepted = inserted.rows.map((row) => Number(row.seq) - base).sort((a, b) => a - b);
      for (const position of accepted) statuses[freshIndex[position]!] = 'accepted';
      const labelled = accepted.map((position) => fresh[position]!).filter((record) => record.label !== null);
      if (labelled.length > 0) {
        // First write wins: a label sent earlier on its own is kept over the one the prediction carries.
        await this.#insertLabels(client, model.id, labelled.map((record) => ({ id: record.id, label: record.label, timestamp: record.timestamp })), receivedAt);
      }
      if (accepted.length > 0) {
        const stored = accepted.map((position) => ({ record: fresh[position]!, seq: base + position }));
        if (model.window.kind === 'count') await this.#advanceCountWindows(client, model, stored, receivedAt);
        else await this.#advanceTimeWindows(client, model, stored);
      }
    });
    return statuses;
  }

  /**
   * Adds the batch to the time windows its records fall in: to an already closed window, which goes back to
   * `pending` (a late record), or else to the open one. The model's sequence row, locked by this transaction, keeps
   * `closeTimeWindows` from closing one of these windows between the two statements.
   */
  async #advanceTimeWindows(client: PoolClient, model: Model, accepted: readonly { record: ValidRecord; seq: number }[]): Promise<void> {
    const deltas = groupByTimeWindow(accepted, timeWindowTiming(model.window));
    const late = await client.query<{ i: string }>(
      `UPDATE windows w SET count = w.count + u.count, start_seq = LEAST(w.start_seq, u.min_seq), end_seq = GREATEST(w.end_seq, u.max_seq),
         status = 'pending', reopen_gen = w.reopen_gen + 1
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::int[], $6::bigint[], $7::bigint[]) WITH ORDINALITY AS u(version_id, segment, start_time, count, min_seq, max_seq, i)
       WHERE w.kind = 'time' AND w.model_id = $1 AND w.version_id = u.version_id AND COALESCE('=' || w.segment, '*') = COALESCE('=' || u.segment, '*')
         AND w.start_time = u.start_time
       RETURNING u.i`,
      [model.id, ...(['versionId', 'segment', 'start', 'count', 'minSeq', 'maxSeq'] as const).map((key) => deltas.map((delta) => delta[key]))],
    );
    const closed = new Set(late.rows.map((row) => Number(row.i) - 1));
    const open = deltas.filter((_, index) => !closed.has(index));
    if (open.length === 0) return;
    await client.query(
      `INSERT INTO open_time_windows (model_id, version_id, segment, start_time, end_time, close_at, count, min_seq, max_seq)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::int[], $8::bigint[], $9::bigint[])
       ON CONFLICT (model_id, version_id, segment_key, start_time) DO UPDATE SET count = open_time_windows.count + EXCLUDED.count,
         min_seq = LEAST(open_time_windows.min_seq, EXCLUDED.min_seq), max_seq = GREATEST(open_time_windows.max_seq, EXCLUDED.max_seq)`,
      [model.id, ...(['versionId', 'segment', 'start', 'end', 'closeAt', 'count', 'minSeq', 'maxSeq'] as const).map((key) => open.map((delta) => delta[key]))],
    );
  }

  async #advanceCountWindows(client: PoolClient, model: Model, accepted: readonly { record: ValidRecord; seq: number }[], now: number): Promise<void> {
    const series = new Map<string, Series>();
    const add = (versionId: string, segment: string | null, seq: number): void => {
      const key = JSON.stringify([versionId, segment]);
      let entry = series.get(key);
      if (entry === undefined) {
        entry = { versionId, segment, seqs: [] };
        series.set(key, entry);
      }
      entry.seqs.push(seq);
    };
    for (const { record, seq } of accepted) {
      add(record.versionId, null, seq);
      if (record.segment !== null) add(record.versionId, record.segment, seq);
    }
    const keys = [...series.keys()].sort();
    const list = keys.map((key) => series.get(key)!);
    const counters = await client.query<{ version_id: string; segment: string | null; total: string }>(
      `INSERT INTO window_counters (model_id, version_id, segment, total)
       SELECT $1, u.version_id, u.segment, u.added FROM unnest($2::text[], $3::text[], $4::bigint[]) AS u(version_id, segment, added)
       ON CONFLICT (model_id, version_id, segment_key) DO UPDATE SET total = window_counters.total + EXCLUDED.total
       RETURNING version_id, segment, total`,
      [model.id, list.map((entry) => entry.versionId), list.map((entry) => entry.segment), list.map((entry) => entry.seqs.length)],
    );
    const size = model.window.size;
    const slide = model.window.slide ?? size;
    const closing: { versionId: string; segment: string | null; endSeq: number }[] = [];
    for (const row of counters.rows) {
      const entry = series.get(JSON.stringify([row.version_id, row.segment]))!;
      const total = Number(row.total);
      const before = total - entry.seqs.length;
      entry.seqs.forEach((seq, index) => {
        const count = before + index + 1;
        if (count >= size && (count - size) % slide === 0) closing.push({ versionId: entry.versionId, segment: entry.segment, endSeq: seq });
      });
    }
    closing.sort((a, b) => a.endSeq - b.endSeq || (a.segment === null ? -1 : b.segment === null ? 1 : a.segment.localeCompare(b.segment)));
    for (const window of closing) {
      // The window is the last `size` records of its series up to the closing record; they were inserted above.
      await client.query(
        `INSERT INTO windows (model_id, version_id, segment, kind, start_seq, end_seq, start_time, end_time, count, closed_at)
         SELECT $1, $2, $3, 'count', min(r.seq), max(r.seq), min(r.ts), max(r.ts), count(*), $6
         FROM (SELECT seq, ts FROM records WHERE model_id = $1 AND version_id = $2 AND ($3::text IS NULL OR segment = $3) AND seq <= $4 ORDER BY seq DESC LIMIT $5) r`,
        [model.id, window.versionId, window.segment, window.endSeq, size, now],
      );
    }
  }

  async ingestLabels(model: Model, labels: readonly ValidLabel[]): Promise<IngestStatus[]> {
    const statuses: IngestStatus[] = labels.map(() => 'duplicate');
    const firstIndex = new Map<string, number>();
    labels.forEach((label, index) => {
      if (!firstIndex.has(label.id)) firstIndex.set(label.id, index);
    });
    const ids = [...firstIndex.keys()];
    if (ids.length === 0) return statuses;
    const receivedAt = Date.now();
    await this.#transaction(async (client) => {
      // Waits for an ingestion of the model in flight and holds the next one off: a record committed while the
      // labels are stored would otherwise be missed by the re-opening below, and its window evaluated without them.
      await client.query('SELECT 1 FROM ingest_sequences WHERE model_id = $1 FOR SHARE', [model.id]);
      const accepted = await this.#insertLabels(
        client,
        model.id,
        ids.map((id) => labels[firstIndex.get(id)!]!),
        receivedAt,
      );
      for (const id of accepted) statuses[firstIndex.get(id)!] = 'accepted';
      if (accepted.length === 0) return;
      // A count window holds a range of seq; a time window [start, start + size) the records with ts in it, so its
      // start is in (ts - size, ts] (the segment expression is windows_time_start's).
      const holds =
        model.window.kind === 'count'
          ? "w.kind = 'count' AND w.end_seq >= r.seq AND w.start_seq <= r.seq AND (w.segment IS NULL OR w.segment = r.segment)"
          : "w.kind = 'time' AND w.start_time > r.ts - $3::float8 AND w.start_time <= r.ts AND COALESCE('=' || w.segment, '*') IN ('*', COALESCE('=' || r.segment, '*'))";
      // Windows are locked in id order for the same reason the labels are sorted.
      await client.query(
        `UPDATE windows SET status = 'pending', reopen_gen = reopen_gen + 1
         WHERE id IN (
           SELECT w.id FROM records r
           JOIN windows w ON w.model_id = r.model_id AND w.version_id = r.version_id AND ${holds}
           WHERE r.model_id = $1 AND r.record_id = ANY($2::text[])
           ORDER BY w.id
           FOR UPDATE OF w
         )`,
        model.window.kind === 'count' ? [model.id, accepted] : [model.id, accepted, timeWindowTiming(model.window).sizeMs],
      );
    });
    return statuses;
  }

  /** Inserts labels of distinct ids, keeping any stored label; returns the ids stored. */
  async #insertLabels(client: PoolClient, modelId: string, labels: readonly ValidLabel[], receivedAt: number): Promise<string[]> {
    // Sorted ids: transactions storing overlapping labels wait on each other's keys in the same order, never in a cycle.
    const sorted = [...labels].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const inserted = await client.query<{ record_id: string }>(
      `INSERT INTO labels (model_id, record_id, label, ts, received_at)
       SELECT $1, u.record_id, u.label, u.ts, $2 FROM unnest($3::text[], $4::jsonb[], $5::float8[]) AS u(record_id, label, ts)
       ON CONFLICT (model_id, record_id) DO NOTHING
       RETURNING record_id`,
      [modelId, receivedAt, sorted.map((label) => label.id), sorted.map((label) => toJson(label.label)), sorted.map((label) => label.timestamp)],
    );
    return inserted.rows.map((row) => row.record_id);
  }

  // Evaluation

  async claimPendingWindows(limit: number, worker: string, leaseMs: number): Promise<Window[]> {
    if (limit <= 0) return [];
    const { rows } = await this.#query<WindowRow>(
      `UPDATE windows SET claimed_by = $2, lease_until = clock_timestamp() + $3 * interval '1 millisecond', claimed_gen = reopen_gen
       WHERE id IN (
         SELECT id FROM windows
         WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= clock_timestamp())
         ORDER BY id
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       )
       RETURNING ${WINDOW_COLUMNS}`,
      [limit, worker, leaseMs],
    );
    return rows.map(toWindow).sort((a, b) => Number(a.id) - Number(b.id));
  }

  async closeTimeWindows(now: number, limit: number): Promise<number> {
    const { rows } = await this.#query<{ model_id: string }>('SELECT DISTINCT model_id FROM open_time_windows WHERE close_at <= $1 ORDER BY model_id', [now]);
    let closed = 0;
    for (const { model_id: modelId } of rows) {
      if (closed >= limit) break;
      closed += await this.#transaction(async (client) => {
        // The lock ingestion and labels take first: a record is either in the open window closed here or, once the
        // window is closed, added to it as a late record; and another node closing at once waits, then finds nothing.
        await client.query('SELECT 1 FROM ingest_sequences WHERE model_id = $1 FOR UPDATE', [modelId]);
        const inserted = await client.query(
          `WITH due AS (
             DELETE FROM open_time_windows WHERE (model_id, version_id, segment_key, start_time) IN (
               SELECT model_id, version_id, segment_key, start_time FROM open_time_windows WHERE model_id = $1 AND close_at <= $2
               ORDER BY close_at, version_id, segment_key, start_time LIMIT $3)
             RETURNING *)
           INSERT INTO windows (model_id, version_id, segment, kind, start_seq, end_seq, start_time, end_time, count, closed_at)
           SELECT model_id, version_id, segment, 'time', min_seq, max_seq, start_time, end_time, count, $2 FROM due
           ORDER BY close_at, version_id, segment_key, start_time`,
          [modelId, now, limit - closed],
        );
        return inserted.rowCount ?? 0;
      });
    }
    return closed;
  }

  async loadWindowRecords(window: Window): Promise<StoredRecord[]> {
    // A time window's records lie in its seq range (its smallest and largest seq): the seq indexes find them, the
    // timestamp bounds drop the other windows' records in between. (Timestamp indexes would cost every ingestion.)
    const time = window.kind === 'time';
    const { rows } = await this.#query<RecordRow>(
      `SELECT r.record_id, r.seq, r.version_id, r.ts, r.received_at, r.features, r.prediction, r.score, l.label, r.segment
       FROM records r LEFT JOIN labels l ON l.model_id = r.model_id AND l.record_id = r.record_id
       WHERE r.model_id = $1 AND r.version_id = $2 AND r.seq BETWEEN $3 AND $4 AND ($5::text IS NULL OR r.segment = $5)${time ? ' AND r.ts >= $6 AND r.ts < $7' : ''}
       ORDER BY r.seq`,
      [window.modelId, window.versionId, window.startSeq, window.endSeq, window.segment, ...(time ? [window.startTime, window.endTime] : [])],
    );
    return rows.map(toStoredRecord);
  }

  async listRecordsInRange(range: RecordRange, limit: number, after?: RecordCursor): Promise<StoredRecord[]> {
    // The first page starts before every record of the range: seq is never negative.
    const [afterTs, afterSeq] = after === undefined ? [range.from, -1] : [after.timestamp, after.seq];
    const { rows } = await this.#query<RecordRow>(
      `SELECT r.record_id, r.seq, r.version_id, r.ts, r.received_at, r.features, r.prediction, r.score, l.label, r.segment
       FROM records r LEFT JOIN labels l ON l.model_id = r.model_id AND l.record_id = r.record_id
       WHERE r.model_id = (SELECT v.model_id FROM versions v WHERE v.id = $1) AND r.version_id = $1 AND r.ts BETWEEN $2 AND $3
         AND (r.ts, r.seq) > ($4::float8, $5::bigint) AND ($6::text IS NULL OR r.segment = $6)
       ORDER BY r.ts, r.seq LIMIT $7`,
      [range.versionId, range.from, range.to, afterTs, afterSeq, range.segment ?? null, limit],
    );
    return rows.map(toStoredRecord);
  }

  async completeWindow(windowId: string, worker: string, evaluation: WindowEvaluation): Promise<boolean> {
    if (!WINDOW_ID.test(windowId)) return false;
    return this.#transaction(async (client) => {
      const held = await client.query<{ model_id: string; version_id: string }>('SELECT model_id, version_id FROM windows WHERE id = $1 AND claimed_by = $2 FOR UPDATE', [
        windowId,
        worker,
      ]);
      const window = held.rows[0];
      if (window === undefined) return false;
      await client.query('DELETE FROM metric_points WHERE window_id = $1', [windowId]);
      const { points } = evaluation;
      if (points.length > 0) {
        await client.query(
          `INSERT INTO metric_points (window_id, model_id, version_id, segment, time, metric, feature, value, p_value, threshold, status)
           SELECT $1, $2, $3, * FROM unnest($4::text[], $5::float8[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::text[])`,
          [
            windowId,
            window.model_id,
            window.version_id,
            points.map((point) => point.segment),
            points.map((point) => point.time),
            points.map((point) => point.metric),
            points.map((point) => point.feature),
            points.map((point) => point.value),
            points.map((point) => point.pValue),
            points.map((point) => point.threshold),
            points.map((point) => point.status),
          ],
        );
      }
      // A label that arrived after the claim leaves the window pending: its evaluation did not see that label.
      await client.query(
        `UPDATE windows SET status = CASE WHEN reopen_gen = claimed_gen THEN 'evaluated' ELSE 'pending' END,
           labelled = $2, results = $3, evaluated_at = $4, claimed_by = NULL, lease_until = NULL, claimed_gen = NULL
         WHERE id = $1`,
        [windowId, evaluation.labelled, toJson(evaluation.results), Date.now()],
      );
      return true;
    });
  }

  // Queries

  async listWindows(modelId: string, options: { limit: number; before?: string }): Promise<WindowPage> {
    if (options.before !== undefined && !WINDOW_ID.test(options.before)) return { windows: [], next: null };
    const limit = Math.max(0, Math.floor(options.limit));
    const { rows } = await this.#query<WindowRow>(
      `SELECT ${WINDOW_COLUMNS} FROM windows WHERE model_id = $1 AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [modelId, options.before ?? null, limit + 1],
    );
    const windows = rows.slice(0, limit).map(toWindow);
    return { windows, next: rows.length > limit && windows.length > 0 ? windows[windows.length - 1]!.id : null };
  }

  async getWindow(modelId: string, windowId: string): Promise<{ window: Window; results: unknown; points: MetricPoint[] } | null> {
    if (!WINDOW_ID.test(windowId)) return null;
    const { rows } = await this.#query<WindowRow & { results: unknown }>(`SELECT ${WINDOW_COLUMNS}, results FROM windows WHERE model_id = $1 AND id = $2`, [
      modelId,
      windowId,
    ]);
    const row = rows[0];
    if (row === undefined) return null;
    const points = await this.#query<PointRow>(`SELECT ${POINT_COLUMNS} FROM metric_points WHERE window_id = $1 ORDER BY id`, [windowId]);
    return { window: toWindow(row), results: row.results, points: points.rows.map(toPoint) };
  }

  async queryMetrics(modelId: string, query: MetricQuery): Promise<MetricPoint[]> {
    const conditions = ['model_id = $1'];
    const values: unknown[] = [modelId];
    const where = (sql: (placeholder: string) => string, value: unknown): void => {
      values.push(value);
      conditions.push(sql(`$${values.length}`));
    };
    if (query.metric !== undefined) where((p) => `metric = ${p}`, query.metric);
    if (query.feature === null) conditions.push('feature IS NULL');
    else if (query.feature !== undefined) where((p) => `feature = ${p}`, query.feature);
    if (query.withValue === true) conditions.push('value IS NOT NULL');
    if (query.segment === null) conditions.push('segment IS NULL');
    else if (query.segment !== undefined) where((p) => `segment = ${p}`, query.segment);
    if (query.versionId !== undefined) where((p) => `version_id = ${p}`, query.versionId);
    if (query.from !== undefined) where((p) => `time >= ${p}`, query.from);
    if (query.to !== undefined) where((p) => `time <= ${p}`, query.to);
    let limit = '';
    const count = query.latest ?? query.limit;
    if (count !== undefined) {
      values.push(Math.max(0, Math.floor(count)));
      limit = ` LIMIT $${values.length}`;
    }
    const filtered = `SELECT ${POINT_COLUMNS}, id FROM metric_points WHERE ${conditions.join(' AND ')}`;
    const sql = query.latest === undefined ? `${filtered} ORDER BY time, id${limit}` : `SELECT * FROM (${filtered} ORDER BY time DESC, id DESC${limit}) latest ORDER BY time, id`;
    const { rows } = await this.#query<PointRow>(sql, values);
    return rows.map(toPoint);
  }

  async latestMetrics(modelId: string): Promise<MetricPoint[]> {
    const { rows } = await this.#query<PointRow>(
      `SELECT DISTINCT ON (metric, feature) ${POINT_COLUMNS} FROM metric_points
       WHERE model_id = $1 AND segment IS NULL
       ORDER BY metric, feature, time DESC, id DESC`,
      [modelId],
    );
    return rows.map(toPoint);
  }

  async lastRecordAt(modelId: string, versionId?: string): Promise<number | null> {
    // The newest record of each version by seq (records_version_seq), not a scan of the model's records.
    const { rows } = await this.#query<{ at: number | null }>(
      `SELECT max(r.received_at) AS at FROM versions v
       CROSS JOIN LATERAL (SELECT received_at FROM records WHERE model_id = v.model_id AND version_id = v.id ORDER BY seq DESC LIMIT 1) r
       WHERE v.model_id = $1 AND ($2::text IS NULL OR v.id = $2)`,
      [modelId, versionId ?? null],
    );
    return rows[0]?.at ?? null;
  }

  async countRecordsSince(modelId: string, since: number): Promise<number> {
    // count(*) is a bigint, which pg returns as a string.
    const { rows } = await this.#query<{ n: string }>('SELECT count(*) AS n FROM records WHERE model_id = $1 AND ts >= $2', [modelId, since]);
    return Number(rows[0]?.n ?? 0);
  }

  async countPendingWindows(): Promise<number> {
    // count(*) is a bigint, which pg returns as a string.
    const { rows } = await this.#query<{ n: string }>("SELECT count(*) AS n FROM windows WHERE status = 'pending'");
    return Number(rows[0]?.n ?? 0);
  }

  // Retention

  // A chunk takes its rows with SKIP LOCKED: nodes purging at once delete disjoint chunks instead of deadlocking.

  async deleteRecordsBefore(modelId: string, time: number, limit?: number): Promise<DeletedRecords> {
    return this.#transaction(async (client) => {
      const { rows } = await client.query<{ records: string; labels: string }>(
        `WITH chunk AS (SELECT record_id FROM records WHERE model_id = $1 AND ts < $2 ORDER BY ts LIMIT $3 FOR UPDATE SKIP LOCKED),
           gone AS (DELETE FROM records r USING chunk WHERE r.model_id = $1 AND r.record_id = chunk.record_id RETURNING r.record_id),
           unlabelled AS (DELETE FROM labels l USING gone WHERE l.model_id = $1 AND l.record_id = gone.record_id RETURNING 1)
         SELECT (SELECT count(*) FROM gone) AS records, (SELECT count(*) FROM unlabelled) AS labels`,
        [modelId, time, limit ?? null],
      );
      // Labels whose prediction never came.
      const orphans = await client.query(
        `WITH chunk AS (SELECT l.record_id FROM labels l WHERE l.model_id = $1 AND l.ts < $2
             AND NOT EXISTS (SELECT 1 FROM records r WHERE r.model_id = l.model_id AND r.record_id = l.record_id)
             ORDER BY l.ts LIMIT $3 FOR UPDATE SKIP LOCKED)
         DELETE FROM labels l USING chunk WHERE l.model_id = $1 AND l.record_id = chunk.record_id`,
        [modelId, time, limit ?? null],
      );
      return { records: Number(rows[0]?.records ?? 0), labels: Number(rows[0]?.labels ?? 0) + (orphans.rowCount ?? 0) };
    });
  }

  async deleteMetricsBefore(modelId: string, time: number, limit?: number): Promise<DeletedMetrics> {
    return this.#transaction(async (client) => {
      const points = await client.query(
        `DELETE FROM metric_points WHERE id IN (SELECT id FROM metric_points WHERE model_id = $1 AND time < $2 ORDER BY time LIMIT $3 FOR UPDATE SKIP LOCKED)`,
        [modelId, time, limit ?? null],
      );
      const windows = await client.query(
        `DELETE FROM windows WHERE id IN (SELECT w.id FROM windows w WHERE w.model_id = $1 AND w.status = 'evaluated' AND w.end_time < $2
           AND NOT EXISTS (SELECT 1 FROM metric_points p WHERE p.window_id = w.id) ORDER BY w.end_time LIMIT $3 FOR UPDATE SKIP LOCKED)`,
        [modelId, time, limit ?? null],
      );
      return { points: points.rowCount ?? 0, windows: windows.rowCount ?? 0 };
    });
  }

  /**
   * A pooled connection with the store's session settings. They are sent before the connection's first use, awaited,
   * so no statement of the store ever runs without synchronous commit.
   */
  async #connect(): Promise<PoolClient> {
    const client = await this.#pool.connect();
    if (this.#unset.has(client)) {
      try {
        await client.query(this.#setup);
      } catch (error) {
        client.release(true);
        throw error;
      }
      this.#unset.delete(client);
    }
    return client;
  }

  async #query<R extends QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>> {
    const client = await this.#connect();
    try {
      return await client.query<R>(text, values === undefined ? undefined : [...values]);
    } finally {
      client.release();
    }
  }

  async #transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/**
 * Opens a pool on the database, sets every connection to commit synchronously and to use the schema, and applies
 * pending migrations. Tests give each run its own schema.
 *
 * @example
 * const store = await openPostgresStore({ connectionString: config.databaseUrl, schema: 'bothub' });
 * const model = await store.createModel(newModel);
 * await store.close();
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const schema = options.schema ?? 'public';
  quoteSchema(schema);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  const store = new PostgresStore(pool, schema, options.onError, options.keyRing);
  try {
    await store.migrate();
  } catch (error) {
    await pool.end();
    throw error;
  }
  return store;
}
