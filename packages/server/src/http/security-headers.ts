/**
 * Security headers on every answer (Helmet): a Content-Security-Policy that lets the dashboard run only its own
 * scripts and styles, no framing, no MIME sniffing, no referrer; HSTS over TLS only.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** Served over TLS: adds Strict-Transport-Security and upgrade-insecure-requests. */
  readonly tls: boolean;
  /** Origins the dashboard may fetch from besides its own (an identity provider's token endpoint, for sign-in). */
  readonly connectSources?: readonly string[];
}

/**
 * The dashboard's policy. Vite builds it into same-origin module scripts and one stylesheet, and ECharts draws on a
 * canvas and styles its elements through the DOM (not inline style attributes), so nothing inline is allowed;
 * `data:` images cover the page's empty favicon.
 *
 * @example
 * contentSecurityPolicy({ tls: false })['frame-ancestors']; // ["'none'"]
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(options.connectSources ?? [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(options.tls ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Registers the headers for every route. /docs keeps the policy the API reference's own package sets on its pages.
 *
 * @example
 * registerSecurityHeaders(app, { tls: true });
 */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  void app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    // Over plain HTTP the header is ignored by browsers, and it would pin a name to HTTPS that may not serve it.
    strictTransportSecurity: options.tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
