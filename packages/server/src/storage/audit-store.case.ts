/**
 * The contract of `Store.audit` (see audit-store.ts), run by the Store contract suite for every adapter.
 *
 * Semantics pinned here:
 * - The head starts at seq 0 and GENESIS_HASH; `append` gives `seal` the current head and stores what it returns as
 *   the next entry, moving the head to it, in one transaction.
 * - Appends from several handles (connections, pools, nodes) on one database serialize: the entries form one chain,
 *   seq 1..n with each entry's prevHash the previous entry's hash, however they interleave.
 * - `list` filters by time (inclusive), action, actor, target, project and pages by seq (exclusive bounds), newest
 *   first unless `order: 'asc'`; `readChain` reads in seq order after a seq.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditChainLink, AuditColumns, StoredAuditEntry } from './audit-store.js';
import { GENESIS_HASH } from './audit-store.js';
import type { Store } from './store.js';

export interface AuditStoreContext {
  /** The store of the current test (fresh and migrated). */
  readonly store: () => Store;
  /** Another handle on the same data; the caller closes it. */
  readonly connect: () => Promise<Store>;
}

/** A minimal sealing, standing in for the audit feature's: the document names its seq and prevHash, the hash covers it. */
function seal(columns: AuditColumns) {
  return (head: AuditChainLink) => {
    const seq = head.seq + 1;
    const doc = JSON.stringify({ seq, prevHash: head.hash, action: columns.action, time: columns.time });
    return { seq, doc, hash: createHash('sha256').update(doc).digest('hex'), columns };
  };
}

function columns(overrides: Partial<AuditColumns> = {}): AuditColumns {
  return { time: 1000, action: 'model.created', actorId: 'k1', targetType: 'model', targetId: 'churn', project: 'default', ...overrides };
}

/** Whether the entries, in seq order, form one unbroken chain from the genesis. */
function chained(entries: readonly StoredAuditEntry[]): boolean {
  let previous = { seq: 0, hash: GENESIS_HASH };
  for (const entry of entries) {
    const doc = JSON.parse(entry.doc) as { seq: number; prevHash: string };
    if (entry.seq !== previous.seq + 1 || doc.seq !== entry.seq || doc.prevHash !== previous.hash) return false;
    previous = { seq: entry.seq, hash: entry.hash };
  }
  return true;
}

/**
 * @example
 * runAuditStoreContract({ store: () => store, connect: () => fixture.connect() });
 */
export function runAuditStoreContract(context: AuditStoreContext): void {
  describe('audit', () => {
    it('starts at the genesis and chains appends', async () => {
      const audit = context.store().audit;
      expect(await audit.head()).toEqual({ seq: 0, hash: GENESIS_HASH });
      const first = await audit.append(seal(columns()));
      const second = await audit.append(seal(columns({ action: 'model.updated', time: 2000 })));
      expect(first.seq).toBe(1);
      expect(second.seq).toBe(2);
      expect(JSON.parse(second.doc)).toMatchObject({ seq: 2, prevHash: first.hash });
      expect(await audit.head()).toEqual({ seq: 2, hash: second.hash });
      expect(await audit.readChain(0, 10)).toEqual([first, second]);
      expect(await audit.readChain(1, 10)).toEqual([second]);
    });

    it('rolls the head back with the entry when sealing fails', async () => {
      const audit = context.store().audit;
      await audit.append(seal(columns()));
      await expect(audit.append(() => { throw new Error('no'); })).rejects.toThrow('no');
      expect((await audit.head()).seq).toBe(1);
      expect(await audit.readChain(0, 10)).toHaveLength(1);
    });

    it('filters and pages listings', async () => {
      const audit = context.store().audit;
      await audit.append(seal(columns({ time: 1000 })));
      await audit.append(seal(columns({ time: 2000, action: 'channel.created', targetType: 'channel', targetId: 'ops', project: null, actorId: 'k2' })));
      await audit.append(seal(columns({ time: 3000, action: 'model.updated', project: 'fraud' })));
      const seqs = (entries: StoredAuditEntry[]) => entries.map((entry) => entry.seq);
      expect(seqs(await audit.list({ limit: 10 }))).toEqual([3, 2, 1]);
      expect(seqs(await audit.list({ limit: 10, order: 'asc' }))).toEqual([1, 2, 3]);
      expect(seqs(await audit.list({ limit: 10, from: 2000, to: 3000 }))).toEqual([3, 2]);
      expect(seqs(await audit.list({ limit: 10, action: 'channel.created' }))).toEqual([2]);
      expect(seqs(await audit.list({ limit: 10, actorId: 'k1' }))).toEqual([3, 1]);
      expect(seqs(await audit.list({ limit: 10, targetType: 'model', targetId: 'churn' }))).toEqual([3, 1]);
      expect(seqs(await audit.list({ limit: 10, project: 'fraud' }))).toEqual([3]);
      expect(seqs(await audit.list({ limit: 1, beforeSeq: 3 }))).toEqual([2]);
      expect(seqs(await audit.list({ limit: 10, afterSeq: 1, order: 'asc' }))).toEqual([2, 3]);
    });

    it('keeps one chain when two handles append concurrently', async () => {
      const other = await context.connect();
      try {
        const handles = [context.store(), other];
        await Promise.all(Array.from({ length: 40 }, (_, i) => handles[i % 2]!.audit.append(seal(columns({ time: i })))));
        const entries = await context.store().audit.readChain(0, 100);
        expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(chained(entries)).toBe(true);
        expect(await other.audit.head()).toEqual({ seq: 40, hash: entries[39]!.hash });
      } finally {
        await other.close();
      }
    });
  });
}
