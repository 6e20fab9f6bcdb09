/**
 * The periodic signing of the audit chain's head: every interval, when entries were added since the last signed head,
 * this node signs `{ seq, hash, time }` (ECDSA P-256), appends it to the chain as `audit.head_signed` and logs it, so
 * the signed heads also leave the database with the logs: a tail deleted later no longer matches one of them.
 */
import type { Logger } from 'pino';
import type { AuditService } from '../features/audit/index.js';
import { createPeriodicJob } from './periodic-job.js';
import type { PeriodicJob } from './periodic-job.js';

export interface AuditHeadJobDeps {
  readonly audit: Pick<AuditService, 'signHeadIfMoved'>;
  /** PEM (PKCS#8 or SEC1) of the ECDSA P-256 signing key. */
  readonly privateKeyPem: string;
  readonly intervalMs: number;
  readonly log: Pick<Logger, 'info' | 'error'>;
}

/**
 * @example
 * const job = createAuditHeadJob({ audit, privateKeyPem, intervalMs: 3_600_000, log });
 * job.start();
 * await job.stop();
 */
export function createAuditHeadJob(deps: AuditHeadJobDeps): PeriodicJob<void> {
  return createPeriodicJob({
    run: async () => {
      const signed = await deps.audit.signHeadIfMoved(deps.privateKeyPem);
      if (signed !== null) deps.log.info({ auditHead: signed }, `signed the audit chain head at entry ${signed.seq}`);
    },
    intervalMs: deps.intervalMs,
    firstRunDelayMs: deps.intervalMs,
    onError: (error) => deps.log.error({ err: error }, 'signing the audit chain head failed'),
  });
}
