import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditService, openSqliteStore } from '@bothub/server';
import { EXIT_BAD_INPUT, EXIT_OK, main } from '../main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir = '';
let dataDir = '';

/** A data directory whose audit trail holds `count` entries. */
async function seed(count: number): Promise<void> {
  const store = await openSqliteStore({ dataDir });
  await store.migrate();
  const audit = createAuditService({ store, clock: () => Date.UTC(2026, 0, 1) });
  for (let i = 1; i <= count; i++) {
    await audit.append({
      action: 'model.created',
      actor: { kind: 'api_key', id: 'k1', name: 'ci' },
      target: { type: 'model', id: `m${i}`, project: 'default' },
      source: { ip: '10.0.0.1', userAgent: null },
      requestId: `req-${i}`,
      before: null,
      after: { name: `m${i}` },
    });
  }
  await store.close();
}

/** Runs SQL on the data directory's database, as someone with file access would. */
async function tamper(sql: string): Promise<void> {
  const store = await openSqliteStore({ dataDir });
  store.database.exec(sql);
  await store.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bothub-cli-audit-'));
  dataDir = join(dir, 'data');
  await seed(5);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bothub audit verify', () => {
  it('reports OK with the count and head hash (exit 0)', async () => {
    const result = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toMatch(/^OK: 5 entries; head 5 [0-9a-f]{64}$/);
  });

  it('reports the first broken link of an edited entry (exit 1)', async () => {
    await tamper("UPDATE audit_entries SET doc = replace(doc, '\"m2\"', '\"m9\"') WHERE seq = 2");
    const result = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^BROKEN at entry 2 \(hash_mismatch\).*1 entries before it verify\.$/);
  });

  it('reports a deleted entry and a reordering (exit 1)', async () => {
    await tamper('DELETE FROM audit_entries WHERE seq = 3');
    const result = await run(['audit', 'verify', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^BROKEN at entry 3 \(seq_mismatch\)/);
  });

  it('detects a tail deleted after a signed head was exported, with the head row moved back', async () => {
    const key = join(dir, 'audit-key.pem');
    expect((await run(['keys', 'generate', '--out', key])).code).toBe(EXIT_OK);
    const headFile = join(dir, 'head.json');
    const exported = await run(['audit', 'export-head', '--data-dir', dataDir, '--key', key, '--out', headFile]);
    expect(exported.code, exported.err).toBe(EXIT_OK);
    const head = JSON.parse(await readFile(headFile, 'utf8')) as { seq: number; hash: string; keyId: string; signature: string };
    expect(head.seq).toBe(5);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(head.keyId).toMatch(/^[0-9a-f]{16}$/);
    const publicKey = join(dir, 'audit-key.pub.pem');
    // The signing is recorded in the chain: entry 6.
    expect((await run(['audit', 'verify', '--data-dir', dataDir, '--head', headFile, '--public-key', publicKey])).out).toMatch(/^OK: 6 entries; head 6 .*1 signed head/);

    await tamper("DELETE FROM audit_entries WHERE seq >= 4; UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_entries WHERE seq = 3)");
    expect((await run(['audit', 'verify', '--data-dir', dataDir])).code).toBe(EXIT_OK);
    const result = await run(['audit', 'verify', '--data-dir', dataDir, '--head', headFile, '--public-key', publicKey]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^BROKEN at entry 5 \(signed_head_mismatch\)/);
  });

  it('refuses a signed head that does not verify (exit 1), and --head without --public-key (exit 2)', async () => {
    const key = join(dir, 'audit-key.pem');
    await run(['keys', 'generate', '--out', key]);
    const headFile = join(dir, 'head.json');
    await run(['audit', 'export-head', '--data-dir', dataDir, '--key', key, '--out', headFile]);
    const head = JSON.parse(await readFile(headFile, 'utf8')) as { seq: number };
    await writeFile(headFile, JSON.stringify({ ...head, seq: 2 }));
    const forged = await run(['audit', 'verify', '--data-dir', dataDir, '--head', headFile, '--public-key', join(dir, 'audit-key.pub.pem')]);
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/^FAILED: the signed head .* does not verify/);
    const missing = await run(['audit', 'verify', '--data-dir', dataDir, '--head', headFile]);
    expect(missing.code).toBe(EXIT_BAD_INPUT);
    expect(missing.err).toMatch(/--head needs --public-key/);
  });

  it('answers exit 2 for a data directory without a database', async () => {
    const result = await run(['audit', 'verify', '--data-dir', join(dir, 'nothing')]);
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.err).toMatch(/no Bothub database in/);
  });
});
