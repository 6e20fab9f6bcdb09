/**
 * Rate limits in two layers, each a fixed one-minute window per key held in this node's memory:
 * per address before authentication (so failed attempts count), then per caller after it (the principal's id, or the
 * address when anonymous), with ingestion in a bucket of its own.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

/** Requests per minute; 0 turns a limit off. */
export interface RateLimits {
  /** One caller's requests, ingestion apart. */
  readonly perMinute: number;
  /** One caller's prediction and label batches. */
  readonly ingestPerMinute: number;
  /** One address's requests, counted before authentication. */
  readonly ipPerMinute: number;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

const WINDOW_MS = 60_000;
const INGESTION_ROUTE = /\/(predictions|labels)$/;

/** Batches of predictions and labels: producers send many, so they get a bucket of their own. */
function isIngestion(request: FastifyRequest): boolean {
  return request.method === 'POST' && INGESTION_ROUTE.test(request.routeOptions.url ?? '');
}

/** The caller's bucket key: a principal's id (so one key's limit holds across addresses), else the address. */
function callerKey(request: FastifyRequest): string {
  // request.principal is declared by the auth feature and set by its onRequest hook, which runs before preParsing.
  const principal = (request as { principal?: { id: string } | null }).principal;
  const caller = principal === undefined || principal === null ? `ip:${request.ip}` : `principal:${principal.id}`;
  return `${isIngestion(request) ? 'ingest' : 'api'}:${caller}`;
}

async function enforce(limiter: Limiter, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const result = await limiter(request);
  if (result.isAllowed || !result.isExceeded) return;
  void reply.header('retry-after', String(result.ttlInSeconds));
  throw new ApiError('rate_limited', { limit: result.max, windowSeconds: WINDOW_MS / 1000, retryAfterSeconds: result.ttlInSeconds });
}

/**
 * Installs the limits: the address layer on onRequest, registered here before authentication's hook; the caller layer
 * on preParsing, after authentication and before the body is read. A request over a limit answers 429 `rate_limited`
 * with Retry-After (seconds until its window ends). Call before the auth hooks are added.
 *
 * @example
 * registerRateLimits(app, { perMinute: 30_000, ingestPerMinute: 120_000, ipPerMinute: 240_000 });
 */
export function registerRateLimits(app: FastifyInstance, limits: RateLimits): void {
  if (limits.perMinute === 0 && limits.ingestPerMinute === 0 && limits.ipPerMinute === 0) return;
  let byAddress: Limiter | null = null;
  let byCaller: Limiter | null = null;
  // The plugin's limiters exist once it is loaded; the hooks are added now so that they run in this order.
  void app.register(rateLimit, { global: false });
  app.after(() => {
    if (limits.ipPerMinute > 0) byAddress = app.createRateLimit({ max: limits.ipPerMinute, timeWindow: WINDOW_MS, keyGenerator: (request) => request.ip });
    byCaller = app.createRateLimit({
      timeWindow: WINDOW_MS,
      keyGenerator: callerKey,
      // A limit of 0 is off: the largest count then never exceeds it.
      max: (request) => (isIngestion(request) ? limits.ingestPerMinute : limits.perMinute) || Number.MAX_SAFE_INTEGER,
    });
  });
  app.addHook('onRequest', async (request, reply) => {
    if (byAddress !== null) await enforce(byAddress, request, reply);
  });
  app.addHook('preParsing', async (request, reply, payload) => {
    if (byCaller !== null && (isIngestion(request) ? limits.ingestPerMinute : limits.perMinute) > 0) await enforce(byCaller, request, reply);
    return payload;
  });
}
