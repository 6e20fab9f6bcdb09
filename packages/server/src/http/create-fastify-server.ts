/**
 * The Fastify instance over its transport: plain HTTP/1.1, or with a certificate HTTPS serving HTTP/2 and HTTP/1.1
 * (ALPN picks), with the timeouts that bound how long a connection may hold the server without sending a request.
 */
import Fastify from 'fastify';
import type { FastifyHttp2SecureOptions, FastifyHttpOptions, FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import type { Http2SecureServer } from 'node:http2';

/** PEM text of a certificate (chain) and its private key. */
export interface TlsFiles {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

/** Time limits in milliseconds (the settings of the same names in config.ts). */
export interface ServerTimeouts {
  /** To receive a request's headers (408 after). */
  readonly headersTimeoutMs: number;
  /** To receive a whole request, body included (408 after); must exceed headersTimeoutMs. */
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection (HTTP/1.1) or session (HTTP/2) is closed after this long. */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic either way is closed after this long. */
  readonly idleTimeoutMs: number;
}

/** Node's own defaults, except the headers timeout (60 s in Node): 10 s is ample for headers and cuts slowloris sooner. */
export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 3_600_000,
  keepAliveTimeoutMs: 72_000,
  idleTimeoutMs: 120_000,
});

/** How often Node checks headers and request timeouts (its default, 30 s, would let a 10 s limit run to 40 s). */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;

/** The HTTP/1.1 timeout properties of Node's servers, which an HTTP/2 server with HTTP/1.1 fallback also honours. */
interface Http1Timeouts {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
}

/**
 * Creates Fastify with `options` over HTTP, or HTTPS with HTTP/2 and HTTP/1.1 fallback when `tls` is given, with the
 * timeouts set on the server. The instance is typed as an HTTP/1.1 one: the routes read only what both request
 * types share (headers, body, url, method).
 *
 * @example
 * const app = createFastifyServer({ bodyLimit: 1_000_000 }, { tls: { cert, key } });
 */
export function createFastifyServer(options: FastifyHttpOptions<Server>, transport: { readonly tls?: TlsFiles; readonly timeouts?: ServerTimeouts } = {}): FastifyInstance {
  const timeouts = transport.timeouts ?? DEFAULT_SERVER_TIMEOUTS;
  const shared = {
    ...options,
    connectionTimeout: timeouts.idleTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    http2SessionTimeout: timeouts.keepAliveTimeoutMs,
  };
  const app =
    transport.tls === undefined
      ? Fastify(shared)
      : (Fastify({ ...shared, http2: true, https: { allowHTTP1: true, cert: transport.tls.cert, key: transport.tls.key } } as unknown as FastifyHttp2SecureOptions<Http2SecureServer>) as unknown as FastifyInstance);
  const server = app.server as unknown as Http1Timeouts;
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.connectionsCheckingInterval = CONNECTIONS_CHECKING_INTERVAL_MS;
  return app;
}
