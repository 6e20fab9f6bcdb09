/**
 * Cross-origin access for browsers: none unless origins are listed. A listed origin gets the CORS headers and its
 * preflights answered; any other origin gets no CORS headers, so its scripts cannot read the answers.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** The headers a browser may send across origins: credentials go in Authorization (never cookies), bodies may be gzip. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'content-encoding', 'last-event-id'];
/** The answer headers a cross-origin script may read besides the CORS-safelisted ones. */
const EXPOSED_HEADERS = ['retry-after', 'location'];
/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Registers the allow-list; an empty list registers nothing (no CORS headers, preflights answer 404).
 *
 * @example
 * registerCorsAllowList(app, ['https://ml.example.com']);
 */
export function registerCorsAllowList(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  void app.register(cors, {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    // Bearer tokens, not cookies: no credentialed requests.
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_S,
    strictPreflight: true,
  });
}
