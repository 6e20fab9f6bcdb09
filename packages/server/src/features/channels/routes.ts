import { ChannelSchema, ChannelSpecSchema, SlugSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import type { ChannelService } from './service.js';
import { recordAudit } from '../audit/index.js';
import { GLOBAL, requires } from '../auth/index.js';

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['alerts'];
const ChannelParamsSchema = Type.Object({ channel: SlugSchema });

/** What a test send came to (the same outcome a queued delivery gets). */
const SendOutcomeSchema = Type.Object({
  ok: Type.Boolean(),
  status: Type.Optional(Type.Integer({ description: 'The receiver\'s HTTP status, when it answered.' })),
  retryable: Type.Optional(Type.Boolean({ description: 'On failure: whether a queued delivery would be retried.' })),
  error: Type.Optional(Type.String()),
  retryAfterMs: Type.Optional(Type.Number()),
});

/**
 * Channel routes under /api/v1: create, list, read, replace, delete and test notification channels.
 *
 * @example
 * await app.register(channelRoutes(createChannelService(deps)), { prefix: '/api/v1' });
 */
export function channelRoutes(channels: ChannelService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.post('/channels', {
      config: { permission: requires('admin', GLOBAL) },
      schema: {
        tags,
        summary: 'Create a notification channel',
        description:
          'Kinds and their settings: `slack` (`url`: an incoming webhook), `pagerduty` (`routingKey`; `url` overrides the Events API v2 endpoint), `webhook` (`url`, `secret` to sign with HMAC-SHA256), `email` (`smtp`), `retrain` (`url` and `secret`, or `command` from the administrator\'s allow-list `retrainCommands`). A setting of another kind answers 400. URLs and SMTP hosts must resolve to public addresses unless the administrator allowed the range (`allowPrivateChannelHosts`). `secret` and `smtp.password` are write-only: answers say `hasSecret`. All of them, `url` and `routingKey` included, are stored encrypted; answers show `url` cut to its origin and `routingKey` as `…(set)` (e.g. `https://hooks.slack.com/…(set)`).',
        body: ChannelSpecSchema,
        response: { 201: ChannelSchema, ...errors },
      },
      handler: async (request, reply) => {
        const channel = await channels.create(request.body);
        // Secrets and URLs are redacted by recordAudit; the spec's secret never reaches the trail in clear.
        await recordAudit(request, { action: 'channel.created', target: { type: 'channel', id: channel.name }, after: channel });
        return reply.status(201).send(channel);
      },
    });

    app.get('/channels', {
      config: { permission: requires('read', GLOBAL) },
      schema: { tags, summary: 'List notification channels', response: { 200: Type.Object({ channels: Type.Array(ChannelSchema) }), ...errors } },
      handler: async () => ({ channels: await channels.list() }),
    });

    app.get('/channels/:channel', {
      config: { permission: requires('read', GLOBAL) },
      schema: { tags, summary: 'Get a notification channel', params: ChannelParamsSchema, response: { 200: ChannelSchema, ...errors } },
      handler: async (request) => channels.get(request.params.channel),
    });

    app.put('/channels/:channel', {
      config: { permission: requires('admin', GLOBAL) },
      schema: {
        tags,
        summary: 'Replace a notification channel\'s settings',
        description: 'The whole spec, checked as on creation; `name` must be the channel\'s (rules name channels). A `secret` or `smtp.password` left out keeps the stored one, as does a `url` or `routingKey` sent back masked as answered.',
        params: ChannelParamsSchema,
        body: ChannelSpecSchema,
        response: { 200: ChannelSchema, ...errors },
      },
      handler: async (request) => {
        const before = await channels.get(request.params.channel);
        const channel = await channels.update(request.params.channel, request.body);
        await recordAudit(request, { action: 'channel.updated', target: { type: 'channel', id: channel.name }, before, after: channel });
        return channel;
      },
    });

    app.delete('/channels/:channel', {
      config: { permission: requires('admin', GLOBAL) },
      schema: { tags, summary: 'Delete a notification channel', description: 'Its queued notifications are given up (status dead).', params: ChannelParamsSchema, response: { 204: Type.Null(), ...errors } },
      handler: async (request, reply) => {
        const before = await channels.get(request.params.channel);
        await channels.remove(request.params.channel);
        await recordAudit(request, { action: 'channel.deleted', target: { type: 'channel', id: before.name }, before });
        return reply.status(204).send(null);
      },
    });

    app.post('/channels/:channel/test', {
      config: { permission: requires('admin', GLOBAL) },
      schema: {
        tags,
        summary: 'Send a test notification now',
        description: 'Sends a firing notification marked as a test to the channel at once (not queued, not retried) and answers how the receiver took it.',
        params: ChannelParamsSchema,
        response: { 200: SendOutcomeSchema, ...errors },
      },
      handler: async (request) => {
        const outcome = await channels.test(request.params.channel);
        await recordAudit(request, { action: 'channel.tested', target: { type: 'channel', id: request.params.channel }, after: outcome });
        return outcome;
      },
    });
  };
}
