/**
 * A listener of its own for Prometheus (metricsPort): /metrics and /healthz only, plain HTTP, no authentication, for
 * an interface that only the monitoring network reaches. The main listener then has no /metrics at all.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { healthRoutes } from '../features/health/index.js';
import { metricsRoutes } from '../features/metrics/index.js';
import type { ServiceMetrics } from '../features/metrics/index.js';
import type { Store } from '../storage/store.js';
import { registerErrorHandlers } from './errors.js';
import { registerSecurityHeaders } from './security-headers.js';

/**
 * Builds the metrics listener's app; the caller listens and closes it.
 *
 * @example
 * const listener = createMetricsListener(metrics, store);
 * await listener.listen({ host: '127.0.0.1', port: 9464 });
 */
export function createMetricsListener(metrics: ServiceMetrics, store: Store): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 });
  registerErrorHandlers(app, { bodyBytes: 1024 });
  registerSecurityHeaders(app, { tls: false });
  void app.register(healthRoutes(store));
  void app.register(metricsRoutes(metrics, store));
  return app;
}
