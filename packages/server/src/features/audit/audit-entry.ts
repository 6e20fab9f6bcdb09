/**
 * An audit entry, how it is sealed into the hash chain and read back.
 *
 * The hash of an entry is the lowercase hex SHA-256 of the UTF-8 bytes of the canonical JSON (RFC 8785, see
 * canonical-json.ts) of the entry without its `hash` member — that is: `v`, `seq`, `time`, `action`, `actor`,
 * `target`, `source`, `requestId`, `before`, `after` and `prevHash`, the previous entry's hash (64 zeros for the first).
 * Any change of any field, a deleted entry or two swapped entries breaks the chain at that point.
 */
import { createHash } from 'node:crypto';
import type { AuditChainLink, AuditColumns, StoredAuditEntry } from '../../storage/audit-store.js';
import { canonicalJson } from './canonical-json.js';
import type { JsonValue } from './canonical-json.js';

/** The version of the entry format, hashed with the entry. */
export const AUDIT_ENTRY_VERSION = 1;

/** Who did it: an authenticated principal, nobody known (before authentication), or the service itself. */
export interface AuditActor {
  readonly kind: 'api_key' | 'oidc' | 'local' | 'development' | 'anonymous' | 'system';
  readonly id: string;
  readonly name: string;
}

/** What it was done to. `project` is null for objects without one (channels, keys, the audit trail). */
export interface AuditTarget {
  readonly type: string;
  readonly id: string;
  readonly project: string | null;
}

/** An entry before it joins the chain. */
export interface AuditInput {
  /** e.g. `model.created`, `alert.acknowledged`, `audit.exported`. */
  readonly action: string;
  readonly actor: AuditActor;
  readonly target: AuditTarget;
  /** Epoch ms. */
  readonly time: number;
  readonly source: { readonly ip: string | null; readonly userAgent: string | null };
  readonly requestId: string | null;
  /** Already redacted (redactSecrets). */
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** An entry of the chain, as the API answers it. */
export interface AuditEntry {
  readonly v: number;
  readonly seq: number;
  /** ISO 8601, UTC. */
  readonly time: string;
  readonly action: string;
  readonly actor: AuditActor;
  readonly target: AuditTarget;
  readonly source: { readonly ip: string | null; readonly userAgent: string | null };
  readonly requestId: string | null;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Lowercase hex SHA-256 of a canonical JSON text.
 *
 * @example
 * sha256Hex('{}'); // '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Seals an input onto the chain after `head`: the document the store keeps, its hash and its filter columns.
 *
 * @example
 * const sealed = sealAuditEntry({ seq: 0, hash: GENESIS_HASH }, input); // sealed.seq === 1
 */
export function sealAuditEntry(head: AuditChainLink, input: AuditInput): { seq: number; doc: string; hash: string; columns: AuditColumns } {
  const seq = head.seq + 1;
  const doc = canonicalJson({
    v: AUDIT_ENTRY_VERSION,
    seq,
    time: new Date(input.time).toISOString(),
    action: input.action,
    actor: { kind: input.actor.kind, id: input.actor.id, name: input.actor.name },
    target: { type: input.target.type, id: input.target.id, project: input.target.project },
    source: { ip: input.source.ip, userAgent: input.source.userAgent },
    requestId: input.requestId,
    before: input.before,
    after: input.after,
    prevHash: head.hash,
  });
  return {
    seq,
    doc,
    hash: sha256Hex(doc),
    columns: { time: input.time, action: input.action, actorId: input.actor.id, targetType: input.target.type, targetId: input.target.id, project: input.target.project },
  };
}

/**
 * A stored entry as the API answers it: its document with its hash.
 *
 * @example
 * const entry = readAuditEntry(stored); // { v: 1, seq: 1, action: 'model.created', …, hash }
 */
export function readAuditEntry(stored: StoredAuditEntry): AuditEntry {
  return { ...(JSON.parse(stored.doc) as Omit<AuditEntry, 'hash'>), hash: stored.hash };
}
