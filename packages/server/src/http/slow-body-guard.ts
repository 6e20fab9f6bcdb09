/**
 * Cuts a client that sends its body too slowly (a "slow POST" holds a connection and a request's memory for as long
 * as it likes). Node's requestTimeout bounds the whole request for every route alike, so it must stay long enough for
 * the largest reference upload; this rule is rate-based instead: once a grace period has passed, the body must have
 * arrived at an average of at least `minBytesPerSecond`, or the request answers 408 and its connection is closed.
 */
import type { Http2ServerRequest } from 'node:http2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOGUE } from './errors.js';

export interface SlowBodyRule {
  /** Least average rate of a body (bytes received on the connection since its headers, per second); 0: no rule. */
  readonly minBytesPerSecond: number;
  /** How long a body may arrive at any pace before the rate applies. */
  readonly graceMs: number;
  /** How often bodies in flight are checked; default a quarter of the grace period, at most 1 s. */
  readonly checkEveryMs?: number;
}

interface Watched {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly startedAt: number;
  readonly startBytes: number;
}

function bytesRead(request: FastifyRequest): number {
  // The connection's count: it grows as the body arrives without the guard reading (and so consuming) the body itself.
  // Over HTTP/2 it is the session's, shared by its streams.
  return request.raw.socket.bytesRead;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined || (request.raw.httpVersionMajor === 2 && !request.raw.complete);
}

function cut(watched: Watched): void {
  const { request, reply } = watched;
  const body = JSON.stringify({ error: { code: 'request_timeout', message: ERROR_CATALOGUE.request_timeout.message } });
  const http2 = request.raw.httpVersionMajor === 2;
  request.log.warn({ receivedBytes: bytesRead(request) - watched.startBytes }, 'request body too slow: connection cut');
  const res = reply.raw;
  if (!res.headersSent) {
    // Connection headers are not allowed in HTTP/2: there the stream alone is closed.
    res.writeHead(408, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(http2 ? {} : { connection: 'close' }) });
    res.end(body);
  }
  // The body never completes: free the request's stream (and over HTTP/1.1 the connection) once the answer is out.
  const release = (): void => {
    if (http2) (request.raw as unknown as Http2ServerRequest).stream.close();
    else request.raw.socket.destroy();
  };
  if (res.writableFinished) release();
  else {
    res.once('finish', release);
    setTimeout(release, 1000).unref();
  }
}

/**
 * Watches every request with a body until the body has arrived; one timer checks them all.
 *
 * @example
 * registerSlowBodyGuard(app, { minBytesPerSecond: 1024, graceMs: 5000 });
 */
export function registerSlowBodyGuard(app: FastifyInstance, rule: SlowBodyRule): void {
  if (rule.minBytesPerSecond <= 0) return;
  const watched = new Set<Watched>();
  const checkEveryMs = rule.checkEveryMs ?? Math.min(1000, Math.max(50, Math.floor(rule.graceMs / 4)));
  let timer: NodeJS.Timeout | null = null;

  const check = (): void => {
    const now = Date.now();
    for (const entry of watched) {
      if (entry.request.raw.complete || entry.request.raw.destroyed) {
        watched.delete(entry);
        continue;
      }
      const elapsedMs = now - entry.startedAt;
      if (elapsedMs < rule.graceMs) continue;
      const received = bytesRead(entry.request) - entry.startBytes;
      if (received < (rule.minBytesPerSecond * elapsedMs) / 1000) {
        watched.delete(entry);
        cut(entry);
      }
    }
    if (watched.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };

  app.addHook('onRequest', (request, reply, done) => {
    if (hasBody(request) && !request.raw.complete && typeof (request.raw.socket as { bytesRead?: unknown } | undefined)?.bytesRead === 'number') {
      const entry: Watched = { request, reply, startedAt: Date.now(), startBytes: bytesRead(request) };
      watched.add(entry);
      const forget = (): void => {
        watched.delete(entry);
      };
      request.raw.once('end', forget);
      request.raw.once('close', forget);
      timer ??= setInterval(check, checkEveryMs).unref();
    }
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    if (timer !== null) clearInterval(timer);
    watched.clear();
    done();
  });
}
