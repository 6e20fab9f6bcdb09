/**
 * The request guards of the transport, in the order they must run: rate limits (the address layer before
 * authentication), the slow-body rule, security headers and the CORS allow-list.
 */
import type { FastifyInstance } from 'fastify';
import { registerCorsAllowList } from './cors-allow-list.js';
import { registerRateLimits } from './rate-limits.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerSlowBodyGuard } from './slow-body-guard.js';
import type { TransportSettings } from './transport-settings.js';

/**
 * Installs the guards `settings` turn on; call right after the error handlers, before authentication's hooks.
 *
 * @example
 * registerTransport(app, { rateLimits: { perMinute: 600, ingestPerMinute: 6000, ipPerMinute: 12_000 }, corsOrigins: ['https://ml.example.com'] });
 */
export function registerTransport(app: FastifyInstance, settings: TransportSettings = {}): void {
  if (settings.rateLimits !== undefined) registerRateLimits(app, settings.rateLimits);
  if (settings.slowBody !== undefined) registerSlowBodyGuard(app, settings.slowBody);
  registerSecurityHeaders(app, { tls: settings.tls !== undefined, ...(settings.connectSources === undefined ? {} : { connectSources: settings.connectSources }) });
  registerCorsAllowList(app, settings.corsOrigins ?? []);
}
