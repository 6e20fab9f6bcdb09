/**
 * The audit trail's logic over the store: append entries to the hash chain, list and export them, verify the chain,
 * sign its head.
 */
import type { AuditChainLink, AuditFilter } from '../../storage/audit-store.js';
import type { Store } from '../../storage/store.js';
import { readAuditEntry, sealAuditEntry } from './audit-entry.js';
import type { AuditEntry, AuditInput } from './audit-entry.js';
import { signAuditHead } from './sign-audit-head.js';
import type { SignedAuditHead } from './sign-audit-head.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import type { AuditChainVerdict } from './verify-audit-chain.js';

export interface AuditDeps {
  readonly store: Pick<Store, 'audit' | 'listModels'>;
  /** Epoch ms. */
  readonly clock: () => number;
}

/** A listing's filters (store filters without paging and order). */
export type AuditQuery = Omit<AuditFilter, 'beforeSeq' | 'afterSeq' | 'order' | 'limit'>;

export interface AuditPage {
  readonly entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly next: string | null;
}

export interface AuditService {
  /** Appends an entry (time from the clock unless given); resolves once it is committed. */
  append(input: Omit<AuditInput, 'time'> & { readonly time?: number }): Promise<AuditEntry>;
  /** Newest first, `limit` at most, older than `before` (a previous page's `next`). */
  list(query: AuditQuery, limit: number, before?: number): Promise<AuditPage>;
  /** Every matching entry, oldest first, read from the store in pages (bounded memory). */
  entries(query: AuditQuery): AsyncGenerator<AuditEntry>;
  /** Walks the whole chain against the head row (and any signed heads). */
  verify(signedHeads?: readonly AuditChainLink[]): Promise<AuditChainVerdict>;
  /** The project of a model by id (null when none has it): for objects stored with a model id (rules, alerts). */
  projectOfModel(modelId: string): Promise<string | null>;
  /** Signs the current head and appends that as an `audit.head_signed` entry by the system; returns the signed head. */
  signHead(privateKeyPem: string): Promise<SignedAuditHead>;
  /** As signHead, unless the chain is empty or its last entry is already a signed head (null then): the periodic job. */
  signHeadIfMoved(privateKeyPem: string): Promise<SignedAuditHead | null>;
}

const EXPORT_PAGE = 500;
const HEAD_SIGNED = 'audit.head_signed';

/**
 * @example
 * const audit = createAuditService({ store, clock: Date.now });
 * await audit.append({ action: 'model.created', actor, target: { type: 'model', id: 'churn', project: 'default' }, … });
 */
export function createAuditService(deps: AuditDeps): AuditService {
  const { store, clock } = deps;
  const service: AuditService = {
    async append(input) {
      const full: AuditInput = { ...input, time: input.time ?? clock() };
      const stored = await store.audit.append((head) => sealAuditEntry(head, full));
      return readAuditEntry(stored);
    },

    async list(query, limit, before) {
      // One more than asked tells whether another page follows.
      const rows = await store.audit.list({ ...query, limit: limit + 1, order: 'desc', ...(before === undefined ? {} : { beforeSeq: before }) });
      const entries = rows.slice(0, limit).map((row) => readAuditEntry(row));
      return { entries, next: rows.length > limit ? String(entries[entries.length - 1]!.seq) : null };
    },

    async *entries(query) {
      let afterSeq = 0;
      for (;;) {
        const rows = await store.audit.list({ ...query, afterSeq, order: 'asc', limit: EXPORT_PAGE });
        for (const row of rows) yield readAuditEntry(row);
        if (rows.length < EXPORT_PAGE) return;
        afterSeq = rows[rows.length - 1]!.seq;
      }
    },

    async verify(signedHeads = []) {
      const head = await store.audit.head();
      return verifyAuditChain((after, limit) => store.audit.readChain(after, limit), head, signedHeads);
    },

    async projectOfModel(modelId) {
      return (await store.listModels()).find((model) => model.id === modelId)?.project ?? null;
    },

    async signHead(privateKeyPem) {
      const signed = signAuditHead(await store.audit.head(), privateKeyPem, clock());
      await service.append({
        action: HEAD_SIGNED,
        actor: SYSTEM_ACTOR,
        target: { type: 'audit_chain', id: 'head', project: null },
        source: { ip: null, userAgent: null },
        requestId: null,
        before: null,
        after: { ...signed },
      });
      return signed;
    },

    async signHeadIfMoved(privateKeyPem) {
      const head = await store.audit.head();
      if (head.seq === 0) return null;
      const [last] = await store.audit.readChain(head.seq - 1, 1);
      if (last !== undefined && readAuditEntry(last).action === HEAD_SIGNED) return null;
      return service.signHead(privateKeyPem);
    },
  };
  return service;
}

/** The service itself, as the actor of what its jobs do. */
export const SYSTEM_ACTOR = { kind: 'system', id: 'system', name: 'system' } as const;
