/**
 * The storage port: everything the service keeps goes through this interface, implemented by the SQLite adapter
 * (embedded default) and the PostgreSQL adapter. Both pass store.case.test.ts, the contract suite.
 *
 * Durability: every write method resolves only after its data is committed durably (SQLite WAL with
 * synchronous=FULL; PostgreSQL synchronous_commit on). Idempotency: a record id seen before for a model is a
 * duplicate, stored and counted once, whatever the batch or the node.
 */
import type { MetricPoint, Model, ValidLabel, ValidRecord, Version, Window } from '@bothub/core';

export type NewModel = Omit<Model, 'id' | 'createdAt'>;
export type NewVersion = Omit<Version, 'id' | 'createdAt' | 'reference' | 'aliases'>;

export type IngestStatus = 'accepted' | 'duplicate';

/** A stored record with its label joined (null until the label arrives) and its ingestion sequence number. */
export interface StoredRecord extends ValidRecord {
  readonly seq: number;
  readonly receivedAt: number;
}

export interface WindowPage {
  readonly windows: readonly Window[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly next: string | null;
}

export interface MetricQuery {
  readonly metric?: string;
  readonly feature?: string;
  /** null: the all-segments series; undefined: every segment. */
  readonly segment?: string | null;
  readonly versionId?: string;
  readonly from?: number;
  readonly to?: number;
  readonly limit?: number;
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
   * In the same transaction it advances the model's count-window counters (per version, for all segments and per
   * segment) and inserts the windows that close, as `pending`.
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
  /** The records of a window with their labels. */
  loadWindowRecords(window: Window): Promise<StoredRecord[]>;
  /** Replaces the window's metric points and results and marks it evaluated (only if `worker` still holds it). */
  completeWindow(windowId: string, worker: string, evaluation: WindowEvaluation): Promise<boolean>;

  // Queries
  listWindows(modelId: string, options: { limit: number; before?: string }): Promise<WindowPage>;
  getWindow(modelId: string, windowId: string): Promise<{ window: Window; results: unknown; points: MetricPoint[] } | null>;
  queryMetrics(modelId: string, query: MetricQuery): Promise<MetricPoint[]>;
  /** The newest point of every (metric, feature) of the all-segments series, for the health view. */
  latestMetrics(modelId: string): Promise<MetricPoint[]>;

  // Retention
  deleteRecordsBefore(modelId: string, time: number): Promise<number>;
  deleteMetricsBefore(modelId: string, time: number): Promise<number>;
}
