/**
 * Walks an audit chain and finds its first broken link.
 */
import type { AuditChainLink, StoredAuditEntry } from '../../storage/audit-store.js';
import { GENESIS_HASH } from '../../storage/audit-store.js';
import { canonicalJson } from './canonical-json.js';
import type { JsonValue } from './canonical-json.js';
import { sha256Hex } from './audit-entry.js';

/** Where and how the chain breaks. */
export interface AuditChainBreak {
  /** The seq of the first entry that does not fit (or where one is missing). */
  readonly seq: number;
  readonly reason: 'hash_mismatch' | 'not_canonical' | 'seq_mismatch' | 'prev_hash_mismatch' | 'head_mismatch' | 'signed_head_mismatch' | 'unreadable';
  readonly message: string;
}

export type AuditChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: AuditChainLink }
  | { readonly ok: false; readonly count: number; readonly break: AuditChainBreak };

/** Reads the chain in pages: entries with seq greater than `afterSeq`, in stored seq order. */
export type ReadChainPage = (afterSeq: number, limit: number) => Promise<readonly StoredAuditEntry[]>;

const PAGE = 1000;

/** One entry's own checks: its document is canonical, hashes to its hash, follows `previous`. */
function checkEntry(entry: StoredAuditEntry, previous: AuditChainLink): AuditChainBreak | null {
  let doc: { seq?: unknown; prevHash?: unknown };
  try {
    doc = JSON.parse(entry.doc) as { seq?: unknown; prevHash?: unknown };
    if (canonicalJson(doc as JsonValue) !== entry.doc) return { seq: entry.seq, reason: 'not_canonical', message: `entry ${entry.seq}: its document is not in canonical form (edited by hand?)` };
  } catch {
    return { seq: entry.seq, reason: 'unreadable', message: `entry ${entry.seq}: its document is not JSON` };
  }
  if (sha256Hex(entry.doc) !== entry.hash) return { seq: entry.seq, reason: 'hash_mismatch', message: `entry ${entry.seq}: its content does not match its hash (edited)` };
  if (doc.seq !== previous.seq + 1 || entry.seq !== previous.seq + 1) {
    return { seq: previous.seq + 1, reason: 'seq_mismatch', message: `entry ${previous.seq + 1} is missing or out of place: found seq ${String(doc.seq)} after ${previous.seq} (deleted or reordered)` };
  }
  if (doc.prevHash !== previous.hash) return { seq: entry.seq, reason: 'prev_hash_mismatch', message: `entry ${entry.seq}: prevHash does not match entry ${previous.seq}'s hash (an entry before it was replaced or reordered)` };
  return null;
}

/**
 * Verifies every link from the first entry: each entry hashes to its hash, carries the previous entry's hash and the
 * next seq; the last entry must be the store's head row (`expectedHead`), and every signed head given must be a
 * link of the chain (so entries removed from the tail after a head was exported are detected).
 *
 * @example
 * const verdict = await verifyAuditChain((after, limit) => store.audit.readChain(after, limit), await store.audit.head());
 * if (!verdict.ok) console.log(verdict.break.message);
 */
export async function verifyAuditChain(read: ReadChainPage, expectedHead?: AuditChainLink, signedHeads: readonly AuditChainLink[] = []): Promise<AuditChainVerdict> {
  let previous: AuditChainLink = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  const wanted = new Map(signedHeads.map((head) => [head.seq, head.hash]));
  for (;;) {
    const page = await read(previous.seq, PAGE);
    for (const entry of page) {
      const broken = checkEntry(entry, previous);
      if (broken !== null) return { ok: false, count, break: broken };
      const signed = wanted.get(entry.seq);
      if (signed !== undefined && signed !== entry.hash) {
        return { ok: false, count, break: { seq: entry.seq, reason: 'signed_head_mismatch', message: `entry ${entry.seq}: its hash differs from the signed head's (the chain was rewritten after the head was signed)` } };
      }
      wanted.delete(entry.seq);
      previous = { seq: entry.seq, hash: entry.hash };
      count += 1;
    }
    if (page.length < PAGE) break;
  }
  for (const [seq] of wanted) {
    return { ok: false, count, break: { seq, reason: 'signed_head_mismatch', message: `the signed head is entry ${seq}, but the chain ends at ${previous.seq} (entries were deleted from the tail)` } };
  }
  if (expectedHead !== undefined && (expectedHead.seq !== previous.seq || expectedHead.hash !== previous.hash)) {
    return {
      ok: false,
      count,
      break: { seq: Math.min(expectedHead.seq, previous.seq + 1), reason: 'head_mismatch', message: `the chain ends at entry ${previous.seq}, but the head row says ${expectedHead.seq} (entries were deleted from the tail, or added around the store)` },
    };
  }
  return { ok: true, count, head: previous };
}
