/**
 * The storage port: everything the service keeps goes through this interface, implemented by the SQLite adapter
 * (embedded default) and the PostgreSQL adapter. Both pass store.case.test.ts, the contract suite.
 *
 * Durability: every write method resolves only after its data is committed durably (SQLite WAL with
 * synchronous=FULL; PostgreSQL synchronous_commit on). Idempotency: a record id seen before for a model is a
 * duplicate, stored and counted once, whatever the batch or the node.
 */
import type { MetricPoint, Model, ValidLabel, ValidRecord, Version, Window } from '@bothub/core';
import type { AlertStore } from './alert-store.js';
import type { ArtifactStore } from './artifact-store.js';
import type { AuditStore } from './audit-store.js';
import type { AuthStore } from './auth-store.js';

export type NewModel = Omit<Model, 'id' | 'createdAt'>;
export type NewVersion = Omit<Version, 'id' | 'createdAt' | 'reference' | 'aliases'>;

export type IngestStatus = 'accepted' | 'duplicate';

/** A stored record with its label joined (null until the label arrives) and its ingestion sequence number. */
export interface StoredRecord extends ValidRecord {
  readonly seq: number;
  readonly receivedAt: number;
}

/** Records of one version between two instants (epoch ms, both inclusive), optionally of one segment. */
export interface RecordRange {
  readonly versionId: string;
  readonly from: number;
  readonly to: number;
  readonly segment?: string;
}

/** Where a page of `listRecordsInRange` resumes: the last record read. */
export type RecordCursor = Pick<StoredRecord, 'timestamp' | 'seq'>;

export interface WindowPage {
  readonly windows: readonly Window[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly next: string | null;
}

export interface MetricQuery {
  readonly metric?: string;
  /** null: the points without a feature; undefined: any feature. */
  readonly feature?: string | null;
  /** null: the all-segments series; undefined: every segment. */
  readonly segment?: string | null;
  readonly versionId?: string;
  readonly from?: number;
  readonly to?: number;
  readonly limit?: number;
  /** Only the newest this many points (still returned oldest first); `limit` is then ignored. */
  readonly latest?: number;
  /** Only points with a value (not insufficient_data). */
  readonly withValue?: boolean;
}

/** What a window evaluation leaves: its metric points and the full results (the report-shaped JSON of that window). */
export interface WindowEvaluation {
  readonly points: readonly MetricPoint[];
  readonly results: unknown;
  readonly labelled: number;
}

export interface Store {
  /** Applies pending migrations; called once at start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Cheap liveness of the connection, for /readyz. */
  ping(): Promise<void>;

  // Registry
  createModel(model: NewModel): Promise<Model>;
  /** By name within a project. */
  getModel(project: string, name: string): Promise<Model | null>;
  listModels(project?: string): Promise<Model[]>;
  /**
   * Stores the model's settings (everything but its id, project, name and creation time); the next batch and the next
   * window evaluated use them. Throws StoreNotFoundError when no model has this id.
   */
  updateModel(model: Model): Promise<Model>;
  createVersion(version: NewVersion, aliases: readonly string[]): Promise<Version>;
  getVersion(modelId: string, version: string): Promise<Version | null>;
  getVersionById(versionId: string): Promise<Version | null>;
  listVersions(modelId: string): Promise<Version[]>;
  /** Points an alias at a version, moving it from any other version of the model. */
  setAlias(modelId: string, alias: string, versionId: string): Promise<void>;
  resolveAlias(modelId: string, alias: string): Promise<Version | null>;
  /** Stores the reference profile of a version (an opaque serialized blob) and the row count it was built from. */
  putReferenceProfile(versionId: string, profile: Uint8Array, rows: number): Promise<void>;
  getReferenceProfile(versionId: string): Promise<Uint8Array | null>;

  // Ingestion
  /**
   * Stores a batch of validated records atomically and durably, in order; returns accepted or duplicate per record.
   * In the same transaction it advances the model's windows, per version for all segments and per segment: count
   * windows by their counters, inserting the windows that close as `pending`; time windows by adding each record to
   * the open windows its timestamp falls in (closed later by `closeTimeWindows`), or, when such a window is already
   * closed, to that window, which goes back to `pending` with its count updated (a late record).
   */
  ingestPredictions(model: Model, records: readonly ValidRecord[]): Promise<IngestStatus[]>;
  /**
   * Stores labels by record id (a label may arrive before its prediction); a second label for an id is a duplicate.
   * Windows holding the labelled records go back to `pending` so performance is re-evaluated.
   */
  ingestLabels(model: Model, labels: readonly ValidLabel[]): Promise<IngestStatus[]>;

  // Evaluation (several nodes may call these concurrently: a window is claimed by one caller at a time)
  /** Claims up to `limit` pending windows for `leaseMs`; a claim that is not completed in time is released. */
  claimPendingWindows(limit: number, worker: string, leaseMs: number): Promise<Window[]>;
  /**
   * Closes every open time window (of every model) whose end plus its model's lateness is <= `now` (epoch ms): at most
   * `limit` per call (of a model, the longest due first), each inserted as a `pending` window. Several nodes may call it at once: each
   * window is closed by one of them, once. Returns how many it closed; call again while that equals `limit`.
   */
  closeTimeWindows(now: number, limit: number): Promise<number>;
  /** The records of a window with their labels, in ingestion order: a count window's seq range, a time window's [startTime, endTime). */
  loadWindowRecords(window: Window): Promise<StoredRecord[]>;
  /**
   * One page of a version's records (of one segment, when `range.segment` is set) whose timestamp lies in
   * [`range.from`, `range.to`], with their labels, ordered by (timestamp, seq): at most `limit`, those after `after`
   * (the last record of the previous page). Paged so a large range is read in bounded memory, and each page is a
   * short read that never holds the store.
   */
  listRecordsInRange(range: RecordRange, limit: number, after?: RecordCursor): Promise<StoredRecord[]>;
  /** Replaces the window's metric points and results and marks it evaluated (only if `worker` still holds it). */
  completeWindow(windowId: string, worker: string, evaluation: WindowEvaluation): Promise<boolean>;

  // Queries
  listWindows(modelId: string, options: { limit: number; before?: string }): Promise<WindowPage>;
  getWindow(modelId: string, windowId: string): Promise<{ window: Window; results: unknown; points: MetricPoint[] } | null>;
  queryMetrics(modelId: string, query: MetricQuery): Promise<MetricPoint[]>;
  /** The newest point of every (metric, feature) of the all-segments series, for the health view. */
  latestMetrics(modelId: string): Promise<MetricPoint[]>;
  /** Epoch ms the model (one version of it, when given) last received a record; null before any. For absence alerts. */
  lastRecordAt(modelId: string, versionId?: string): Promise<number | null>;
  /** How many of the model's records have a timestamp at or after `since` (epoch ms): the traffic of the fleet view. */
  countRecordsSince(modelId: string, since: number): Promise<number>;
  /** Windows waiting for evaluation (pending, claimed or not), of every model: the queue depth /metrics reports. */
  countPendingWindows(): Promise<number>;

  /** Alert rules, alerts, incidents, channels and the delivery queue. */
  readonly alerts: AlertStore;

  /** Signed artifacts of model versions (their encrypted bytes live in blob storage). */
  readonly artifacts: ArtifactStore;
  /** The hash-chained audit trail. */
  readonly audit: AuditStore;
  /** API keys (hashes only). */
  readonly auth: AuthStore;

  // Retention (several nodes may call these concurrently: each row is deleted once, a repeated call finds less or nothing)
  /**
   * Deletes the model's records whose timestamp is < `time` with their labels, and its labels older than `time` whose
   * prediction never came, in one transaction: at most `limit` records and `limit` such labels per call (all when
   * omitted), so a large purge runs as short transactions. Call again while any count reaches `limit`.
   */
  deleteRecordsBefore(modelId: string, time: number, limit?: number): Promise<DeletedRecords>;
  /**
   * Deletes the model's metric points whose time is < `time`, then its evaluated windows (with their stored results)
   * that ended before `time` and hold no point any more: at most `limit` of each per call (all when omitted).
   */
  deleteMetricsBefore(modelId: string, time: number, limit?: number): Promise<DeletedMetrics>;
}

/** What one `deleteRecordsBefore` call removed; `labels` counts the deleted records' labels and the orphans. */
export interface DeletedRecords {
  readonly records: number;
  readonly labels: number;
}

/** What one `deleteMetricsBefore` call removed. */
export interface DeletedMetrics {
  readonly points: number;
  readonly windows: number;
}
