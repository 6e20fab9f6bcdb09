/**
 * The retention job: on every node, periodically applies each model's retention — records (with their labels) older
 * than `retention.recordsDays`, metric points and evaluated windows older than `retention.metricsDays` — in short
 * transactions of bounded size, yielding between them, so a large purge never holds ingestion up for long.
 * Deleting is idempotent: nodes sharing a database may run it at the same time.
 */
import type { Model } from '@bothub/core';
import type { DeletedMetrics, DeletedRecords, Store } from '../storage/store.js';
import { createPeriodicJob } from './periodic-job.js';
import type { PeriodicJob } from './periodic-job.js';

const DAY_MS = 86_400_000;
/**
 * SQLite blocks the process while it deletes. Measured on 200,000 records (half labelled, synchronous=FULL): a chunk
 * of 2,000 records with their labels takes about 50 ms, one of 10,000 takes 100–180 ms.
 */
const DEFAULT_CHUNK_ROWS = 2_000;
/** Soon after start, so a node restarted more often than the interval still purges, yet not during start itself. */
const DEFAULT_FIRST_RUN_DELAY_MS = 10_000;

export interface RetentionJobDeps {
  readonly store: Pick<Store, 'listModels' | 'deleteRecordsBefore' | 'deleteMetricsBefore'>;
  /** Epoch milliseconds; retention is measured back from it. */
  readonly clock: () => number;
  /** Time between the end of one pass and the start of the next. */
  readonly intervalMs: number;
  /** Delay of the first pass after `start()` (default 10 s). */
  readonly firstRunDelayMs?: number;
  /** Most rows of each kind deleted per transaction (default 2,000). */
  readonly chunkRows?: number;
  readonly log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** What one pass deleted for one model, and the cut-off times it applied. */
export interface RetentionOutcome extends DeletedRecords, DeletedMetrics {
  readonly modelId: string;
  readonly project: string;
  readonly model: string;
  /** Records with a timestamp before this (epoch ms) were deleted. */
  readonly recordsBefore: number;
  /** Metric points with a time before this (epoch ms) were deleted. */
  readonly metricsBefore: number;
}

/** The retention job's schedule; `runOnce()` resolves with what it deleted per model. */
export type RetentionJob = PeriodicJob<RetentionOutcome[]>;

type Counts<T> = { -readonly [K in keyof T]: number };

/**
 * One pass goes over every model; a model whose purge fails is logged and skipped, the pass goes on with the others.
 * `stop()` ends a pass in progress after its current chunk.
 *
 * @example
 * const retention = createRetentionJob({ store, clock: Date.now, intervalMs: 3_600_000, log });
 * retention.start();
 * // … at shutdown
 * await retention.stop();
 */
export function createRetentionJob(deps: RetentionJobDeps): RetentionJob {
  const chunkRows = deps.chunkRows ?? DEFAULT_CHUNK_ROWS;

  /** Calls `step` until no count reaches a chunk (the rows are exhausted) or the job is stopping; returns the sums. */
  async function drain<T extends Record<keyof T, number>>(step: (limit: number) => Promise<T>, none: T, stopping: () => boolean): Promise<Counts<T>> {
    const total: Counts<T> = { ...none };
    while (!stopping()) {
      const deleted = await step(chunkRows);
      for (const key of Object.keys(deleted) as (keyof T)[]) total[key] += deleted[key];
      if (!Object.values<number>(deleted).some((n) => n >= chunkRows)) break;
      // Let requests in between two transactions.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }

  async function purge(model: Model, now: number, stopping: () => boolean): Promise<RetentionOutcome> {
    const recordsBefore = now - model.retention.recordsDays * DAY_MS;
    const metricsBefore = now - model.retention.metricsDays * DAY_MS;
    const records = await drain((limit) => deps.store.deleteRecordsBefore(model.id, recordsBefore, limit), { records: 0, labels: 0 }, stopping);
    const metrics = await drain((limit) => deps.store.deleteMetricsBefore(model.id, metricsBefore, limit), { points: 0, windows: 0 }, stopping);
    return { modelId: model.id, project: model.project, model: model.name, recordsBefore, metricsBefore, ...records, ...metrics };
  }

  async function pass(stopping: () => boolean): Promise<RetentionOutcome[]> {
    const now = deps.clock();
    const outcomes: RetentionOutcome[] = [];
    for (const model of await deps.store.listModels()) {
      if (stopping()) break;
      try {
        const outcome = await purge(model, now, stopping);
        outcomes.push(outcome);
        if (outcome.records + outcome.labels + outcome.points + outcome.windows > 0) deps.log.info(outcome, 'retention deleted old data');
      } catch (error) {
        deps.log.error({ err: error, modelId: model.id, project: model.project, model: model.name }, 'retention failed for a model');
      }
    }
    return outcomes;
  }

  return createPeriodicJob({
    run: pass,
    intervalMs: deps.intervalMs,
    firstRunDelayMs: deps.firstRunDelayMs ?? DEFAULT_FIRST_RUN_DELAY_MS,
    onError: (error) => deps.log.error({ err: error }, 'retention pass failed'),
  });
}
