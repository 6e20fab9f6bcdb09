/**
 * `GET /metrics` in the Prometheus text format, and the hook that times every request.
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { readStoreGauges } from './read-store-gauges.js';
import type { ServiceMetrics } from './service-metrics.js';
import { delegatedTo } from '../auth/index.js';

/**
 * `/metrics`: the store-backed gauges are read at each scrape, then the registry is rendered. Hidden from the
 * OpenAPI document: it is for Prometheus, not for API clients (docs/prometheus.md lists the series).
 *
 * @example
 * await app.register(metricsRoutes(metrics, store));
 */
export function metricsRoutes(metrics: ServiceMetrics, store: Parameters<typeof readStoreGauges>[0]): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get('/metrics', {
      // Guarded by http/metrics-access.ts (a role on '*', or the metrics token), registered around these routes in app.ts.
      config: { permission: delegatedTo('requireMetricsReader') },
      schema: { hide: true },
      handler: async (_request, reply) => {
        metrics.setStoreGauges(await readStoreGauges(store, metrics.featureCap));
        const text = await metrics.registry.metrics();
        return reply.type(metrics.registry.contentType).send(text);
      },
    });
  };
}

/**
 * Observes every answered request in `bothub_http_request_duration_seconds`, labelled with the route template
 * (`/api/v1/models/:model`, never the raw URL, which would give a series per model and id).
 *
 * @example
 * registerRequestMetrics(app, metrics);
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: Pick<ServiceMetrics, 'observeRequest'>): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
