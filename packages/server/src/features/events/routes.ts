import sseModule from '@fastify/sse';
import type { SSEPluginOptions } from '@fastify/sse';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { ApiError, ErrorResponseSchema } from '../../http/errors.js';
import type { EventService, EventStream } from './service.js';
import { ANY_PROJECT, can, requires } from '../auth/index.js';

// The package is CommonJS (module.exports is the plugin) but its types declare an ES default export.
const sse = sseModule as unknown as FastifyPluginAsync<SSEPluginOptions>;

export interface EventRouteOptions {
  /** How often an idle stream sends a comment, so proxies and browsers keep it open. */
  readonly heartbeatMs: number;
}

const DESCRIPTION = [
  'Server-sent events (`text/event-stream`; in a browser, `new EventSource(\'/api/v1/events\')`). Each event\'s `data` is JSON:',
  '',
  '- `window.evaluated`: `{ model, project, window }`, a window\'s evaluation is stored (its points are at `/models/{model}/windows/{window}`).',
  '- `alert.changed`: `{ model, project, alert, state }`, an alert fired, was re-notified, acknowledged or resolved (`state`).',
  '- `records.ingested`: `{ model, project, accepted }`, records stored since the model\'s previous such event; at most one a second per model.',
  '',
  'A comment line (`: heartbeat`) every 15 s keeps idle connections open. Streams are bounded per node (setting `maxEventStreams`): above, 503 `too_many_streams`. Without `Accept: text/event-stream`, 406.',
].join('\n');

/**
 * `GET /events` under /api/v1: the live updates of the dashboard.
 *
 * @example
 * await app.register(eventRoutes(createEventService({ store, maxStreams: 100 }), { heartbeatMs: 15_000 }), { prefix: '/api/v1' });
 */
export function eventRoutes(events: EventService, options: EventRouteOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(sse, { heartbeatInterval: options.heartbeatMs });
    const streams = new WeakMap<object, EventStream>();
    // Open streams would hold app.close() (and a restart) forever: end them first.
    app.addHook('preClose', () => events.close());

    app.get('/events', {
      config: { permission: requires('read', ANY_PROJECT) },
      sse: true,
      schema: {
        tags: ['query'],
        summary: 'Live updates (server-sent events)',
        description: DESCRIPTION,
        response: {
          200: { description: 'An event stream that stays open.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          '4xx': ErrorResponseSchema,
          '5xx': ErrorResponseSchema,
        },
      },
      // Checked before the SSE plugin takes the response over, so a refusal is an ordinary JSON error.
      preHandler: async (request, reply) => {
        if (!(request.headers.accept ?? '').includes('text/event-stream')) throw new ApiError('not_acceptable');
        const stream = events.openStream();
        if (stream === null) throw new ApiError('too_many_streams');
        streams.set(request, stream);
        reply.raw.once('close', () => stream.close());
      },
      handler: (request, reply) => {
        const stream = streams.get(request)!;
        reply.sse.keepAlive();
        const principal = request.principal;
        stream.attach(
          (event) => {
            // Only events of projects the caller may read.
            if (principal === null || !can(principal, 'read', event.data.project)) return;
            // A client gone between the check and the write only loses this event; its close frees the slot.
            if (reply.sse.isConnected) reply.sse.send({ event: event.event, data: event.data }).catch(() => stream.close());
          },
          () => reply.sse.close(),
        );
        // Headers now (Node holds them until the first write otherwise), so the client knows the stream is open.
        reply.sse.sendHeaders();
        reply.raw.flushHeaders();
      },
    });
  };
}
