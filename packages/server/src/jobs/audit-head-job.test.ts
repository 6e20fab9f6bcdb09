import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditService, generateAuditKeyPair, verifyAuditHeadSignature } from '../features/audit/index.js';
import type { AuditService } from '../features/audit/index.js';
import { openSqliteStore } from '../storage/sqlite/index.js';
import type { SqliteStore } from '../storage/sqlite/index.js';
import { createAuditHeadJob } from './audit-head-job.js';

const KEYS = generateAuditKeyPair();

describe('createAuditHeadJob', () => {
  let dir: string;
  let store: SqliteStore;
  let audit: AuditService;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bothub-audit-job-'));
    store = await openSqliteStore({ dataDir: dir });
    await store.migrate();
    audit = createAuditService({ store, clock: () => Date.UTC(2026, 0, 1) });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs and appends the head when it moved, logs it, and skips an empty or already signed chain', async () => {
    const logged: unknown[] = [];
    const job = createAuditHeadJob({ audit, privateKeyPem: KEYS.privateKey, intervalMs: 60_000, log: { info: (object: unknown) => logged.push(object), error: () => undefined } as never });
    await job.runOnce();
    expect((await store.audit.head()).seq).toBe(0);
    await audit.append({ action: 'model.created', actor: { kind: 'system', id: 'system', name: 'system' }, target: { type: 'model', id: 'm', project: 'default' }, source: { ip: null, userAgent: null }, requestId: null, before: null, after: null });
    await job.runOnce();
    await job.runOnce();
    const chain = await store.audit.readChain(0, 10);
    expect(chain.map((entry) => (JSON.parse(entry.doc) as { action: string }).action)).toEqual(['model.created', 'audit.head_signed']);
    const signed = (logged[0] as { auditHead: { seq: number; hash: string; time: string; keyId: string; signature: string } }).auditHead;
    expect(logged).toHaveLength(1);
    expect(signed).toMatchObject({ seq: 1, hash: chain[0]!.hash, keyId: KEYS.keyId });
    expect(verifyAuditHeadSignature(signed, KEYS.publicKey)).toBe(true);
    expect((JSON.parse(chain[1]!.doc) as { after: unknown }).after).toEqual(signed);
    expect((await audit.verify([signed])).ok).toBe(true);
  });
});
