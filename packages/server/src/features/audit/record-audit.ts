/**
 * `recordAudit(request, change)`: the one call routes make after a change (and a sensitive read) succeeded. It
 * appends the entry — who (the request's principal), from where (IP, user agent), the request id, before and after
 * with secrets redacted — and resolves once it is committed. When the append fails, the request fails (500
 * `audit_failed`) and the entry is logged at error level, so no change goes unreported.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../http/errors.js';
import type { Principal } from '../auth/principal.js';
import type { AuditActor, AuditEntry } from './audit-entry.js';
import { redactSecrets } from './redact-secrets.js';
import type { AuditService } from './service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The audit trail of this app (decorated by createApp before any route). */
    auditLog: AuditService;
  }
}

/** What changed, as a route knows it. */
export interface AuditChange {
  /** `<object>.<verb>`, e.g. `model.created`, `channel.deleted`, `audit.exported`. */
  readonly action: string;
  /** The object; `project` absent or null for objects without one. */
  readonly target: { readonly type: string; readonly id: string; readonly project?: string | null; /** For objects of a model (rules, alerts): their project is the model's. */ readonly modelId?: string };
  /** The object before the change (omitted or undefined: none); secrets are redacted here. */
  readonly before?: unknown;
  /** The object after the change, or what was read/asked (an export's filters). */
  readonly after?: unknown;
}

const ANONYMOUS: AuditActor = { kind: 'anonymous', id: 'anonymous', name: 'anonymous' };

function actorOf(principal: Principal | null | undefined): AuditActor {
  if (principal === null || principal === undefined) return ANONYMOUS;
  return { kind: principal.kind, id: principal.id, name: principal.name };
}

function header(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined ? null : text.slice(0, 500);
}

/**
 * Appends an audit entry for a request; throws ApiError('audit_failed') when it cannot be written.
 *
 * @example
 * const model = await registry.createModel(request.body);
 * await recordAudit(request, { action: 'model.created', target: { type: 'model', id: model.name, project: model.project }, after: model });
 */
export async function recordAudit(request: FastifyRequest, change: AuditChange): Promise<AuditEntry> {
  const log = (request.server).auditLog;
  const { type, id, modelId } = change.target;
  const input = {
    action: change.action,
    // Until authentication runs on every request, `principal` may be missing: the actor is then anonymous.
    actor: actorOf((request as { principal?: Principal | null }).principal),
    target: { type, id, project: change.target.project ?? null },
    source: { ip: request.ip, userAgent: header(request.headers['user-agent']) },
    requestId: request.id,
    before: redactSecrets(change.before),
    after: redactSecrets(change.after),
  };
  try {
    const project = input.target.project ?? (modelId === undefined ? null : await log.projectOfModel(modelId));
    return await log.append({ ...input, target: { ...input.target, project } });
  } catch (error) {
    request.log.error({ err: error, audit: input }, 'audit append failed: the change above was made but is not in the audit trail');
    throw new ApiError('audit_failed', { action: change.action });
  }
}
