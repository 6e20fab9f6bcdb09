import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addGeneratedKey, generateKeyRing, sealedStringKeyId } from '../security/index.js';
import type { KeyRing } from '../security/index.js';
import type { NewChannel } from './alert-store.js';
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite/index.js';
import type { SqliteStore } from './sqlite/index.js';

const URL_SECRET = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX';
const SIGNING_SECRET = 'whsec-0123456789-abcdefghij';
const SMTP_PASSWORD = 'smtp-pass-word-9876';
const ROUTING_KEY = 'R0UT1NGKEY0123456789ABCDEFGHIJ';
const PLAINTEXTS = [URL_SECRET, SIGNING_SECRET, SMTP_PASSWORD, ROUTING_KEY];

function channel(name: string, overrides: Partial<NewChannel> = {}): NewChannel {
  return {
    name,
    kind: 'webhook',
    severities: ['critical'],
    rateLimitPerMinute: 30,
    enabled: true,
    url: URL_SECRET,
    routingKey: null,
    smtp: null,
    command: null,
    secrets: { secret: SIGNING_SECRET, smtpPassword: null },
    ...overrides,
  };
}

const email = (name: string): NewChannel =>
  channel(name, { kind: 'email', url: null, smtp: { host: 'smtp.example.com', port: 587, secure: false, user: 'bothub', from: 'b@example.com', to: ['o@example.com'] }, secrets: { secret: null, smtpPassword: SMTP_PASSWORD } });
const pagerduty = (name: string): NewChannel => channel(name, { kind: 'pagerduty', url: null, routingKey: ROUTING_KEY, secrets: { secret: null, smtpPassword: null } });

const dirs: string[] = [];
const stores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function openSqlite(keyRing: KeyRing, dir?: string): Promise<{ store: SqliteStore; dir: string }> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'bothub-seal-')));
  if (dir === undefined) dirs.push(dataDir);
  const store = await openSqliteStore({ dataDir, keyRing });
  stores.push(store);
  await store.migrate();
  return { store, dir: dataDir };
}

/** Every channel column as stored, concatenated: what someone holding the database file would read. */
function rawChannels(store: SqliteStore): string {
  return JSON.stringify(store.database.prepare('SELECT * FROM channels').all());
}

describe('channel secrets at rest (SQLite)', () => {
  it('keeps URLs, routing keys, signing secrets and SMTP passwords out of the database and its file', async () => {
    const ring = generateKeyRing();
    const { store, dir } = await openSqlite(ring);
    await store.alerts.createChannel(channel('hook'));
    await store.alerts.createChannel(email('mail'));
    await store.alerts.createChannel(pagerduty('pager'));
    const raw = rawChannels(store);
    for (const secret of PLAINTEXTS) expect(raw).not.toContain(secret);
    expect(raw).toContain('bhe1:');
    // Checkpoint the WAL, then read the database file itself.
    store.database.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const file = await readFile(join(dir, SQLITE_FILE_NAME));
    for (const secret of PLAINTEXTS) expect(file.includes(Buffer.from(secret))).toBe(false);

    const hook = await store.alerts.getChannel('hook');
    expect(hook?.channel).toMatchObject({ url: URL_SECRET, hasSecret: true });
    expect(hook?.secrets).toEqual({ secret: SIGNING_SECRET, smtpPassword: null });
    expect((await store.alerts.getChannel('mail'))?.secrets.smtpPassword).toBe(SMTP_PASSWORD);
    expect((await store.alerts.getChannelById(hook!.channel.id))?.channel.url).toBe(URL_SECRET);
    expect((await store.alerts.listChannels()).find((c) => c.channel.name === 'pager')?.channel.routingKey).toBe(ROUTING_KEY);
    const updated = await store.alerts.updateChannel('hook', channel('hook', { url: `${URL_SECRET}-2` }));
    expect(updated?.channel.url).toBe(`${URL_SECRET}-2`);
    expect(rawChannels(store)).not.toContain(`${URL_SECRET}-2`);
  });

  it('seals rows written in clear before encryption when it migrates, once', async () => {
    const ring = generateKeyRing();
    const { store, dir } = await openSqlite(ring);
    const created = await store.alerts.createChannel(channel('legacy'));
    // As a release before encryption wrote it.
    store.database.prepare('UPDATE channels SET doc = ?, secret = ? WHERE name = ?').run(JSON.stringify({ ...created.channel, hasSecret: undefined, url: URL_SECRET }), SIGNING_SECRET, 'legacy');
    expect(rawChannels(store)).toContain(URL_SECRET);
    // Readable in clear until sealed.
    expect((await store.alerts.getChannel('legacy'))?.secrets.secret).toBe(SIGNING_SECRET);

    const { store: restarted } = await openSqlite(ring, dir);
    expect(rawChannels(restarted)).not.toContain(URL_SECRET);
    expect(rawChannels(restarted)).not.toContain(SIGNING_SECRET);
    expect(await restarted.alerts.resealChannels()).toBe(0);
    expect((await restarted.alerts.getChannel('legacy'))?.channel).toMatchObject({ id: created.channel.id, url: URL_SECRET, hasSecret: true });
  });

  it('re-seals under a rotated key and refuses a sealed value moved to another channel', async () => {
    const ring = generateKeyRing();
    const { store, dir } = await openSqlite(ring);
    await store.alerts.createChannel(channel('a'));
    await store.alerts.createChannel(channel('b', { url: 'https://hooks.slack.com/services/other' }));
    const rotated = addGeneratedKey(ring);
    const { store: after } = await openSqlite(rotated, dir);
    const secrets = after.database.prepare<[], { secret: string }>('SELECT secret FROM channels').all();
    expect(secrets.map((row) => sealedStringKeyId(row.secret))).toEqual([rotated.current, rotated.current]);
    expect((await after.alerts.getChannel('a'))?.secrets.secret).toBe(SIGNING_SECRET);

    const sealedOfA = after.database.prepare<[string], string>('SELECT secret FROM channels WHERE name = ?').pluck().get('a')!;
    after.database.prepare('UPDATE channels SET secret = ? WHERE name = ?').run(sealedOfA, 'b');
    await expect(after.alerts.getChannel('b')).rejects.toMatchObject({ name: 'EnvelopeError', reason: 'authentication_failed' });
    // The old ring alone cannot read what the rotation re-sealed.
    const { store: old } = await openSqlite(ring, dir).catch(() => ({ store: null }));
    expect(old).toBeNull();
  });
});

const DATABASE_URL = process.env.BOTHUB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bothub_seal_${randomBytes(5).toString('hex')}`;

async function postgresUnreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unreachable = await postgresUnreachable();
if (unreachable !== null && process.env.CI === 'true') throw new Error(`PostgreSQL at ${DATABASE_URL} is unreachable under CI (${unreachable})`);

describe('channel secrets at rest (PostgreSQL)', () => {
  afterAll(async () => {
    if (unreachable !== null) return;
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it.skipIf(unreachable !== null)(`keeps secrets out of the channels table${unreachable === null ? '' : ` (skipped: PostgreSQL unreachable: ${unreachable})`}`, async () => {
    const store = await openPostgresStore({ connectionString: DATABASE_URL, schema, poolSize: 2, keyRing: generateKeyRing() });
    stores.push(store);
    await store.alerts.createChannel(channel('hook'));
    await store.alerts.createChannel(email('mail'));
    await store.alerts.createChannel(pagerduty('pager'));
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT * FROM ${schema}.channels`);
      const raw = JSON.stringify(rows);
      for (const secret of PLAINTEXTS) expect(raw).not.toContain(secret);
    } finally {
      await client.end();
    }
    expect((await store.alerts.getChannel('pager'))?.channel.routingKey).toBe(ROUTING_KEY);
    expect((await store.alerts.getChannel('mail'))?.secrets.smtpPassword).toBe(SMTP_PASSWORD);
  });
});
