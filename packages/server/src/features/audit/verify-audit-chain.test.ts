import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../storage/sqlite/index.js';
import type { SqliteStore } from '../../storage/sqlite/index.js';
import { sealAuditEntry, sha256Hex } from './audit-entry.js';
import type { AuditInput } from './audit-entry.js';
import { canonicalJson } from './canonical-json.js';
import type { JsonValue } from './canonical-json.js';
import { createAuditService } from './service.js';
import type { AuditService } from './service.js';
import { generateAuditKeyPair, verifyAuditHeadSignature } from './sign-audit-head.js';

const KEYS = generateAuditKeyPair();

function input(i: number): Omit<AuditInput, 'time'> {
  return {
    action: i % 2 === 0 ? 'model.updated' : 'channel.created',
    actor: { kind: 'api_key', id: `k${i}`, name: `key ${i}` },
    target: { type: 'model', id: `m${i}`, project: i % 3 === 0 ? null : 'default' },
    source: { ip: '10.0.0.1', userAgent: 'test' },
    requestId: `req-${i}`,
    before: { window: { size: i } },
    after: { window: { size: i + 1 }, tags: ['a', 'b'] },
  };
}

/** Every path to a leaf of a JSON value: ['actor', 'id'], ['after', 'tags', 0] … */
function leafPaths(value: JsonValue, prefix: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? (value as JsonValue[]).map((v, i) => [i, v] as const) : Object.entries(value as Record<string, JsonValue>);
    return entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
  }
  return [prefix];
}

function changed(value: JsonValue): JsonValue {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'boolean') return !value;
  return 'was null';
}

function setPath(doc: Record<string, JsonValue>, path: (string | number)[]): void {
  let node = doc as unknown as Record<string | number, JsonValue>;
  for (const key of path.slice(0, -1)) node = node[key] as unknown as Record<string | number, JsonValue>;
  const last = path[path.length - 1]!;
  node[last] = changed(node[last]!);
}

describe('verifyAuditChain over a store', () => {
  let dir: string;
  let store: SqliteStore;
  let audit: AuditService;
  let clock = 1_767_225_600_000;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bothub-audit-'));
    store = await openSqliteStore({ dataDir: dir });
    await store.migrate();
    audit = createAuditService({ store, clock: () => clock++ });
    for (let i = 1; i <= 6; i++) await audit.append(input(i));
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const db = () => store.database;
  const docOf = (seq: number) => JSON.parse(db().prepare<[number], string>('SELECT doc FROM audit_entries WHERE seq = ?').pluck().get(seq)!) as Record<string, JsonValue>;

  it('verifies an untouched chain: OK with the count and head', async () => {
    const verdict = await audit.verify();
    expect(verdict).toEqual({ ok: true, count: 6, head: await store.audit.head() });
  });

  it('detects an edit of any field of any entry, even with the document kept canonical', async () => {
    for (let seq = 1; seq <= 6; seq++) {
      const paths = leafPaths(docOf(seq));
      expect(paths.length).toBeGreaterThan(15);
      for (const path of paths) {
        const original = db().prepare<[number], string>('SELECT doc FROM audit_entries WHERE seq = ?').pluck().get(seq)!;
        const doc = docOf(seq);
        setPath(doc, path);
        db().prepare('UPDATE audit_entries SET doc = ? WHERE seq = ?').run(canonicalJson(doc), seq);
        const verdict = await audit.verify();
        expect(verdict.ok, `seq ${seq} ${path.join('.')}`).toBe(false);
        if (!verdict.ok) expect(verdict.break.seq, path.join('.')).toBe(seq);
        db().prepare('UPDATE audit_entries SET doc = ? WHERE seq = ?').run(original, seq);
      }
    }
    expect((await audit.verify()).ok).toBe(true);
  });

  it('detects an edited entry whose hash was recomputed: the next entry no longer links to it', async () => {
    const doc = docOf(3);
    doc.action = 'nothing.happened';
    const text = canonicalJson(doc);
    db().prepare('UPDATE audit_entries SET doc = ?, hash = ? WHERE seq = 3').run(text, sha256Hex(text));
    const verdict = await audit.verify();
    expect(verdict).toMatchObject({ ok: false, count: 3, break: { seq: 4, reason: 'prev_hash_mismatch' } });
  });

  it('detects a deleted entry', async () => {
    db().prepare('DELETE FROM audit_entries WHERE seq = 4').run();
    expect(await audit.verify()).toMatchObject({ ok: false, count: 3, break: { seq: 4, reason: 'seq_mismatch' } });
  });

  it('detects reordered entries', async () => {
    // Swap the rows 2 and 3 (document and hash move together).
    const two = db().prepare<[], { doc: string; hash: string }>('SELECT doc, hash FROM audit_entries WHERE seq = 2').get()!;
    const three = db().prepare<[], { doc: string; hash: string }>('SELECT doc, hash FROM audit_entries WHERE seq = 3').get()!;
    db().prepare('UPDATE audit_entries SET doc = ?, hash = ? WHERE seq = 2').run(three.doc, three.hash);
    db().prepare('UPDATE audit_entries SET doc = ?, hash = ? WHERE seq = 3').run(two.doc, two.hash);
    expect(await audit.verify()).toMatchObject({ ok: false, count: 1, break: { seq: 2, reason: 'seq_mismatch' } });
  });

  it('detects a deleted tail against the head row', async () => {
    db().prepare('DELETE FROM audit_entries WHERE seq >= 5').run();
    expect(await audit.verify()).toMatchObject({ ok: false, count: 4, break: { seq: 5, reason: 'head_mismatch' } });
  });

  it('detects a deleted tail after a signed head export, even with the head row moved back', async () => {
    const signed = await audit.signHead(KEYS.privateKey);
    expect(signed.seq).toBe(6);
    expect(verifyAuditHeadSignature(signed, KEYS.publicKey)).toBe(true);
    expect((await audit.verify([signed])).ok).toBe(true);
    // The attacker removes entries 5.. (the signing entry too) and moves the head row back to entry 4.
    db().prepare('DELETE FROM audit_entries WHERE seq >= 5').run();
    const four = db().prepare<[], { hash: string }>('SELECT hash FROM audit_entries WHERE seq = 4').get()!;
    db().prepare('UPDATE audit_head SET seq = 4, hash = ? WHERE id = 1').run(four.hash);
    expect((await audit.verify()).ok).toBe(true);
    expect(await audit.verify([signed])).toMatchObject({ ok: false, count: 4, break: { seq: 6, reason: 'signed_head_mismatch' } });
  });

  it('detects a rewritten chain against a signed head', async () => {
    const signed = await audit.signHead(KEYS.privateKey);
    // Rewrite from entry 2 on: every hash recomputed, the head row moved: only the exported head knows.
    const rows = db().prepare<[], { seq: number; doc: string }>('SELECT seq, doc FROM audit_entries ORDER BY seq').all();
    let head = { seq: 1, hash: db().prepare<[], string>('SELECT hash FROM audit_entries WHERE seq = 1').pluck().get()! };
    for (const row of rows.slice(1)) {
      const doc = JSON.parse(row.doc) as Record<string, JsonValue>;
      const forged = sealAuditEntry(head, { ...input(row.seq), action: row.seq === 2 ? 'forged' : doc.action as string, time: Date.parse(doc.time as string) });
      db().prepare('UPDATE audit_entries SET doc = ?, hash = ? WHERE seq = ?').run(forged.doc, forged.hash, row.seq);
      head = { seq: row.seq, hash: forged.hash };
    }
    db().prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(head.seq, head.hash);
    expect((await audit.verify()).ok).toBe(true);
    expect(await audit.verify([signed])).toMatchObject({ ok: false, break: { seq: 6, reason: 'signed_head_mismatch' } });
  });
});
