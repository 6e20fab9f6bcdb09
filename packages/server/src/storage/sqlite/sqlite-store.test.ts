import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewModel, Store } from '../store.js';
import { runStoreContract } from '../store.case.js';
import { applySqliteMigrations, openSqliteStore, SQLITE_FILE_NAME, SQLITE_MIGRATIONS } from './index.js';
import type { SqliteStore } from './index.js';

const MODEL: NewModel = {
  project: 'default',
  name: 'm',
  task: 'regression',
  description: null,
  features: [{ name: 'x', type: 'numerical' }],
  prediction: { type: 'numerical' },
  label: null,
  score: false,
  segmentFields: [],
  protected: null,
  window: { kind: 'count', size: 1 },
  retention: { recordsDays: 1, metricsDays: 1 },
};

runStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bothub-sqlite-'));
  const handles: Store[] = [];
  const store = await openSqliteStore({ dataDir: dir });
  return {
    store,
    connect: async () => {
      const handle = await openSqliteStore({ dataDir: dir });
      handles.push(handle);
      return handle;
    },
    cleanup: async () => {
      for (const handle of [store, ...handles]) await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('openSqliteStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bothub-sqlite-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the data directory and applies the durability settings on every open', async () => {
    const dataDir = join(dir, 'nested', 'data');
    for (let open = 0; open < 2; open += 1) {
      const store = await openSqliteStore({ dataDir });
      await store.migrate();
      const db = store.database;
      expect(db.name).toBe(join(dataDir, SQLITE_FILE_NAME));
      expect(db.prepare('PRAGMA journal_mode').pluck().get()).toBe('wal');
      // 2 = FULL: the WAL is synced on every commit.
      expect(db.prepare('PRAGMA synchronous').pluck().get()).toBe(2);
      expect(db.prepare('PRAGMA foreign_keys').pluck().get()).toBe(1);
      expect(db.prepare('PRAGMA busy_timeout').pluck().get()).toBeGreaterThan(0);
      await store.close();
    }
  });

  it('opens an explicit file', async () => {
    const file = join(dir, 'sub', 'custom.db');
    const store = await openSqliteStore({ file });
    await store.migrate();
    expect(store.database.name).toBe(file);
    await store.close();
  });

  it('records applied migrations once', async () => {
    const store: SqliteStore = await openSqliteStore({ dataDir: dir });
    await store.migrate();
    await store.migrate();
    const rows = store.database.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(applySqliteMigrations(store.database)).toEqual([]);
    await store.close();
  });

  it('rolls back a failing migration with the ones before it', async () => {
    const store = await openSqliteStore({ dataDir: dir });
    const broken = [...SQLITE_MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;' }];
    expect(() => applySqliteMigrations(store.database, broken)).toThrow(/no_such_table/);
    expect(store.database.prepare("SELECT name FROM sqlite_master WHERE name IN ('models', 'extra', 'schema_migrations')").all()).toEqual([]);
    await store.close();
  });

  it('counts windows exactly when two connections ingest overlapping batches', async () => {
    const [a, b] = await Promise.all([openSqliteStore({ dataDir: dir }), openSqliteStore({ dataDir: dir })]);
    await a.migrate();
    await b.migrate();
    const model = await a.createModel({ ...MODEL, window: { kind: 'count', size: 10 } });
    const version = await a.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, []);
    const record = (i: number) => ({ id: `r${i}`, versionId: version.id, timestamp: i, features: { x: i }, prediction: i, score: null, label: null, segment: i % 2 === 0 ? 'even' : null });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, k) => (k % 2 === 0 ? a : b).ingestPredictions(model, Array.from({ length: 10 }, (_, i) => record(k * 5 + i)))));
    expect(answers.flat().filter((s) => s === 'accepted')).toHaveLength(105);
    const windows = (await b.listWindows(model.id, { limit: 100 })).windows;
    expect(windows.filter((w) => w.segment === null)).toHaveLength(10);
    expect(windows.filter((w) => w.segment === 'even')).toHaveLength(5);
    const seen = (await Promise.all(windows.filter((w) => w.segment === null).map((w) => a.loadWindowRecords(w)))).flat().map((r) => r.id);
    expect(new Set(seen).size).toBe(100);
    await a.close();
    await b.close();
  });

  it('rolls back a whole batch when one record names an unknown version', async () => {
    const store = await openSqliteStore({ dataDir: dir });
    await store.migrate();
    const model = await store.createModel(MODEL);
    const version = await store.createVersion({ modelId: model.id, version: 'v1', metadata: {} }, []);
    const record = { id: 'a', versionId: version.id, timestamp: 1, features: { x: 1 }, prediction: 1, score: null, label: null, segment: null };
    await expect(store.ingestPredictions(model, [record, { ...record, id: 'b', versionId: 'nope' }])).rejects.toThrow(/nope/);
    expect(await store.ingestPredictions(model, [record])).toEqual(['accepted']);
    expect((await store.listWindows(model.id, { limit: 10 })).windows).toHaveLength(1);
    await store.close();
  });
});
