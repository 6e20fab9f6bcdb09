import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Model, ValidRecord, Version } from '@bothub/core';
import { runStoreContract } from '../store.case.js';
import type { IngestStatus, NewModel } from '../store.js';
import { StoreNotFoundError } from '../store-errors.js';
import { migratePostgres } from './migrate-postgres.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { openPostgresStore } from './postgres-store.js';
import type { PostgresStore } from './postgres-store.js';

const DATABASE_URL = process.env.BOTHUB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `bothub_test_${randomBytes(5).toString('hex')}`;
let schemas = 0;

/** A schema name no other test or parallel run uses. */
function freshSchema(): string {
  schemas += 1;
  return `${RUN}_${schemas}`;
}

async function unreachableReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unreachable = await unreachableReason();
if (unreachable !== null && process.env.CI === 'true') {
  throw new Error(`PostgreSQL at ${DATABASE_URL} is unreachable under CI (${unreachable}); set BOTHUB_TEST_DATABASE_URL or start the server`);
}

async function dropSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [`${RUN}_`]);
    for (const row of rows) await client.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const MODEL: NewModel = {
  project: 'default',
  name: 'churn',
  task: 'binary_classification',
  description: null,
  features: [{ name: 'age', type: 'numerical' }],
  prediction: { type: 'boolean' },
  label: { type: 'boolean' },
  score: true,
  segmentFields: ['plan'],
  protected: null,
  window: { kind: 'count', size: 7 },
  retention: { recordsDays: 30, metricsDays: 365 },
};

/**
 * Another node's ingestion of one record, stopped before its commit: a connection whose open transaction holds the
 * model's sequence row and has stored the record. The caller goes on with it, commits and ends it.
 */
async function ingestionInFlight(schema: string, modelId: string, versionId: string, record: { id: string; seq: number; ts: number }): Promise<pg.Client> {
  const node = new pg.Client({ connectionString: DATABASE_URL });
  await node.connect();
  try {
    await node.query(`SET search_path TO "${schema}"`);
    await node.query('BEGIN');
    await node.query('UPDATE ingest_sequences SET next_seq = next_seq + 1 WHERE model_id = $1', [modelId]);
    await node.query("INSERT INTO records (model_id, record_id, seq, version_id, ts, received_at, features) VALUES ($1, $2, $3, $4, $5, 0, '{}')", [modelId, record.id, record.seq, versionId, record.ts]);
    return node;
  } catch (error) {
    await node.end();
    throw error;
  }
}

/** Resolves once `work` waits for a lock that `holder` holds, or has settled without waiting: polls the server. */
async function untilBlockedBy(holder: pg.Client, work: Promise<unknown>): Promise<void> {
  const progress = { settled: false };
  const settle = (): void => {
    progress.settled = true;
  };
  work.then(settle, settle);
  for (;;) {
    // pg_stat_activity is read as of the transaction's first look at it: clear that snapshot on every poll.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const waiting = await holder.query('SELECT 1 FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))');
    if (progress.settled || (waiting.rowCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** mulberry32: a small seeded generator, so the interleaving of the concurrency test is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (unreachable !== null) {
  describe('PostgresStore', () => {
    it.skip(`skipped: PostgreSQL unreachable at ${DATABASE_URL} (${unreachable})`, () => undefined);
  });
} else {
  afterAll(dropSchemas);

  runStoreContract('postgres', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 4 });
    return {
      store,
      connect: () => openPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 4 }),
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('PostgresStore', () => {
    let schema: string;
    const opened: PostgresStore[] = [];
    const open = async (poolSize = 4): Promise<PostgresStore> => {
      const store = await openPostgresStore({ connectionString: DATABASE_URL, schema, poolSize });
      opened.push(store);
      return store;
    };

    beforeEach(() => {
      schema = freshSchema();
    });

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await dropSchema(schema);
    });

    it('commits synchronously on every connection, even when the connection string asks otherwise', async () => {
      const relaxed = `${DATABASE_URL}${DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c synchronous_commit=off')}`;
      const probe = new pg.Client({ connectionString: relaxed });
      await probe.connect();
      try {
        // The override really reaches the server, so the assertion below is not vacuous.
        expect((await probe.query<{ value: string }>("SELECT current_setting('synchronous_commit') AS value")).rows[0]?.value).toBe('off');
      } finally {
        await probe.end();
      }
      const store = await openPostgresStore({ connectionString: relaxed, schema, poolSize: 3 });
      opened.push(store);
      const sessions = await Promise.all(Array.from({ length: 6 }, () => store.describeSession()));
      for (const session of sessions) expect(session).toEqual({ synchronousCommit: 'on', schema });
    });

    it('applies each migration once when nodes start together', async () => {
      const stores = await Promise.all([open(2), open(2), open(2)]);
      const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
      try {
        const { rows } = await pool.query<{ version: number; name: string }>(`SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`);
        expect(rows).toEqual(POSTGRES_MIGRATIONS.map((migration) => ({ version: migration.version, name: migration.name })));
        expect(await migratePostgres(pool, schema, POSTGRES_MIGRATIONS)).toEqual([]);
        await expect(migratePostgres(pool, schema, [...POSTGRES_MIGRATIONS, { version: 1, name: 'again', sql: 'SELECT 1' }])).rejects.toThrow(/appears twice/);
      } finally {
        await pool.end();
      }
      await Promise.all(stores.map((store) => store.ping()));
    });

    it('rejects schema names that are not plain identifiers', async () => {
      await expect(openPostgresStore({ connectionString: DATABASE_URL, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(RangeError);
    });

    it('refuses to ingest for a model it does not know', async () => {
      const store = await open();
      const model: Model = { ...MODEL, id: 'no-such-model', createdAt: new Date(0).toISOString() };
      const record: ValidRecord = { id: 'r1', versionId: 'v', timestamp: 1, features: {}, prediction: true, score: null, label: null, segment: null };
      await expect(store.ingestPredictions(model, [record])).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('two nodes ingesting overlapping batches at once store each id once and count windows exactly; claims never overlap', async () => {
      const nodeA = await open(4);
      const nodeB = await open(4);
      const model = await nodeA.createModel(MODEL);
      const version: Version = await nodeA.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, ['production']);
      const segments = ['a', 'b', null] as const;
      const ids = Array.from({ length: 900 }, (_, i) => `r${i}`);
      const record = (id: string): ValidRecord => {
        const n = Number(id.slice(1));
        return { id, versionId: version.id, timestamp: 1_700_000_000_000 + n, features: { age: n }, prediction: n % 2 === 0, score: 0.5, label: null, segment: segments[n % 3]! };
      };
      const random = seededRandom(4);
      // 60 batches of 40 ids drawn with replacement: most ids arrive several times, on both nodes, often at once.
      const batches = Array.from({ length: 60 }, () => Array.from({ length: 40 }, () => record(ids[Math.floor(random() * ids.length)]!)));
      const answers = await Promise.all(batches.map((batch, i) => (i % 2 === 0 ? nodeA : nodeB).ingestPredictions(model, batch)));

      const acceptedTimes = new Map<string, number>();
      answers.forEach((statuses: IngestStatus[], i) => {
        statuses.forEach((status, j) => {
          if (status === 'accepted') {
            const id = batches[i]![j]!.id;
            acceptedTimes.set(id, (acceptedTimes.get(id) ?? 0) + 1);
          }
        });
      });
      const sent = new Set(batches.flat().map((r) => r.id));
      expect(acceptedTimes.size).toBe(sent.size);
      expect([...acceptedTimes.values()].every((times) => times === 1)).toBe(true);

      const windows = [...(await nodeB.listWindows(model.id, { limit: 10_000 })).windows].reverse();
      const perSeries = new Map<string, string[][]>();
      for (const window of windows) {
        const loaded = (await nodeA.loadWindowRecords(window)).map((r) => r.id);
        expect(loaded).toHaveLength(7);
        expect(window.count).toBe(7);
        const key = window.segment ?? '*';
        perSeries.set(key, [...(perSeries.get(key) ?? []), loaded]);
      }
      const sentIn = (segment: string | null): number => [...sent].filter((id) => segment === null || record(id).segment === segment).length;
      for (const segment of ['a', 'b', null]) {
        const series = perSeries.get(segment ?? '*') ?? [];
        expect(series).toHaveLength(Math.floor(sentIn(segment) / 7));
        // Windows of one series are disjoint: no record is counted twice.
        const flat = series.flat();
        expect(new Set(flat).size).toBe(flat.length);
      }
      expect(perSeries.has('null')).toBe(false);

      // Rounds of 16 concurrent claimers on both nodes until nothing is left.
      const claimed: string[] = [];
      for (;;) {
        const claims = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? nodeA : nodeB).claimPendingWindows(5, `worker-${i}`, 60_000)));
        if (claims.every((claim) => claim.length === 0)) break;
        claimed.push(...claims.flat().map((w) => w.id));
      }
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(windows.map((w) => w.id).sort());
    });

    it('no label is lost for evaluation while predictions, labels and evaluations run at once on two nodes', async () => {
      const nodeA = await open(4);
      const nodeB = await open(4);
      const model = await nodeA.createModel({ ...MODEL, window: { kind: 'count', size: 5 } });
      const version = await nodeA.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, []);
      const record = (i: number): ValidRecord => ({ id: `r${i}`, versionId: version.id, timestamp: i, features: { age: i }, prediction: true, score: 0.5, label: null, segment: i % 2 === 0 ? 'a' : 'b' });
      const random = seededRandom(9);
      const evaluateAll = async (node: PostgresStore, worker: string): Promise<number> => {
        const windows = await node.claimPendingWindows(4, worker, 60_000);
        for (const window of windows) {
          const labelled = (await node.loadWindowRecords(window)).filter((r) => r.label !== null).length;
          await node.completeWindow(window.id, worker, { points: [], results: null, labelled });
        }
        return windows.length;
      };
      const predictions = (async () => {
        for (let b = 0; b < 30; b += 1) await (b % 2 === 0 ? nodeA : nodeB).ingestPredictions(model, Array.from({ length: 10 }, (_, i) => record(b * 10 + i)));
      })();
      const labels = (async () => {
        for (let b = 0; b < 30; b += 1) {
          const batch = Array.from({ length: 8 }, () => Math.floor(random() * 300)).map((i) => ({ id: `r${i}`, label: true, timestamp: i }));
          await (b % 2 === 0 ? nodeB : nodeA).ingestLabels(model, batch);
        }
      })();
      const workers = (async () => {
        for (let round = 0; round < 40; round += 1) await Promise.all([evaluateAll(nodeA, 'wa'), evaluateAll(nodeB, 'wb')]);
      })();
      await Promise.all([predictions, labels, workers]);
      while ((await evaluateAll(nodeA, 'drain')) > 0);

      const windows = (await nodeA.listWindows(model.id, { limit: 1000 })).windows;
      expect(windows).toHaveLength(60 + 30 + 30);
      for (const window of windows) {
        expect(window.status).toBe('evaluated');
        const labelled = (await nodeB.loadWindowRecords(window)).filter((r) => r.label !== null).length;
        expect(window.labelled).toBe(labelled);
      }
    });

    it('a label stored while an ingestion is in flight re-opens the window that ingestion closes', async () => {
      const store = await open(2);
      const model = await store.createModel(MODEL);
      const version = await store.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, []);
      // Another node's ingestion, stopped before its commit, has stored a record and closed (here: an already
      // evaluated) window holding it.
      const node = await ingestionInFlight(schema, model.id, version.id, { id: 'late', seq: 1, ts: 0 });
      try {
        const { rows } = await node.query<{ id: string }>(
          "INSERT INTO windows (model_id, version_id, kind, start_seq, end_seq, start_time, end_time, count, status, closed_at, evaluated_at) VALUES ($1, $2, 'count', 1, 1, 0, 0, 1, 'evaluated', 0, 0) RETURNING id",
          [model.id, version.id],
        );
        const labelling = store.ingestLabels(model, [{ id: 'late', label: true, timestamp: 1 }]);
        // Until the labels wait for the ingestion (or, were they not to, have finished).
        await untilBlockedBy(node, labelling);
        await node.query('COMMIT');
        expect(await labelling).toEqual(['accepted']);
        expect((await store.getWindow(model.id, rows[0]!.id))?.window.status).toBe('pending');
      } finally {
        await node.end();
      }
    });

    it('closing time windows waits for an ingestion of the model in flight, so its records are in the window it closes', async () => {
      const store = await open(2);
      const model = await store.createModel({ ...MODEL, window: { kind: 'time', size: 3600, lateness: 0 } });
      const version = await store.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, []);
      await store.ingestPredictions(model, [{ id: 'r1', versionId: version.id, timestamp: 10, features: {}, prediction: true, score: null, label: null, segment: null }]);
      // Another node's ingestion, stopped before its commit, has stored a record of hour 0 but not yet added it to
      // that hour's open window (it found no closed window to add it to).
      const node = await ingestionInFlight(schema, model.id, version.id, { id: 'r2', seq: 2, ts: 20 });
      try {
        const closing = store.closeTimeWindows(3_600_000, 100);
        // Until the closer waits for the ingestion (or, were it not to, has finished).
        await untilBlockedBy(node, closing);
        // Were the window closed meanwhile, this would open a second window of the hour, and r2 would miss the first.
        await node.query(
          `INSERT INTO open_time_windows (model_id, version_id, segment, start_time, end_time, close_at, count, min_seq, max_seq) VALUES ($1, $2, NULL, 0, 3600000, 3600000, 1, 2, 2)
           ON CONFLICT (model_id, version_id, segment_key, start_time) DO UPDATE SET count = open_time_windows.count + 1, max_seq = 2`,
          [model.id, version.id],
        );
        await node.query('COMMIT');
        expect(await closing).toBe(1);
      } finally {
        await node.end();
      }
      const [window] = (await store.listWindows(model.id, { limit: 10 })).windows;
      expect(window).toMatchObject({ kind: 'time', count: 2, startSeq: 1, endSeq: 2 });
      expect((await store.loadWindowRecords(window!)).map((r) => r.id)).toEqual(['r1', 'r2']);
      expect(await store.closeTimeWindows(3_600_000, 100)).toBe(0);
    });

    it('labels from two nodes at once are stored once and re-open their windows', async () => {
      const nodeA = await open(4);
      const nodeB = await open(4);
      const model = await nodeA.createModel({ ...MODEL, window: { kind: 'count', size: 10 } });
      const version = await nodeA.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, []);
      const records = Array.from({ length: 50 }, (_, i): ValidRecord => ({ id: `r${i}`, versionId: version.id, timestamp: i, features: { age: i }, prediction: true, score: 0.5, label: null, segment: null }));
      await nodeA.ingestPredictions(model, records);
      const windows = await nodeA.claimPendingWindows(100, 'w', 60_000);
      expect(windows).toHaveLength(5);
      for (const window of windows) expect(await nodeA.completeWindow(window.id, 'w', { points: [], results: null, labelled: 0 })).toBe(true);

      // Both nodes send labels for r0..r29 in opposite orders; only the first window of each id's pair counts.
      const labels = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, label: i % 2 === 0, timestamp: 100 + i }));
      const [a, b] = await Promise.all([nodeA.ingestLabels(model, labels), nodeB.ingestLabels(model, [...labels].reverse())]);
      const acceptedA = labels.filter((_, i) => a[i] === 'accepted').map((l) => l.id);
      const acceptedB = [...labels].reverse().filter((_, i) => b[i] === 'accepted').map((l) => l.id);
      expect([...acceptedA, ...acceptedB].sort()).toEqual(labels.map((l) => l.id).sort());

      const reopened = await nodeB.claimPendingWindows(100, 'w2', 60_000);
      expect(reopened.map((w) => w.startSeq).sort((x, y) => x - y)).toEqual(windows.slice(0, 3).map((w) => w.startSeq));
      const loaded = await nodeB.loadWindowRecords(reopened[0]!);
      expect(loaded.every((r) => r.label === (Number(r.id.slice(1)) % 2 === 0))).toBe(true);
    });
  });
}
