import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiError, ErrorResponseSchema } from '../../http/errors.js';
import type { Store } from '../../storage/store.js';
import { PUBLIC } from '../auth/index.js';

/**
 * `/healthz` (the process answers) and `/readyz` (the store answers too: 503 otherwise, so a load balancer
 * takes the node out).
 *
 * @example
 * await app.register(healthRoutes(store));
 */
export function healthRoutes(store: Pick<Store, 'ping'>): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    const Ok = Type.Object({ status: Type.Literal('ok') });
    app.get('/healthz', {
      config: { permission: PUBLIC },
      schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: Ok } },
      handler: () => ({ status: 'ok' as const }),
    });
    app.get('/readyz', {
      config: { permission: PUBLIC },
      schema: { tags: ['health'], summary: 'Readiness: the store answers', response: { 200: Ok, 503: ErrorResponseSchema } },
      handler: async (request) => {
        try {
          await store.ping();
        } catch (error) {
          request.log.warn({ err: error }, 'store ping failed');
          throw new ApiError('not_ready');
        }
        return { status: 'ok' as const };
      },
    });
  };
}
