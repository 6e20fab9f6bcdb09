import { without } from '../../without.js';
import { ALERT_STATUSES, AlertSchema, IncidentSchema, NOTIFICATION_EVENTS, SEVERITIES, SlugSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Alert } from '@bothub/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { DELIVERY_STATUSES } from '../../storage/alert-store.js';
import type { AlertService } from './service.js';
import { recordAudit } from '../audit/index.js';
import { listed, ofObject, requires } from '../auth/index.js';

const DEFAULT_LIMIT = 50;
const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['alerts'];

/** Who acts, until the API has authentication: the body's `by`, else this header, else "anonymous". */
export const ACTOR_HEADER = 'x-bothub-actor';
const ANONYMOUS = 'anonymous';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: DEFAULT_LIMIT }));
const Before = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The `next` of the previous page.' }));
const Next = Type.Union([Type.String(), Type.Null()], { description: 'Pass as `before` for the next (older) page; null on the last page.' });
const ActorHeaders = Type.Object({ [ACTOR_HEADER]: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });
const By = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: `Who acts; default: the ${ACTOR_HEADER} header, else "${ANONYMOUS}".` }));
const Note = Type.Optional(Type.String({ maxLength: 2000 }));
const ActionBody = Type.Object({ by: By, note: Note }, { additionalProperties: false });

const DeliveryViewSchema = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  channel: Type.Union([Type.String(), Type.Null()], { description: 'The channel\'s name; null once it was deleted.' }),
  event: Type.Enum(NOTIFICATION_EVENTS),
  idempotencyKey: Type.String(),
  status: Type.Enum(DELIVERY_STATUSES, { description: 'pending (queued or waiting for a retry), sent, or dead (given up: a permanent refusal, or older than deliveryMaxAgeHours).' }),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Number(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
  sentAt: Type.Union([Type.Number(), Type.Null()]),
});
const AlertWithDeliveriesSchema = Type.Object({ ...AlertSchema.properties, deliveries: Type.Array(DeliveryViewSchema) });

function actor(request: FastifyRequest<{ Body: { by?: string }; Headers: { [ACTOR_HEADER]?: string } }>): string {
  return request.body.by ?? request.headers[ACTOR_HEADER] ?? ANONYMOUS;
}

/**
 * Alert and incident routes under /api/v1.
 *
 * @example
 * await app.register(alertRoutes(createAlertService(deps)), { prefix: '/api/v1' });
 */
export function alertRoutes(alerts: AlertService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    // An action may be posted without a body (`curl -X POST …/acknowledge`): it is then an empty one.
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.method === 'POST' && request.body === undefined) request.body = {};
      done();
    });

    app.get('/alerts', {
      config: { permission: requires('read', listed('alerts', 'modelId')) },
      schema: {
        tags,
        summary: 'List alerts, newest first',
        querystring: Type.Object({
          status: Type.Optional(Type.Enum(ALERT_STATUSES)),
          model: Type.Optional(SlugSchema),
          project: Type.Optional(SlugSchema),
          severity: Type.Optional(Type.Enum(SEVERITIES)),
          rule: Type.Optional(Id),
          limit: Limit,
          before: Before,
        }),
        response: { 200: Type.Object({ alerts: Type.Array(AlertSchema), next: Next }), ...errors },
      },
      handler: async (request) => {
        const { limit = DEFAULT_LIMIT, ...filter } = request.query;
        return alerts.list({ ...filter, limit });
      },
    });

    app.get('/alerts/:alert', {
      config: { permission: requires('read', ofObject('alert')) },
      schema: {
        tags,
        summary: 'Get an alert with its deliveries',
        description: 'The alert (status, who did what and when in `events`, evidence, feedback) and every notification queued for it: to which channel, for which state change, and whether it was sent, is waiting for a retry, or was given up (`dead`, with the last error).',
        params: Type.Object({ alert: Id }),
        response: { 200: AlertWithDeliveriesSchema, ...errors },
      },
      handler: async (request) => alerts.get(request.params.alert),
    });

    /** Runs an alert change and records it with the alert before (without its deliveries) and after. */
    const audited = async (request: FastifyRequest, auditAction: string, id: string, change: () => Promise<Alert>): Promise<Alert> => {
      const before = without(await alerts.get(id), 'deliveries');
      const after = await change();
      await recordAudit(request, { action: auditAction, target: { type: 'alert', id, modelId: after.modelId }, before, after });
      return after;
    };
    const action = (path: string, auditAction: string, summary: string, description: string, run: (id: string, by: string, note?: string) => Promise<Alert>): void => {
      app.post(path, {
        config: { permission: requires('write', ofObject('alert')) },
        schema: { tags, summary, description, params: Type.Object({ alert: Id }), headers: ActorHeaders, body: ActionBody, response: { 200: AlertSchema, ...errors } },
        handler: async (request) => audited(request, auditAction, request.params.alert, () => run(request.params.alert, actor(request), request.body.note)),
      });
    };
    action(
      '/alerts/:alert/acknowledge',
      'alert.acknowledged',
      'Acknowledge a firing alert',
      `Someone takes it in hand: it stops re-notifying, and channels hear "acknowledged" (PagerDuty acknowledges its incident). Who: \`by\`, else the ${ACTOR_HEADER} header, else "${ANONYMOUS}" (until the API has authentication). 409 invalid_transition unless the alert is firing.`,
      (id, by, note) => alerts.acknowledge(id, by, note),
    );
    action(
      '/alerts/:alert/resolve',
      'alert.resolved',
      'Resolve an open alert by hand',
      'Channels hear "resolved"; the rule\'s cooldown runs from now. 409 invalid_transition when it is already resolved.',
      (id, by, note) => alerts.resolve(id, by, note),
    );

    app.post('/alerts/:alert/feedback', {
      config: { permission: requires('write', ofObject('alert')) },
      schema: {
        tags,
        summary: 'Mark an alert real or false',
        description: 'Feedback for the rule\'s precision and threshold suggestions (`GET /api/v1/alert-rules/{rule}/precision`); a later verdict replaces an earlier one. Channels are not told.',
        params: Type.Object({ alert: Id }),
        headers: ActorHeaders,
        body: Type.Object({ verdict: Type.Enum(['real', 'false'] as const), by: By, note: Note }, { additionalProperties: false }),
        response: { 200: AlertSchema, ...errors },
      },
      handler: async (request) => audited(request, 'alert.feedback', request.params.alert, () => alerts.feedback(request.params.alert, request.body.verdict, actor(request), request.body.note)),
    });

    app.get('/incidents', {
      config: { permission: requires('read', listed('incidents', 'modelId')) },
      schema: {
        tags,
        summary: 'List incidents, newest first',
        description: 'An incident groups the alerts of one model that fired in the same window, with what changed ordered by effect size. It resolves when all its alerts are resolved.',
        querystring: Type.Object({ model: Type.Optional(SlugSchema), project: Type.Optional(SlugSchema), status: Type.Optional(Type.Enum(['open', 'resolved'] as const)), limit: Limit, before: Before }),
        response: { 200: Type.Object({ incidents: Type.Array(IncidentSchema), next: Next }), ...errors },
      },
      handler: async (request) => {
        const { limit = DEFAULT_LIMIT, ...filter } = request.query;
        return alerts.listIncidents({ ...filter, limit });
      },
    });

    app.get('/incidents/:incident', {
      config: { permission: requires('read', ofObject('incident')) },
      schema: { tags, summary: 'Get an incident', params: Type.Object({ incident: Id }), response: { 200: IncidentSchema, ...errors } },
      handler: async (request) => alerts.getIncident(request.params.incident),
    });
  };
}
