/**
 * The Store contract suite: every adapter runs it from its own test file, e.g.
 * `runStoreContract('sqlite', async () => ({ store: await openSqliteStore({ dataDir }), cleanup }))`.
 *
 * The file is named `store.case.ts`, not `store.case.test.ts`: vitest collects every `*.test.ts` and fails a file
 * that registers no test, and this one only exports the suite.
 *
 * Semantics pinned here (both adapters keep them):
 * - Ids are opaque strings; `createdAt` is an ISO 8601 string; `Version.aliases` is sorted.
 * - `listModels` is ordered by project then name; `listVersions` in creation order.
 * - A record id is unique per model (whatever the version); a duplicate gets no sequence number and counts nowhere.
 * - `seq` is strictly increasing in the order records are accepted (within a batch and across batches).
 * - Count windows close inside the ingest transaction, per version for all segments (`segment: null`) and per
 *   non-null segment. With size S and slide D (D = S when tumbling), the n-th record of a (version, segment) closes
 *   a window when n >= S and (n - S) % D === 0; it covers that stream's last S records. `startSeq`/`endSeq` are the
 *   seq of its first and last record, `startTime`/`endTime` the min and max record timestamp.
 * - Time windows (size Z, slide D, lateness L, in ms) are [start, start + Z) with start a multiple of D; a record is
 *   in every window holding its timestamp, per version for all segments and per segment. Ingestion adds it to the
 *   window while the window is open; `closeTimeWindows(now)` closes (inserts as `pending`) the windows with records
 *   whose start + Z + L <= now, each once whatever the handles calling it. `startTime`/`endTime` are the window's
 *   bounds, `startSeq`/`endSeq` the smallest and largest seq of its records, `closedAt` the `now` that closed it. A
 *   record for a closed window is added to it: its count grows and it goes back to `pending` (like a label).
 * - A label is first-write-wins per (model, record id): a prediction carrying a non-null label stores it as the
 *   label; any later label for the id is a duplicate. Accepting a label for a stored record sends every window that
 *   holds it back to `pending`; if that happens while the window is claimed, `completeWindow` still stores the
 *   evaluation but leaves the window `pending` (and unclaimed) so the new label is evaluated.
 * - `claimPendingWindows` hands out pending windows whose lease is free or expired (`leaseUntil <= now`, so a lease
 *   of 0 ms expires at once), oldest first. `completeWindow` succeeds only for the worker that claimed the window
 *   last, even after its lease expired, as long as nobody reclaimed it.
 * - `listWindows` is newest first (creation order); `before` is the id of the last window of the previous page.
 * - `listRecordsInRange` reads one version's records with from <= timestamp <= to (of one segment when given), ordered
 *   by (timestamp, seq), with their labels; a page resumes after the (timestamp, seq) of the previous page's last record.
 * - `queryMetrics` is ordered by time ascending; `from` and `to` are inclusive; `limit` keeps the earliest points.
 *   `completeWindow` stores the points with the window's id and model id.
 * - `deleteRecordsBefore` deletes records whose timestamp is < time with their labels, and labels older than time
 *   whose record never came; a deleted record's id may be ingested again. `deleteMetricsBefore` deletes metric points
 *   whose time is < time, then evaluated windows that ended before it and hold no point (pending windows stay). With a
 *   `limit`, one call deletes at most `limit` rows of each kind, oldest first; the counts say what it deleted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricPoint, Model, ValidRecord, Version, Window } from '@bothub/core';
import type { NewModel, Store, StoredRecord } from './store.js';
import { StoreConflictError, StoreNotFoundError } from './store-errors.js';
import { runAlertStoreContract } from './alert-store.case.js';
import { runAuditStoreContract } from './audit-store.case.js';
import { runArtifactStoreContract } from './artifact-store.case.js';
import { runAuthStoreContract } from './auth-store.case.js';

/** What `open` returns: a fresh, empty store and how to dispose of it. */
export interface StoreFixture {
  readonly store: Store;
  /** Closes the store (and any handle from `connect`) and removes its data. */
  readonly cleanup: () => Promise<void>;
  /**
   * Another handle on the same data (a second connection or pool), for the concurrency and reopen tests. The suite
   * closes the handles it opens.
   */
  readonly connect: () => Promise<Store>;
}

const MODEL: NewModel = {
  project: 'default',
  name: 'churn',
  task: 'binary_classification',
  description: null,
  features: [
    { name: 'age', type: 'numerical', range: { min: 0, max: 120 } },
    { name: 'plan', type: 'categorical', categories: ['free', 'pro'] },
    { name: 'vec', type: 'embedding', dimension: 2 },
  ],
  prediction: { type: 'boolean' },
  label: { type: 'boolean' },
  score: true,
  segmentFields: ['plan'],
  protected: null,
  window: { kind: 'count', size: 3 },
  retention: { recordsDays: 30, metricsDays: 365 },
};

interface RecordOptions {
  readonly versionId: string;
  readonly timestamp?: number;
  readonly segment?: string | null;
  readonly label?: boolean | null;
}

function makeRecord(id: string, options: RecordOptions): ValidRecord {
  return {
    id,
    versionId: options.versionId,
    timestamp: options.timestamp ?? 1_700_000_000_000,
    features: { age: 42.5, plan: 'pro', vec: [0.25, -1], missing: null },
    prediction: true,
    score: 0.75,
    label: options.label ?? null,
    segment: options.segment ?? null,
  };
}

function makeRecords(prefix: string, count: number, options: RecordOptions): ValidRecord[] {
  return Array.from({ length: count }, (_, i) => makeRecord(`${prefix}${i + 1}`, options));
}

function makePoint(window: Window, metric: string, feature: string | null, time: number, value: number | null = 0.5): MetricPoint {
  return { modelId: window.modelId, versionId: window.versionId, segment: window.segment, windowId: window.id, time, metric, feature, value, pValue: null, threshold: 0.1, status: 'ok' };
}

/** Windows of the model, oldest first. */
async function allWindows(store: Store, modelId: string): Promise<Window[]> {
  const page = await store.listWindows(modelId, { limit: 1000 });
  return [...page.windows].reverse();
}

function sortPoints(points: readonly MetricPoint[]): MetricPoint[] {
  return [...points].sort((a, b) => a.time - b.time || a.metric.localeCompare(b.metric) || (a.feature ?? '').localeCompare(b.feature ?? ''));
}

/**
 * Registers the contract suite for one Store adapter. `open` is called before every test and must return an empty
 * store; the suite calls `migrate()` itself.
 *
 * @example
 * runStoreContract('sqlite', async () => {
 *   const dir = await mkdtemp(join(tmpdir(), 'bothub-'));
 *   const store = await openSqliteStore({ dataDir: dir });
 *   return { store, cleanup: async () => { await store.close(); await rm(dir, { recursive: true }); } };
 * });
 */
export function runStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: Store;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
      await store.migrate();
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    async function createModel(overrides: Partial<NewModel> = {}): Promise<Model> {
      return store.createModel({ ...MODEL, ...overrides });
    }

    async function createVersion(model: Model, version = 'v1', aliases: readonly string[] = []): Promise<Version> {
      return store.createVersion({ modelId: model.id, version, metadata: {} }, aliases);
    }

    async function setup(overrides: Partial<NewModel> = {}): Promise<{ model: Model; version: Version }> {
      const model = await createModel(overrides);
      const version = await createVersion(model);
      return { model, version };
    }

    /** Claims every pending window with a lease that expires at once (so the others stay claimable) and completes one. */
    async function evaluate(window: Window, points: readonly MetricPoint[] = [], worker = 'w-eval'): Promise<void> {
      const claimed = await store.claimPendingWindows(1000, worker, 0);
      expect(claimed.map((w) => w.id)).toContain(window.id);
      expect(await store.completeWindow(window.id, worker, { points, results: { ok: true }, labelled: 0 })).toBe(true);
    }

    runAlertStoreContract({ store: () => store, connect: () => fixture.connect(), createModel: (name) => createModel({ name }) });
    runAuditStoreContract({ store: () => store, connect: () => fixture.connect() });
    runArtifactStoreContract({ store: () => store, createVersion: async (name) => createVersion(await createModel({ name })) });
    runAuthStoreContract({ store: () => store, connect: () => fixture.connect() });

    describe('lifecycle', () => {
      it('migrate is idempotent and keeps data', async () => {
        const model = await createModel();
        await store.migrate();
        await store.migrate();
        expect(await store.getModel('default', 'churn')).toEqual(model);
      });

      it('keeps a model\'s monitor settings, and reads a model stored without them as having none', async () => {
        const monitors = { multivariateDrift: false, dataQuality: true, performance: true, anomalies: true, fairness: false, anomalyPercentile: 99, datasetDriftShare: 0.3 };
        const withSettings = await createModel({ name: 'tuned', monitors });
        expect(withSettings.monitors).toEqual(monitors);
        expect((await store.getModel('default', 'tuned'))?.monitors).toEqual(monitors);
        expect((await createModel({ name: 'plain' })).monitors).toBeUndefined();
      });

      it('ping resolves', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('data survives a second handle (reopen)', async () => {
        const { model, version } = await setup();
        await store.ingestPredictions(model, makeRecords('r', 3, { versionId: version.id }));
        const other = await fixture.connect();
        try {
          expect(await other.getModel('default', 'churn')).toEqual(model);
          expect(await other.ingestPredictions(model, makeRecords('r', 4, { versionId: version.id }))).toEqual(['duplicate', 'duplicate', 'duplicate', 'accepted']);
          expect(await allWindows(other, model.id)).toHaveLength(1);
        } finally {
          await other.close();
        }
      });
    });

    describe('registry', () => {
      it('creates, gets and lists models', async () => {
        const model = await createModel();
        expect(model).toMatchObject(MODEL);
        expect(typeof model.id).toBe('string');
        expect(Number.isNaN(Date.parse(model.createdAt))).toBe(false);
        expect(await store.getModel('default', 'churn')).toEqual(model);
        expect(await store.getModel('default', 'nope')).toBeNull();
        expect(await store.getModel('other', 'churn')).toBeNull();

        const other = await createModel({ project: 'other', name: 'churn' });
        const alpha = await createModel({ name: 'alpha', description: 'first', window: { kind: 'count', size: 10, slide: 5 } });
        expect(alpha.description).toBe('first');
        expect(alpha.window).toEqual({ kind: 'count', size: 10, slide: 5 });
        expect((await store.listModels()).map((m) => m.id)).toEqual([alpha.id, model.id, other.id]);
        expect((await store.listModels('default')).map((m) => m.id)).toEqual([alpha.id, model.id]);
        expect(await store.listModels('empty')).toEqual([]);
      });

      it('updates a model\'s settings, keeping its identity; a new window size restarts its count windows', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 3 } });
        const records = makeRecords('r', 12, { versionId: version.id });
        // One window of 3 closes; records 4 and 5 are in the open one.
        await store.ingestPredictions(model, records.slice(0, 5));
        const monitors = { multivariateDrift: false, dataQuality: true, performance: true, anomalies: true, fairness: true, anomalyPercentile: 99, datasetDriftShare: 0.4 };
        const changed = { ...model, description: 'tuned', window: { kind: 'count' as const, size: 2 }, monitors, segmentFields: ['plan'] };
        expect(await store.updateModel(changed)).toEqual(changed);
        expect(await store.getModel('default', 'churn')).toEqual(changed);
        expect(await store.listModels()).toEqual([changed]);

        // The open window's records are in no window: windows of 2 start with the next record.
        await store.ingestPredictions(changed, records.slice(5, 10));
        const seqRanges = async (): Promise<number[][]> => (await allWindows(store, model.id)).map((w) => [w.count, w.endSeq - w.startSeq + 1]).sort((a, b) => b[0]! - a[0]!);
        expect(await seqRanges()).toEqual([[3, 3], [2, 2], [2, 2]]);

        // Settings that leave the window as it is (the same window, written in another order) keep the open window.
        await store.updateModel({ ...changed, description: 'again', window: { size: 2, kind: 'count' } });
        await store.ingestPredictions(changed, records.slice(10, 11));
        expect(await seqRanges()).toEqual([[3, 3], [2, 2], [2, 2], [2, 2]]);
        await expect(store.updateModel({ ...changed, id: 'no-such-model' })).rejects.toBeInstanceOf(StoreNotFoundError);
      });

      it('rejects a second model with the same name in a project', async () => {
        await createModel();
        await expect(createModel()).rejects.toBeInstanceOf(StoreConflictError);
        await expect(createModel({ task: 'regression' })).rejects.toThrow(/churn/);
        expect(await store.listModels()).toHaveLength(1);
      });

      it('creates versions with metadata and aliases', async () => {
        const model = await createModel();
        const metadata = { trainingDataHash: 'sha256:abc', parameters: { depth: 6, nested: { a: [1, 2] } }, metrics: { auc: 0.91 } };
        const v1 = await store.createVersion({ modelId: model.id, version: '1.0.0', metadata }, ['staging', 'production']);
        expect(v1).toMatchObject({ modelId: model.id, version: '1.0.0', metadata, aliases: ['production', 'staging'], reference: null });
        expect(await store.getVersion(model.id, '1.0.0')).toEqual(v1);
        expect(await store.getVersionById(v1.id)).toEqual(v1);
        expect(await store.getVersion(model.id, '2.0.0')).toBeNull();
        expect(await store.getVersionById('no-such-id')).toBeNull();

        const v2 = await store.createVersion({ modelId: model.id, version: '2.0.0', metadata: {} }, ['production']);
        const v0 = await store.createVersion({ modelId: model.id, version: '0.9.0', metadata: {} }, []);
        expect(v2.aliases).toEqual(['production']);
        expect(v0.aliases).toEqual([]);
        // Creating v2 with `production` moved the alias away from v1.
        expect((await store.getVersionById(v1.id))?.aliases).toEqual(['staging']);
        expect((await store.listVersions(model.id)).map((v) => v.version)).toEqual(['1.0.0', '2.0.0', '0.9.0']);
        expect(await store.listVersions('no-such-model')).toEqual([]);
      });

      it('rejects a duplicate version name within a model, not across models', async () => {
        const model = await createModel();
        const other = await createModel({ name: 'other' });
        await createVersion(model, 'v1');
        await expect(createVersion(model, 'v1')).rejects.toBeInstanceOf(StoreConflictError);
        await expect(createVersion(other, 'v1')).resolves.toMatchObject({ version: 'v1', modelId: other.id });
      });

      it('moves aliases with setAlias and resolves them', async () => {
        const model = await createModel();
        const other = await createModel({ name: 'other' });
        const v1 = await createVersion(model, 'v1', ['production']);
        const v2 = await createVersion(model, 'v2');
        const foreign = await createVersion(other, 'v1', ['production']);

        expect((await store.resolveAlias(model.id, 'production'))?.id).toBe(v1.id);
        await store.setAlias(model.id, 'production', v2.id);
        const resolved = await store.resolveAlias(model.id, 'production');
        expect(resolved?.id).toBe(v2.id);
        expect(resolved?.aliases).toEqual(['production']);
        expect((await store.getVersionById(v1.id))?.aliases).toEqual([]);
        // Setting it again is a no-op, and another model's alias of the same name is untouched.
        await store.setAlias(model.id, 'production', v2.id);
        expect((await store.resolveAlias(model.id, 'production'))?.id).toBe(v2.id);
        expect((await store.resolveAlias(other.id, 'production'))?.id).toBe(foreign.id);
        expect(await store.resolveAlias(model.id, 'staging')).toBeNull();

        await expect(store.setAlias(model.id, 'production', foreign.id)).rejects.toBeInstanceOf(StoreNotFoundError);
        await expect(store.setAlias(model.id, 'production', 'no-such-version')).rejects.toBeInstanceOf(StoreNotFoundError);
        expect((await store.resolveAlias(model.id, 'production'))?.id).toBe(v2.id);
      });

      it('stores reference profiles byte for byte', async () => {
        const { version } = await setup();
        expect(await store.getReferenceProfile(version.id)).toBeNull();
        const bytes = new Uint8Array(70_000);
        for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) % 256;
        await store.putReferenceProfile(version.id, bytes, 5000);
        const got = await store.getReferenceProfile(version.id);
        expect(got).toBeInstanceOf(Uint8Array);
        // Buffer.equals: vitest's deep equality takes a second on 70 kB.
        expect(Buffer.from(got!.buffer, got!.byteOffset, got!.byteLength).equals(bytes)).toBe(true);
        const stored = await store.getVersionById(version.id);
        expect(stored?.reference?.rows).toBe(5000);
        expect(Number.isNaN(Date.parse(stored?.reference?.builtAt ?? ''))).toBe(false);

        // Replacing it keeps the newest.
        await store.putReferenceProfile(version.id, new Uint8Array([0, 255, 1]), 3);
        expect(new Uint8Array((await store.getReferenceProfile(version.id))!)).toEqual(new Uint8Array([0, 255, 1]));
        expect((await store.getVersionById(version.id))?.reference?.rows).toBe(3);
        await expect(store.putReferenceProfile('no-such-version', bytes, 1)).rejects.toBeInstanceOf(StoreNotFoundError);
      });
    });

    describe('ingestPredictions', () => {
      it('answers accepted or duplicate, within a batch and across batches', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 3 } });
        const v2 = await createVersion(model, 'v2');
        const [x, y] = makeRecords('x', 2, { versionId: version.id });
        expect(await store.ingestPredictions(model, [x!, y!, x!])).toEqual(['accepted', 'accepted', 'duplicate']);
        expect(await allWindows(store, model.id)).toEqual([]);
        // The id is unique per model whatever the version.
        expect(await store.ingestPredictions(model, [y!, makeRecord('x1', { versionId: v2.id }), makeRecord('z', { versionId: version.id })])).toEqual(['duplicate', 'duplicate', 'accepted']);
        expect(await store.ingestPredictions(model, [])).toEqual([]);

        // Duplicates count nowhere: the first window holds x1, x2, z.
        const windows = await allWindows(store, model.id);
        expect(windows).toHaveLength(1);
        const records = await store.loadWindowRecords(windows[0]!);
        expect(records.map((r) => r.id)).toEqual(['x1', 'x2', 'z']);

        // Another model may use the same ids.
        const other = await setup({ name: 'other' });
        expect(await store.ingestPredictions(other.model, [makeRecord('x1', { versionId: other.version.id })])).toEqual(['accepted']);
      });

      it('stores records faithfully and assigns increasing seq', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 4 } });
        const first: ValidRecord = {
          id: 'a',
          versionId: version.id,
          timestamp: 1_700_000_000_123,
          features: { age: 1.5, plan: 'free', flag: true, vec: [0.5, -0.25], missing: null },
          prediction: 'yes',
          score: null,
          label: null,
          segment: 'free',
        };
        const second: ValidRecord = { ...first, id: 'b', prediction: 3.25, score: 0.125, label: false, segment: null };
        const third: ValidRecord = { ...first, id: 'c', prediction: null, label: 'cat' };
        const fourth: ValidRecord = { ...first, id: 'd', prediction: false, label: 0 };
        const before = Date.now();
        await store.ingestPredictions(model, [first, second]);
        await store.ingestPredictions(model, [third, fourth]);
        const after = Date.now();
        const [window] = await allWindows(store, model.id);
        const records = await store.loadWindowRecords(window!);
        const stripped: ValidRecord[] = records.map((r) => ({ id: r.id, versionId: r.versionId, timestamp: r.timestamp, features: r.features, prediction: r.prediction, score: r.score, label: r.label, segment: r.segment }));
        expect(stripped).toEqual([first, second, third, fourth]);
        for (let i = 1; i < records.length; i += 1) expect(records[i]!.seq).toBeGreaterThan(records[i - 1]!.seq);
        for (const record of records) {
          expect(Number.isInteger(record.seq)).toBe(true);
          expect(record.receivedAt).toBeGreaterThanOrEqual(before);
          expect(record.receivedAt).toBeLessThanOrEqual(after);
        }
      });

      it('closes tumbling count windows across batches', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 3 } });
        const times = [5000, 1000, 3000, 9000, 7000, 8000, 2000];
        const records = times.map((timestamp, i) => makeRecord(`r${i + 1}`, { versionId: version.id, timestamp }));
        await store.ingestPredictions(model, records.slice(0, 2));
        expect(await allWindows(store, model.id)).toEqual([]);
        await store.ingestPredictions(model, records.slice(2, 5));
        expect(await allWindows(store, model.id)).toHaveLength(1);
        await store.ingestPredictions(model, records.slice(5));

        const windows = await allWindows(store, model.id);
        expect(windows).toHaveLength(2);
        const expected = [
          { ids: ['r1', 'r2', 'r3'], startTime: 1000, endTime: 5000 },
          { ids: ['r4', 'r5', 'r6'], startTime: 7000, endTime: 9000 },
        ];
        for (const [i, window] of windows.entries()) {
          const loaded = await store.loadWindowRecords(window);
          expect(loaded.map((r) => r.id)).toEqual(expected[i]!.ids);
          expect(window).toMatchObject({
            modelId: model.id,
            versionId: version.id,
            segment: null,
            kind: 'count',
            count: 3,
            labelled: 0,
            status: 'pending',
            evaluatedAt: null,
            startSeq: loaded[0]!.seq,
            endSeq: loaded[2]!.seq,
            startTime: expected[i]!.startTime,
            endTime: expected[i]!.endTime,
          });
          expect(typeof window.closedAt).toBe('number');
        }
      });

      it('closes windows per version and per segment besides the all-segments window', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 2 } });
        const v2 = await createVersion(model, 'v2');
        const segments = ['a', 'b', 'a', null, 'b'];
        const records = segments.map((segment, i) => makeRecord(`r${i + 1}`, { versionId: version.id, segment }));
        const interleaved = [records[0]!, makeRecord('o1', { versionId: v2.id, segment: 'a' }), records[1]!, records[2]!, makeRecord('o2', { versionId: v2.id, segment: 'a' }), records[3]!, records[4]!];
        await store.ingestPredictions(model, interleaved.slice(0, 3));
        await store.ingestPredictions(model, interleaved.slice(3));

        const windows = await allWindows(store, model.id);
        const described = await Promise.all(
          windows.map(async (w) => ({ version: w.versionId === v2.id ? 'v2' : 'v1', segment: w.segment, count: w.count, ids: (await store.loadWindowRecords(w)).map((r) => r.id) })),
        );
        const key = (d: { version: string; segment: string | null; ids: string[] }): string => `${d.version}/${d.segment ?? '*'}/${d.ids.join(',')}`;
        expect(described.map(key).sort()).toEqual(['v1/*/r1,r2', 'v1/*/r3,r4', 'v1/a/r1,r3', 'v1/b/r2,r5', 'v2/*/o1,o2', 'v2/a/o1,o2'].sort());
        expect(described.every((d) => d.count === 2)).toBe(true);
      });

      it('closes sliding windows every `slide` records over the last `size`', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 4, slide: 2 } });
        const records = makeRecords('r', 9, { versionId: version.id });
        for (let i = 0; i < records.length; i += 3) await store.ingestPredictions(model, records.slice(i, i + 3));
        const windows = await allWindows(store, model.id);
        const ids = await Promise.all(windows.map(async (w) => (await store.loadWindowRecords(w)).map((r) => r.id)));
        expect(ids).toEqual([
          ['r1', 'r2', 'r3', 'r4'],
          ['r3', 'r4', 'r5', 'r6'],
          ['r5', 'r6', 'r7', 'r8'],
        ]);
        expect(windows.map((w) => w.count)).toEqual([4, 4, 4]);
      });

      it('does not close windows for time-window models', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600 } });
        expect(await store.ingestPredictions(model, makeRecords('r', 5, { versionId: version.id }))).toEqual(Array(5).fill('accepted'));
        expect(await allWindows(store, model.id)).toEqual([]);
      });
    });

    describe('ingestLabels', () => {
      it('joins labels arriving before or after the prediction; a second label is a duplicate', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 3 } });
        expect(await store.ingestLabels(model, [{ id: 'r1', label: true, timestamp: 1 }])).toEqual(['accepted']);
        await store.ingestPredictions(model, [makeRecord('r1', { versionId: version.id }), makeRecord('r2', { versionId: version.id, label: false }), makeRecord('r3', { versionId: version.id })]);
        expect(
          await store.ingestLabels(model, [
            { id: 'r3', label: false, timestamp: 2 },
            { id: 'r1', label: false, timestamp: 3 },
            { id: 'r2', label: true, timestamp: 4 },
            { id: 'r3', label: true, timestamp: 5 },
          ]),
        ).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate']);
        const [window] = await allWindows(store, model.id);
        const records = await store.loadWindowRecords(window!);
        expect(records.map((r) => [r.id, r.label])).toEqual([
          ['r1', true],
          ['r2', false],
          ['r3', false],
        ]);
      });

      it('sends evaluated windows holding a labelled record back to pending', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 2 } });
        await store.ingestPredictions(model, [
          makeRecord('r1', { versionId: version.id, segment: 'a' }),
          makeRecord('r2', { versionId: version.id, segment: 'b' }),
          makeRecord('r3', { versionId: version.id, segment: 'a' }),
          makeRecord('r4', { versionId: version.id, segment: 'b' }),
          makeRecord('r5', { versionId: version.id, segment: 'a' }),
        ]);
        const windows = await allWindows(store, model.id);
        expect(windows).toHaveLength(4);
        for (const window of windows) await evaluate(window);
        expect((await allWindows(store, model.id)).every((w) => w.status === 'evaluated' && w.evaluatedAt !== null)).toBe(true);

        // r3 is in the all-segments window (r3, r4) and in segment a's window (r1, r3); r5 is in no window yet.
        expect(await store.ingestLabels(model, [{ id: 'r3', label: true, timestamp: 10 }, { id: 'r5', label: true, timestamp: 10 }])).toEqual(['accepted', 'accepted']);
        const after = await allWindows(store, model.id);
        const pending = await Promise.all(after.filter((w) => w.status === 'pending').map(async (w) => `${w.segment ?? '*'}:${(await store.loadWindowRecords(w)).map((r) => r.id).join(',')}`));
        expect(pending.sort()).toEqual(['*:r3,r4', 'a:r1,r3']);
        const claimed = await store.claimPendingWindows(10, 'w-again', 60_000);
        expect(claimed.map((w) => w.id).sort()).toEqual(after.filter((w) => w.status === 'pending').map((w) => w.id).sort());
      });

      it('keeps a window pending when a label arrives while it is being evaluated', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 2 } });
        await store.ingestPredictions(model, makeRecords('r', 2, { versionId: version.id }));
        const [window] = await store.claimPendingWindows(1, 'w1', 60_000);
        expect(await store.ingestLabels(model, [{ id: 'r1', label: true, timestamp: 1 }])).toEqual(['accepted']);
        expect(await store.completeWindow(window!.id, 'w1', { points: [], results: { stale: true }, labelled: 0 })).toBe(true);
        const stored = await store.getWindow(model.id, window!.id);
        expect(stored?.window.status).toBe('pending');
        expect(stored?.results).toEqual({ stale: true });
        const [again] = await store.claimPendingWindows(1, 'w2', 60_000);
        expect(again?.id).toBe(window!.id);
        expect(await store.completeWindow(window!.id, 'w2', { points: [], results: { fresh: true }, labelled: 1 })).toBe(true);
        expect((await store.getWindow(model.id, window!.id))?.window).toMatchObject({ status: 'evaluated', labelled: 1 });
      });
    });

    describe('claims', () => {
      it('hands each pending window to one claimer, oldest first', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1 } });
        await store.ingestPredictions(model, makeRecords('r', 6, { versionId: version.id }));
        const windows = await allWindows(store, model.id);
        const [oldest] = await store.claimPendingWindows(1, 'w0', 60_000);
        expect(oldest?.id).toBe(windows[0]!.id);

        const [a, b] = await Promise.all([store.claimPendingWindows(3, 'w1', 60_000), store.claimPendingWindows(3, 'w2', 60_000)]);
        const ids = [...a, ...b].map((w) => w.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(windows.slice(1).map((w) => w.id).sort());
        expect(await store.claimPendingWindows(10, 'w3', 60_000)).toEqual([]);
      });

      it('counts pending windows, claimed or not, until they are completed', async () => {
        expect(await store.countPendingWindows()).toBe(0);
        const { model, version } = await setup({ window: { kind: 'count', size: 1 } });
        await store.ingestPredictions(model, makeRecords('r', 3, { versionId: version.id }));
        expect(await store.countPendingWindows()).toBe(3);
        const [claimed] = await store.claimPendingWindows(1, 'w1', 60_000);
        expect(await store.countPendingWindows()).toBe(3);
        await store.completeWindow(claimed!.id, 'w1', { points: [], results: null, labelled: 0 });
        expect(await store.countPendingWindows()).toBe(2);
      });

      it('never hands a window to two connections claiming at once', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1 } });
        await store.ingestPredictions(model, makeRecords('r', 40, { versionId: version.id }));
        const others = await Promise.all([fixture.connect(), fixture.connect()]);
        try {
          const handles = [store, ...others];
          const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => handles[i % handles.length]!.claimPendingWindows(5, `w${i}`, 60_000)));
          const ids = claims.flat().map((w) => w.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).toHaveLength(40);
        } finally {
          for (const other of others) await other.close();
        }
      });

      it('lets another worker reclaim an expired lease; only the holder completes', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1 } });
        await store.ingestPredictions(model, makeRecords('r', 1, { versionId: version.id }));
        const [first] = await store.claimPendingWindows(5, 'w1', 0);
        expect(first).toBeDefined();
        const [second] = await store.claimPendingWindows(5, 'w2', 60_000);
        expect(second?.id).toBe(first!.id);
        expect(await store.claimPendingWindows(5, 'w3', 60_000)).toEqual([]);

        expect(await store.completeWindow(first!.id, 'w1', { points: [], results: null, labelled: 0 })).toBe(false);
        expect((await store.getWindow(model.id, first!.id))?.window.status).toBe('pending');
        expect(await store.completeWindow(first!.id, 'w2', { points: [], results: { by: 'w2' }, labelled: 0 })).toBe(true);
        expect(await store.completeWindow(first!.id, 'w9', { points: [], results: null, labelled: 0 })).toBe(false);
        expect(await store.completeWindow('no-such-window', 'w2', { points: [], results: null, labelled: 0 })).toBe(false);
        expect(await store.claimPendingWindows(5, 'w3', 0)).toEqual([]);
      });

      it('stores results and points, replacing them on re-evaluation', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 2 } });
        await store.ingestPredictions(model, makeRecords('r', 2, { versionId: version.id }));
        const [window] = await store.claimPendingWindows(1, 'w1', 60_000);
        const points = [makePoint(window!, 'drift.statistic', 'age', window!.endTime, 0.25), { ...makePoint(window!, 'drift.share', null, window!.endTime, null), pValue: 0.01, status: 'critical' as const }];
        const results = { drift: { columns: [{ name: 'age', statistic: 0.25 }] }, nested: [1, null, 'x'] };
        expect(await store.completeWindow(window!.id, 'w1', { points, results, labelled: 1 })).toBe(true);
        const got = await store.getWindow(model.id, window!.id);
        expect(got?.results).toEqual(results);
        expect(sortPoints(got!.points)).toEqual(sortPoints(points));
        expect(got?.window).toMatchObject({ id: window!.id, status: 'evaluated', labelled: 1 });
        expect(typeof got?.window.evaluatedAt).toBe('number');
        expect(await store.getWindow(model.id, 'no-such-window')).toBeNull();
        expect(await store.getWindow('no-such-model', window!.id)).toBeNull();

        await store.ingestLabels(model, [{ id: 'r1', label: true, timestamp: 1 }]);
        const [again] = await store.claimPendingWindows(1, 'w2', 60_000);
        const replacement = [makePoint(again!, 'performance.accuracy', null, again!.endTime, 1)];
        expect(await store.completeWindow(again!.id, 'w2', { points: replacement, results: { second: true }, labelled: 2 })).toBe(true);
        const regot = await store.getWindow(model.id, window!.id);
        expect(regot?.points).toEqual(replacement);
        expect(regot?.results).toEqual({ second: true });
        expect(await store.queryMetrics(model.id, {})).toEqual(replacement);
      });
    });

    describe('time windows', () => {
      const HOUR = 3_600_000;
      /** 2026-01-01T00:00Z, on an hour boundary. */
      const T0 = Date.UTC(2026, 0, 1);
      const at = (id: string, timestamp: number, versionId: string, segment: string | null = null): ValidRecord => makeRecord(id, { versionId, timestamp, segment });
      const ids = (records: readonly StoredRecord[]): string[] => records.map((r) => r.id);
      /** Windows oldest start first, all segments before each segment. */
      const byStart = (windows: readonly Window[]): Window[] => [...windows].sort((a, b) => a.startTime - b.startTime || (a.segment ?? '').localeCompare(b.segment ?? ''));
      /** Closes in rounds of `limit` until nothing more is due; returns the total. */
      async function closeAll(handle: Store, now: number, limit = 100): Promise<number> {
        let total = 0;
        for (;;) {
          const closed = await handle.closeTimeWindows(now, limit);
          total += closed;
          if (closed < limit) return total;
        }
      }

      it('tumbling: closes each hour that got records, per segment, once its end plus the lateness has passed', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 60 } });
        const v = version.id;
        // Out of order across hours within and between batches; hour 2 gets nothing.
        await store.ingestPredictions(model, [at('r4', T0 + HOUR, v), at('r1', T0 + 1000, v, 'a')]);
        await store.ingestPredictions(model, [at('r2', T0 + 2000, v, 'b'), at('r5', T0 + 3 * HOUR + 5, v), at('r3', T0 + HOUR - 1, v, 'a')]);
        expect(await allWindows(store, model.id)).toEqual([]);

        expect(await store.closeTimeWindows(T0 + HOUR + 59_999, 100)).toBe(0);
        expect(await store.closeTimeWindows(T0 + HOUR + 60_000, 100)).toBe(3);
        const first = byStart(await allWindows(store, model.id));
        expect(first.map((w) => [w.kind, w.segment, w.startTime, w.endTime, w.count, w.status, w.closedAt])).toEqual([
          ['time', null, T0, T0 + HOUR, 3, 'pending', T0 + HOUR + 60_000],
          ['time', 'a', T0, T0 + HOUR, 2, 'pending', T0 + HOUR + 60_000],
          ['time', 'b', T0, T0 + HOUR, 1, 'pending', T0 + HOUR + 60_000],
        ]);
        const loaded = await Promise.all(first.map((w) => store.loadWindowRecords(w)));
        expect(loaded.map(ids)).toEqual([['r1', 'r2', 'r3'], ['r1', 'r3'], ['r2']]);
        // startSeq/endSeq: the smallest and largest seq of the window's records.
        expect([first[0]!.startSeq, first[0]!.endSeq]).toEqual([loaded[0]![0]!.seq, loaded[0]![2]!.seq]);
        // Closing again at the same time, or a bit later, closes nothing twice.
        expect(await store.closeTimeWindows(T0 + HOUR + 60_000, 100)).toBe(0);
        expect(await store.closeTimeWindows(T0 + 2 * HOUR, 100)).toBe(0);

        expect(await store.closeTimeWindows(T0 + 4 * HOUR + 60_000, 100)).toBe(2);
        const all = byStart(await allWindows(store, model.id));
        expect(all.map((w) => [w.segment, (w.startTime - T0) / HOUR, w.count])).toEqual([
          [null, 0, 3],
          ['a', 0, 2],
          ['b', 0, 1],
          [null, 1, 1],
          [null, 3, 1],
        ]);
        expect(ids(await store.loadWindowRecords(all[3]!))).toEqual(['r4']);
      });

      it('closes at most `limit` windows per call, those due first', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 60, lateness: 0 } });
        await store.ingestPredictions(model, [0, 2, 1, 5].map((minute) => at(`m${minute}`, T0 + minute * 60_000, version.id)));
        expect(await store.closeTimeWindows(T0 + HOUR, 3)).toBe(3);
        expect(byStart(await allWindows(store, model.id)).map((w) => (w.startTime - T0) / 60_000)).toEqual([0, 1, 2]);
        expect(await store.closeTimeWindows(T0 + HOUR, 3)).toBe(1);
      });

      it('sliding: a record is in size / slide windows, aligned to multiples of the slide', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, slide: 1800, lateness: 0 } });
        const half = HOUR / 2;
        await store.ingestPredictions(model, [at('r1', T0 + 10, version.id), at('r2', T0 + 40 * 60_000, version.id), at('r3', T0 + 70 * 60_000, version.id)]);
        // Due at T0 + 1 h: the windows ending at T0 + 30 min and T0 + 60 min.
        expect(await store.closeTimeWindows(T0 + HOUR, 100)).toBe(2);
        expect(await store.closeTimeWindows(T0 + 3 * HOUR, 100)).toBe(2);
        const windows = byStart(await allWindows(store, model.id));
        expect(windows.map((w) => [(w.startTime - T0) / half, (w.endTime - T0) / half, w.count])).toEqual([
          [-1, 1, 1],
          [0, 2, 2],
          [1, 3, 2],
          [2, 4, 1],
        ]);
        expect((await Promise.all(windows.map((w) => store.loadWindowRecords(w)))).map(ids)).toEqual([['r1'], ['r1', 'r2'], ['r2', 'r3'], ['r3']]);
      });

      it('a late record re-opens its closed window with the count updated, even during an evaluation', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 60 } });
        const v = version.id;
        await store.ingestPredictions(model, [at('r1', T0 + 5, v, 'a')]);
        expect(await store.closeTimeWindows(T0 + HOUR + 60_000, 100)).toBe(2);
        for (const window of await allWindows(store, model.id)) await evaluate(window);

        expect(await store.ingestPredictions(model, [at('r2', T0 + 10, v, 'b'), at('r1', T0 + 5, v, 'a')])).toEqual(['accepted', 'duplicate']);
        const [all, a] = byStart(await allWindows(store, model.id));
        expect([all!.status, all!.count, a!.status, a!.count]).toEqual(['pending', 2, 'evaluated', 1]);
        expect(ids(await store.loadWindowRecords(all!))).toEqual(['r1', 'r2']);
        expect(all!.endSeq).toBeGreaterThan(all!.startSeq);
        // Segment b had no window in that hour: the late record opens one, already due.
        expect(await store.closeTimeWindows(T0 + 2 * HOUR, 100)).toBe(1);
        const b = (await allWindows(store, model.id)).find((w) => w.segment === 'b');
        expect([b?.startTime, b?.count]).toEqual([T0, 1]);

        // A late record while the window is being evaluated: the evaluation is stored, the window stays pending.
        const claimed = await store.claimPendingWindows(10, 'w1', 60_000);
        expect(claimed.map((w) => w.id)).toContain(all!.id);
        await store.ingestPredictions(model, [at('r3', T0 + 20, v)]);
        expect(await store.completeWindow(all!.id, 'w1', { points: [], results: { stale: true }, labelled: 0 })).toBe(true);
        expect((await store.getWindow(model.id, all!.id))?.window).toMatchObject({ status: 'pending', count: 3 });
        const [again] = await store.claimPendingWindows(1, 'w2', 60_000);
        expect(again).toMatchObject({ id: all!.id, count: 3 });
        expect(await store.completeWindow(all!.id, 'w2', { points: [], results: null, labelled: 0 })).toBe(true);
        expect((await store.getWindow(model.id, all!.id))?.window.status).toBe('evaluated');
      });

      // Regression guard: a time window's seq range holds other windows' records; labels must find windows by time.
      it('a label re-opens the time windows holding its record by timestamp, not by seq range', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 0 } });
        const v = version.id;
        await store.ingestPredictions(model, [at('r1', T0 + 5, v), at('r2', T0 + HOUR + 5, v, 'a'), at('r3', T0 + 10, v), at('open', T0 + 5 * HOUR, v)]);
        expect(await store.closeTimeWindows(T0 + 3 * HOUR, 100)).toBe(3);
        for (const window of await allWindows(store, model.id)) await evaluate(window);

        expect(await store.ingestLabels(model, [{ id: 'r2', label: true, timestamp: 1 }, { id: 'open', label: true, timestamp: 1 }])).toEqual(['accepted', 'accepted']);
        const pending = (await allWindows(store, model.id)).filter((w) => w.status === 'pending');
        expect(byStart(pending).map((w) => [(w.startTime - T0) / HOUR, w.segment])).toEqual([
          [1, null],
          [1, 'a'],
        ]);
        await store.ingestLabels(model, [{ id: 'r3', label: false, timestamp: 2 }]);
        const hour0 = (await allWindows(store, model.id)).find((w) => w.startTime === T0);
        expect(hour0?.status).toBe('pending');
        expect((await store.loadWindowRecords(hour0!)).map((r) => [r.id, r.label])).toEqual([
          ['r1', null],
          ['r3', false],
        ]);
        // The label of the record still in an open window is there when that window closes.
        expect(await store.closeTimeWindows(T0 + 7 * HOUR, 100)).toBe(1);
        const last = (await allWindows(store, model.id)).find((w) => w.startTime === T0 + 5 * HOUR);
        expect((await store.loadWindowRecords(last!)).map((r) => r.label)).toEqual([true]);
      });

      it('keeps versions apart', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 0 } });
        const v2 = await createVersion(model, 'v2');
        await store.ingestPredictions(model, [at('a', T0, version.id), at('b', T0 + 1, v2.id), at('c', T0 + 2, v2.id)]);
        expect(await store.closeTimeWindows(T0 + HOUR, 100)).toBe(2);
        const windows = await allWindows(store, model.id);
        const counts = Object.fromEntries(await Promise.all(windows.map(async (w) => [w.versionId, ids(await store.loadWindowRecords(w))] as const)));
        expect(counts).toEqual({ [version.id]: ['a'], [v2.id]: ['b', 'c'] });
      });

      it('open windows survive a restart (another handle closes them)', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 60 } });
        await store.ingestPredictions(model, [at('r1', T0 + 1, version.id, 'a'), at('r2', T0 + 2, version.id)]);
        const other = await fixture.connect();
        try {
          expect(await other.closeTimeWindows(T0 + 2 * HOUR, 100)).toBe(2);
          expect(await store.closeTimeWindows(T0 + 2 * HOUR, 100)).toBe(0);
          const windows = byStart(await allWindows(other, model.id));
          expect((await Promise.all(windows.map((w) => other.loadWindowRecords(w)))).map(ids)).toEqual([['r1', 'r2'], ['r1']]);
        } finally {
          await other.close();
        }
      });

      it('several handles closing at once close each window once', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 0 } });
        const records = Array.from({ length: 72 }, (_, i) => at(`r${i}`, T0 + (i % 24) * HOUR + i, version.id, ['a', 'b', 'c'][i % 3]));
        await store.ingestPredictions(model, records);
        const others = await Promise.all([fixture.connect(), fixture.connect()]);
        try {
          const handles = [store, ...others];
          const closed = await Promise.all(Array.from({ length: 6 }, (_, i) => closeAll(handles[i % handles.length]!, T0 + 30 * HOUR, 4)));
          const windows = await allWindows(store, model.id);
          // 24 hours for all segments; segment i % 3 gets the hours ≡ i (mod 3), 8 each of a, b and c.
          expect(closed.reduce((sum, n) => sum + n, 0)).toBe(48);
          expect(windows).toHaveLength(48);
          expect(new Set(windows.map((w) => `${w.segment}@${w.startTime}`)).size).toBe(48);
        } finally {
          for (const other of others) await other.close();
        }
      });

      it('ingestion and closing at once on several handles put every record in exactly one window of its series', async () => {
        const { model, version } = await setup({ window: { kind: 'time', size: 3600, lateness: 0 } });
        const others = await Promise.all([fixture.connect(), fixture.connect()]);
        try {
          // Each batch mixes hours; the closers run with every window already due, so records keep arriving late.
          const batches = Array.from({ length: 24 }, (_, b) => Array.from({ length: 10 }, (_, i) => at(`b${b}-${i}`, T0 + ((b * 7 + i * 5) % 6) * HOUR + b * 10 + i, version.id, i % 2 === 0 ? 'even' : null)));
          const ingest = (async () => {
            for (const [b, batch] of batches.entries()) await (b % 2 === 0 ? store : others[0]).ingestPredictions(model, batch);
          })();
          const close = (async () => {
            for (let round = 0; round < 24; round += 1) await others[round % 2]!.closeTimeWindows(T0 + 10 * HOUR, 3);
          })();
          await Promise.all([ingest, close]);
          await closeAll(store, T0 + 10 * HOUR);

          const windows = await allWindows(store, model.id);
          expect(new Set(windows.map((w) => `${w.segment}@${w.startTime}`)).size).toBe(windows.length);
          for (const segment of [null, 'even']) {
            const series = windows.filter((w) => w.segment === segment);
            const seen = (await Promise.all(series.map((w) => store.loadWindowRecords(w)))).flat().map((r) => r.id);
            const expected = batches.flat().filter((r) => segment === null || r.segment === segment).map((r) => r.id);
            expect(seen.sort()).toEqual(expected.sort());
            expect(series.reduce((sum, w) => sum + w.count, 0)).toBe(expected.length);
          }
        } finally {
          for (const other of others) await other.close();
        }
      });
    });

    describe('queries', () => {
      it('lists windows newest first with pagination', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1 } });
        for (let i = 0; i < 3; i += 1) await store.ingestPredictions(model, makeRecords(`b${i}-`, 3, { versionId: version.id }));
        const page = await store.listWindows(model.id, { limit: 100 });
        expect(page.next).toBeNull();
        expect(page.windows).toHaveLength(9);
        for (let i = 1; i < page.windows.length; i += 1) expect(page.windows[i]!.endSeq).toBeLessThan(page.windows[i - 1]!.endSeq);

        const seen: string[] = [];
        let before: string | undefined;
        for (;;) {
          const next = await store.listWindows(model.id, before === undefined ? { limit: 4 } : { limit: 4, before });
          expect(next.windows.length).toBeLessThanOrEqual(4);
          seen.push(...next.windows.map((w) => w.id));
          if (next.next === null) break;
          before = next.next;
        }
        expect(seen).toEqual(page.windows.map((w) => w.id));
        const exact = await store.listWindows(model.id, { limit: 9 });
        expect(exact.next).toBeNull();
        expect(await store.listWindows('no-such-model', { limit: 10 })).toEqual({ windows: [], next: null });
      });

      it('queries metric series by metric, feature, segment, version and time', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 2 } });
        await store.ingestPredictions(model, makeRecords('r', 2, { versionId: version.id, segment: 'a' }));
        const windows = await allWindows(store, model.id);
        const all = windows.find((w) => w.segment === null)!;
        const segment = windows.find((w) => w.segment === 'a')!;
        await evaluate(all, [makePoint(all, 'drift.statistic', 'age', 100), makePoint(all, 'drift.statistic', 'plan', 200), makePoint(all, 'drift.statistic', 'age', 300), makePoint(all, 'drift.share', null, 250)]);
        await evaluate(segment, [makePoint(segment, 'drift.statistic', 'age', 150)]);

        const times = async (query: Parameters<Store['queryMetrics']>[1]): Promise<number[]> => (await store.queryMetrics(model.id, query)).map((p) => p.time);
        expect(await times({ metric: 'drift.statistic' })).toEqual([100, 150, 200, 300]);
        expect(await times({ metric: 'drift.statistic', feature: 'age', segment: null })).toEqual([100, 300]);
        expect(await times({ segment: 'a' })).toEqual([150]);
        expect(await times({ segment: 'b' })).toEqual([]);
        expect(await times({ segment: null })).toEqual([100, 200, 250, 300]);
        expect(await times({ from: 150, to: 250 })).toEqual([150, 200, 250]);
        expect(await times({ from: 251 })).toEqual([300]);
        expect(await times({ to: 100 })).toEqual([100]);
        expect(await times({ limit: 2 })).toEqual([100, 150]);
        expect(await times({ versionId: version.id, metric: 'drift.share' })).toEqual([250]);
        expect(await times({ versionId: 'no-such-version' })).toEqual([]);
        expect(await store.queryMetrics('no-such-model', {})).toEqual([]);

        const [point] = await store.queryMetrics(model.id, { metric: 'drift.share' });
        expect(point).toEqual(makePoint(all, 'drift.share', null, 250));

        const latest = sortPoints(await store.latestMetrics(model.id));
        expect(latest.map((p) => [p.metric, p.feature, p.time])).toEqual([
          ['drift.statistic', 'plan', 200],
          ['drift.share', null, 250],
          ['drift.statistic', 'age', 300],
        ]);
      });

      it('reads the newest points of a series, points without a feature, points with a value', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1 } });
        await store.ingestPredictions(model, makeRecords('r', 1, { versionId: version.id }));
        const [window] = await allWindows(store, model.id);
        await evaluate(window!, [
          makePoint(window!, 'drift.statistic', 'age', 100),
          makePoint(window!, 'drift.statistic', 'age', 200, null),
          makePoint(window!, 'drift.statistic', 'age', 300),
          makePoint(window!, 'drift.statistic', null, 250),
          makePoint(window!, 'drift.statistic', 'age', 400),
        ]);
        const times = async (query: Parameters<Store['queryMetrics']>[1]): Promise<number[]> => (await store.queryMetrics(model.id, query)).map((p) => p.time);
        expect(await times({ metric: 'drift.statistic', feature: 'age', latest: 2 })).toEqual([300, 400]);
        expect(await times({ metric: 'drift.statistic', feature: 'age', latest: 3, limit: 1 })).toEqual([200, 300, 400]);
        expect(await times({ metric: 'drift.statistic', feature: 'age', latest: 3, withValue: true })).toEqual([100, 300, 400]);
        expect(await times({ metric: 'drift.statistic', feature: null })).toEqual([250]);
        expect(await times({ withValue: true, to: 250 })).toEqual([100, 250]);
      });

      it('counts a model\'s records whose timestamp is at or after an instant', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1000 } });
        const other = await createModel({ name: 'other' });
        const otherVersion = await createVersion(other);
        expect(await store.countRecordsSince(model.id, 0)).toBe(0);
        await store.ingestPredictions(model, [1000, 2000, 2000, 3000].map((timestamp, i) => makeRecord(`r${i}`, { versionId: version.id, timestamp })));
        await store.ingestPredictions(other, makeRecords('o', 3, { versionId: otherVersion.id, timestamp: 2500 }));
        expect(await store.countRecordsSince(model.id, 0)).toBe(4);
        expect(await store.countRecordsSince(model.id, 2000)).toBe(3);
        expect(await store.countRecordsSince(model.id, 2001)).toBe(1);
        expect(await store.countRecordsSince(model.id, 3001)).toBe(0);
        expect(await store.countRecordsSince(other.id, 2000)).toBe(3);
        expect(await store.countRecordsSince('no-such-model', 0)).toBe(0);
      });

      it('says when a model or version last received a record', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1000 } });
        const other = await createVersion(model, 'v2');
        expect(await store.lastRecordAt(model.id)).toBeNull();
        const before = Date.now();
        await store.ingestPredictions(model, makeRecords('r', 3, { versionId: version.id, timestamp: 5 }));
        const first = await store.lastRecordAt(model.id);
        expect(first).toBeGreaterThanOrEqual(before);
        expect(first).toBeLessThanOrEqual(Date.now());
        expect(await store.lastRecordAt(model.id, version.id)).toBe(first);
        expect(await store.lastRecordAt(model.id, other.id)).toBeNull();
        expect(await store.lastRecordAt('no-such-model')).toBeNull();
      });
    });

    describe('listRecordsInRange', () => {
      it('pages through one version\'s records of a time range (inclusive), by timestamp then seq, with their labels', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1000 } });
        const other = await createVersion(model, 'v2');
        const at = (id: string, timestamp: number, segment: string | null = null, label: boolean | null = null): ValidRecord =>
          makeRecord(id, { versionId: version.id, timestamp, segment, label });
        // Ingestion order differs from timestamp order, and three records share one timestamp.
        await store.ingestPredictions(model, [at('late', 5000), at('early', 1000, 'a'), at('tie1', 3000, 'a', true), at('before', 999), at('after', 5001)]);
        await store.ingestPredictions(model, [at('tie2', 3000), at('tie3', 3000, 'a'), makeRecord('v2-record', { versionId: other.id, timestamp: 3000 })]);
        await store.ingestLabels(model, [{ id: 'tie2', label: false, timestamp: 4000 }]);

        const readAll = async (range: Parameters<Store['listRecordsInRange']>[0], limit: number): Promise<string[]> => {
          const ids: string[] = [];
          let last: StoredRecord | undefined;
          for (;;) {
            const page = await store.listRecordsInRange(range, limit, last);
            expect(page.length).toBeLessThanOrEqual(limit);
            ids.push(...page.map((r) => r.id));
            if (page.length < limit) return ids;
            last = page.at(-1);
          }
        };
        const expected = ['early', 'tie1', 'tie2', 'tie3', 'late'];
        expect(await readAll({ versionId: version.id, from: 1000, to: 5000 }, 2)).toEqual(expected);
        expect(await readAll({ versionId: version.id, from: 1000, to: 5000 }, 1)).toEqual(expected);
        expect(await readAll({ versionId: version.id, from: 1000, to: 5000 }, 100)).toEqual(expected);
        expect(await readAll({ versionId: version.id, from: 1000, to: 5000, segment: 'a' }, 1)).toEqual(['early', 'tie1', 'tie3']);
        expect(await readAll({ versionId: other.id, from: 0, to: 10_000 }, 10)).toEqual(['v2-record']);
        expect(await readAll({ versionId: version.id, from: 6000, to: 7000 }, 10)).toEqual([]);
        expect(await store.listRecordsInRange({ versionId: 'no-such-version', from: 0, to: 10_000 }, 10)).toEqual([]);

        const [tie1, tie2] = (await store.listRecordsInRange({ versionId: version.id, from: 3000, to: 3000 }, 2));
        expect(tie1).toMatchObject({ id: 'tie1', versionId: version.id, timestamp: 3000, segment: 'a', label: true, prediction: true, score: 0.75 });
        expect(tie1!.features).toEqual({ age: 42.5, plan: 'pro', vec: [0.25, -1], missing: null });
        expect(tie2).toMatchObject({ id: 'tie2', segment: null, label: false });
        expect(tie2!.seq).toBeGreaterThan(tie1!.seq);
      });
    });

    describe('retention', () => {
      it('deletes records and metric points older than a time, per model', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 3 } });
        const other = await setup({ name: 'other', window: { kind: 'count', size: 3 } });
        const records = [1000, 2000, 3000].map((timestamp, i) => makeRecord(`r${i + 1}`, { versionId: version.id, timestamp }));
        await store.ingestPredictions(model, records);
        await store.ingestPredictions(other.model, records.map((r) => ({ ...r, versionId: other.version.id })));

        expect(await store.deleteRecordsBefore(model.id, 2500)).toEqual({ records: 2, labels: 0 });
        expect(await store.deleteRecordsBefore(model.id, 2500)).toEqual({ records: 0, labels: 0 });
        const [window] = await allWindows(store, model.id);
        expect((await store.loadWindowRecords(window!)).map((r) => r.id)).toEqual(['r3']);
        const [otherWindow] = await allWindows(store, other.model.id);
        expect(await store.loadWindowRecords(otherWindow!)).toHaveLength(3);

        await evaluate(window!, [makePoint(window!, 'm', null, 100), makePoint(window!, 'm', null, 200), makePoint(window!, 'm', null, 300)]);
        await evaluate(otherWindow!, [makePoint(otherWindow!, 'm', null, 100)], 'w-other');
        expect(await store.deleteMetricsBefore(model.id, 200)).toEqual({ points: 1, windows: 0 });
        expect((await store.queryMetrics(model.id, {})).map((p) => p.time)).toEqual([200, 300]);
        expect(await store.queryMetrics(other.model.id, {})).toHaveLength(1);
      });

      it('removes the labels of deleted records and old labels whose prediction never came; the ids are free again', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1 }, segmentFields: [] });
        const record = (id: string, timestamp: number, label: boolean | null): ValidRecord => makeRecord(id, { versionId: version.id, timestamp, label });
        await store.ingestPredictions(model, [record('old', 1000, true), record('new', 3000, null)]);
        const labels = [
          { id: 'never', label: false, timestamp: 1500 },
          { id: 'later', label: false, timestamp: 2500 },
          { id: 'new', label: true, timestamp: 3500 },
        ];
        expect(await store.ingestLabels(model, labels)).toEqual(['accepted', 'accepted', 'accepted']);
        expect(await store.deleteRecordsBefore(model.id, 2000)).toEqual({ records: 1, labels: 2 });
        // Only the label of `later` (newer than the cut) and of `new` remain.
        expect(await store.ingestPredictions(model, [record('old', 4000, null), record('never', 4000, null), record('later', 4000, null)])).toEqual(['accepted', 'accepted', 'accepted']);
        const stored = new Map<string, unknown>();
        for (const window of await allWindows(store, model.id)) for (const r of await store.loadWindowRecords(window)) stored.set(r.id, r.label);
        expect(Object.fromEntries(stored)).toEqual({ new: true, old: null, never: null, later: false });
      });

      it('deletes in chunks of at most `limit` rows of each kind, oldest first', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 2 }, segmentFields: [] });
        const records = [5000, 1000, 4000, 2000, 3000, 9000].map((timestamp, i) => makeRecord(`r${i}`, { versionId: version.id, timestamp, label: i % 2 === 0 }));
        await store.ingestPredictions(model, records);
        await store.ingestLabels(model, [1, 2, 3].map((n) => ({ id: `orphan${n}`, label: true, timestamp: n * 1000 })));
        // Each call: the 2 oldest records with their labels, then the 2 oldest labels without a record.
        expect(await store.deleteRecordsBefore(model.id, 6000, 2)).toEqual({ records: 2, labels: 4 });
        expect(await store.deleteRecordsBefore(model.id, 6000, 2)).toEqual({ records: 2, labels: 3 });
        expect(await store.deleteRecordsBefore(model.id, 6000, 2)).toEqual({ records: 1, labels: 1 });
        expect(await store.deleteRecordsBefore(model.id, 6000, 2)).toEqual({ records: 0, labels: 0 });
        const windows = await allWindows(store, model.id);
        const left = (await Promise.all(windows.map((w) => store.loadWindowRecords(w)))).flat();
        expect(left.map((r) => [r.id, r.label])).toEqual([['r5', false]]);

        // Windows: [r0 r1] ends 5000, [r2 r3] 4000, [r4 r5] 9000. Points at their end times; one window stays pending.
        const [first, second, third] = windows;
        await evaluate(first!, [makePoint(first!, 'm', null, 5000), makePoint(first!, 'n', null, 5000)]);
        await evaluate(second!, [makePoint(second!, 'm', null, 4000)]);
        expect(await store.deleteMetricsBefore(model.id, 10_000, 2)).toEqual({ points: 2, windows: 1 });
        expect(await store.deleteMetricsBefore(model.id, 10_000, 2)).toEqual({ points: 1, windows: 1 });
        expect(await store.deleteMetricsBefore(model.id, 10_000, 2)).toEqual({ points: 0, windows: 0 });
        expect((await allWindows(store, model.id)).map((w) => w.id)).toEqual([third!.id]);
        expect(await store.getWindow(model.id, second!.id)).toBeNull();
        expect(await store.deleteRecordsBefore('no-such-model', 6000, 2)).toEqual({ records: 0, labels: 0 });
        expect(await store.deleteMetricsBefore('no-such-model', 6000, 2)).toEqual({ points: 0, windows: 0 });
      });

      it('two handles purging at once delete each record once', async () => {
        const { model, version } = await setup({ window: { kind: 'count', size: 1000 } });
        await store.ingestPredictions(model, Array.from({ length: 60 }, (_, i) => makeRecord(`r${i}`, { versionId: version.id, timestamp: 1000 + (i % 7), label: i % 3 === 0 })));
        const other = await fixture.connect();
        try {
          const purge = async (handle: Store): Promise<number> => {
            let total = 0;
            for (;;) {
              const { records } = await handle.deleteRecordsBefore(model.id, 2000, 7);
              total += records;
              if (records === 0) return total;
            }
          };
          const [a, b] = await Promise.all([purge(store), purge(other)]);
          expect(a + b).toBe(60);
          expect(await store.ingestPredictions(model, [makeRecord('r0', { versionId: version.id })])).toEqual(['accepted']);
        } finally {
          await other.close();
        }
      });
    });
  });
}
