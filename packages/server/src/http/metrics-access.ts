/**
 * Who may read /metrics on the main listener: a caller with a role on every project (`*`) other than ingest. The
 * series name every model and feature, so they are read access to all projects. Prometheus sends an API key with
 * `viewer` on `*` as its bearer token; or /metrics moves to a listener of its own (metricsPort) without authentication.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_PROJECTS } from '../features/auth/principal.js';
import type { Principal } from '../features/auth/principal.js';
import { ApiError } from './errors.js';

/**
 * True when `principal` may read the metrics of every project.
 *
 * @example
 * mayReadAllMetrics({ kind: 'api_key', id: 'k1', name: 'prometheus', roles: { '*': 'viewer' } }); // true
 */
export function mayReadAllMetrics(principal: Principal | null | undefined): boolean {
  const role = principal?.roles[ALL_PROJECTS];
  return role === 'admin' || role === 'editor' || role === 'viewer';
}

/**
 * A preHandler for /metrics: 401 without credentials (with `WWW-Authenticate: Bearer`), 403 with a principal that
 * lacks a role on `*`.
 *
 * @example
 * app.register(async (scope) => { scope.addHook('preHandler', requireMetricsReader); await scope.register(metricsRoutes(metrics, store)); });
 */
// eslint-disable-next-line @typescript-eslint/require-await -- Fastify hooks are async or take a callback
export async function requireMetricsReader(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const principal = (request as { principal?: Principal | null }).principal;
  if (principal === undefined || principal === null) {
    void reply.header('www-authenticate', 'Bearer realm="bothub"');
    throw new ApiError('unauthorized', undefined, 'Authentication required: /metrics needs an API key (or token) with a role on every project (*), e.g. viewer.');
  }
  if (!mayReadAllMetrics(principal)) throw new ApiError('forbidden', { required: { project: ALL_PROJECTS, role: 'viewer' } }, '/metrics needs a role on every project (*): admin, editor or viewer.');
}
