import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Model, ValidRecord, Version } from '@bothub/core';
import { makeModel } from '@bothub/testkit';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { SqliteStore } from '../storage/sqlite/index.js';
import type { NewModel } from '../storage/store.js';
import { createRetentionJob } from './retention-job.js';
import type { RetentionJobDeps } from './retention-job.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);

// Its id and creation time are the store's own: createModel ignores them.
const MODEL = makeModel({
  name: 'churn',
  task: 'regression',
  features: [{ name: 'x', type: 'numerical' }],
  prediction: { type: 'numerical' },
  label: { type: 'numerical' },
  score: false,
  window: { kind: 'count', size: 2 },
  retention: { recordsDays: 2, metricsDays: 5 },
});

let dir: string;
let store: SqliteStore;
let logged: { level: 'info' | 'error'; obj: object; msg: string }[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-retention-'));
  store = await openSqliteStore({ dataDir: dir });
  await store.migrate();
  logged = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const log: RetentionJobDeps['log'] = {
  info: (obj, msg) => logged.push({ level: 'info', obj, msg }),
  error: (obj, msg) => logged.push({ level: 'error', obj, msg }),
};

function record(version: Version, id: string, daysAgo: number): ValidRecord {
  return { id, versionId: version.id, timestamp: NOW - daysAgo * DAY, features: { x: daysAgo }, prediction: daysAgo, score: null, label: daysAgo, segment: null };
}

/** A model with labelled records 1, 3, 4, 6, 7 and 8 days old, a label of 9 days ago without its record, and windows of 2 (ending 1, 4 and 7 days ago) evaluated. */
async function seed(overrides: Partial<NewModel> = {}): Promise<{ model: Model; version: Version }> {
  const model = await store.createModel({ ...MODEL, ...overrides });
  const version = await store.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, ['production']);
  await store.ingestPredictions(model, [1, 3, 4, 6, 7, 8].map((daysAgo) => record(version, `r${daysAgo}`, daysAgo)));
  await store.ingestLabels(model, [{ id: 'early-label', label: 1, timestamp: NOW - 9 * DAY }]);
  for (const window of await store.claimPendingWindows(100, 'test', 60_000)) {
    const point = { modelId: model.id, versionId: version.id, segment: null, windowId: window.id, time: window.endTime, metric: 'volume.count', feature: null, value: window.count, pValue: null, threshold: null, status: 'ok' as const };
    await store.completeWindow(window.id, 'test', { points: [point], results: { count: window.count }, labelled: 0 });
  }
  return { model, version };
}

async function storedIds(model: Model): Promise<string[]> {
  const { windows } = await store.listWindows(model.id, { limit: 100 });
  const records = (await Promise.all(windows.map((w) => store.loadWindowRecords(w)))).flat();
  return [...new Set(records.map((r) => r.id))].sort();
}

describe('createRetentionJob', () => {
  it('deletes each model\'s records and metrics past its retention, in chunks, and logs what it deleted', async () => {
    const { model } = await seed();
    const other = await seed({ name: 'other', retention: { recordsDays: 30, metricsDays: 365 } });
    const job = createRetentionJob({ store, clock: () => NOW, intervalMs: DAY, chunkRows: 2, log });

    const outcomes = await job.runOnce();

    expect(outcomes).toEqual([
      // Records 3 to 8 days old with their labels, the label of 9 days ago, the window of 7 days ago with its point.
      { modelId: model.id, project: 'default', model: 'churn', recordsBefore: NOW - 2 * DAY, metricsBefore: NOW - 5 * DAY, records: 5, labels: 6, points: 1, windows: 1 },
      { modelId: other.model.id, project: 'default', model: 'other', recordsBefore: NOW - 30 * DAY, metricsBefore: NOW - 365 * DAY, records: 0, labels: 0, points: 0, windows: 0 },
    ]);
    expect(await storedIds(model)).toEqual(['r1']);
    expect((await store.queryMetrics(model.id, {})).map((p) => (NOW - p.time) / DAY)).toEqual([4, 1]);
    expect(await storedIds(other.model)).toEqual(['r1', 'r3', 'r4', 'r6', 'r7', 'r8']);
    expect(logged).toEqual([{ level: 'info', obj: outcomes[0], msg: 'retention deleted old data' }]);

    // A second pass (or another node's) finds nothing left to delete.
    expect((await job.runOnce()).map((o) => o.records + o.labels + o.points + o.windows)).toEqual([0, 0]);
    expect(logged).toHaveLength(1);
  });

  it('runs shortly after start, then every interval, measuring retention from the injected clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { model, version } = await seed();
    let now = NOW;
    const job = createRetentionJob({ store, clock: () => now, intervalMs: 3_600_000, firstRunDelayMs: 5_000, log });
    job.start();

    vi.advanceTimersByTime(4_999);
    expect(await storedIds(model)).toHaveLength(6);
    vi.advanceTimersByTime(1);
    // The pass started by the timer is in progress: runOnce joins it.
    await job.runOnce();
    expect(await storedIds(model)).toEqual(['r1']);

    now += 2 * DAY;
    await store.ingestPredictions(model, [record(version, 'fresh1', 0), record(version, 'fresh2', 0)]);
    vi.advanceTimersByTime(3_600_000);
    await job.runOnce();
    expect(await storedIds(model)).toEqual(['fresh1', 'fresh2']);

    await job.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs a model whose purge fails and goes on with the others', async () => {
    const broken = await seed({ name: 'broken' });
    const { model } = await seed();
    const failing: RetentionJobDeps['store'] = {
      listModels: () => store.listModels(),
      deleteMetricsBefore: (...args) => store.deleteMetricsBefore(...args),
      deleteRecordsBefore: (modelId, ...rest) => (modelId === broken.model.id ? Promise.reject(new Error('disk I/O error')) : store.deleteRecordsBefore(modelId, ...rest)),
    };
    const outcomes = await createRetentionJob({ store: failing, clock: () => NOW, intervalMs: DAY, log }).runOnce();
    expect(outcomes.map((o) => [o.model, o.records])).toEqual([['churn', 5]]);
    expect(logged.map((l) => [l.level, l.msg])).toEqual([
      ['error', 'retention failed for a model'],
      ['info', 'retention deleted old data'],
    ]);
    expect(logged[0]!.obj).toMatchObject({ model: 'broken', err: { message: 'disk I/O error' } });
    expect(await storedIds(model)).toEqual(['r1']);
  });

  it('stop() ends the pass in progress after its current chunk', async () => {
    const { model } = await seed();
    let stopped: Promise<void> | undefined;
    const stopping: RetentionJobDeps['store'] = {
      listModels: () => store.listModels(),
      deleteMetricsBefore: (...args) => store.deleteMetricsBefore(...args),
      deleteRecordsBefore: async (...args) => {
        const deleted = await store.deleteRecordsBefore(...args);
        stopped ??= job.stop();
        return deleted;
      },
    };
    const job = createRetentionJob({ store: stopping, clock: () => NOW, intervalMs: DAY, chunkRows: 1, log });
    const [outcome] = await job.runOnce();
    await stopped;
    expect(outcome).toMatchObject({ records: 1, points: 0 });
    expect(await storedIds(model)).toHaveLength(5);
  });
});
