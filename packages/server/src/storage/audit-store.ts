/**
 * The audit trail's storage port (`Store.audit`): an append-only, hash-chained log. The store keeps the chain head
 * (the last entry's seq and hash) in one row and appends under a lock on it, so entries written by several nodes on one
 * database form one chain that never forks. The contract is audit-store.case.ts, part of the Store contract suite.
 */

/** The last link of the chain: the seq and hash a new entry follows. Before the first entry: seq 0 and GENESIS_HASH. */
export interface AuditChainLink {
  readonly seq: number;
  readonly hash: string;
}

/** The prevHash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** One stored entry as the store holds it: the sealed document (canonical JSON, everything but the hash) and its hash. */
export interface StoredAuditEntry {
  readonly seq: number;
  /** The entry without `hash`, as written (canonical JSON text): what the hash covers. */
  readonly doc: string;
  readonly hash: string;
}

/** What a new entry is filtered on; the document itself comes from `seal`. */
export interface AuditColumns {
  /** Epoch ms. */
  readonly time: number;
  readonly action: string;
  readonly actorId: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly project: string | null;
}

/** Filters of `list`; every one optional; `afterSeq`/`beforeSeq` page (both exclusive). */
export interface AuditFilter {
  readonly from?: number;
  readonly to?: number;
  readonly action?: string;
  readonly actorId?: string;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly project?: string;
  readonly beforeSeq?: number;
  readonly afterSeq?: number;
  /** Newest first (the API's listing) or oldest first (exports). Default newest first. */
  readonly order?: 'asc' | 'desc';
  readonly limit: number;
}

export interface AuditStore {
  /**
   * Appends one entry in one transaction holding the chain head: `seal` gets the current head and returns the new
   * entry's columns, document and hash (computed by the caller, so the store knows nothing of the hashing); the head
   * moves to the new entry. `seal` must be pure: it may be called again if the transaction is retried.
   */
  append(seal: (head: AuditChainLink) => { columns: AuditColumns; doc: string; hash: string; seq: number }): Promise<StoredAuditEntry>;
  /** The chain head (seq 0 and GENESIS_HASH before the first entry), as the head row says. */
  head(): Promise<AuditChainLink>;
  /** Entries by filter, paged by seq. */
  list(filter: AuditFilter): Promise<StoredAuditEntry[]>;
  /** Entries in stored seq order with seq > `afterSeq`, at most `limit`: the walk of `verify`. */
  readChain(afterSeq: number, limit: number): Promise<StoredAuditEntry[]>;
}
