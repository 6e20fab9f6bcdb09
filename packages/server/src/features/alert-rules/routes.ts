import { AlertRuleSchema, AlertRuleSpecSchema, ConditionSchema, SEVERITIES, SlugSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { PREVIEW_MAX_POINTS } from './service.js';
import type { AlertRuleService } from './service.js';
import { recordAudit } from '../audit/index.js';
import { fromBody, listed, ofObject, requires } from '../auth/index.js';

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['alerts'];
const RuleParamsSchema = Type.Object({ rule: Type.String({ minLength: 1, maxLength: 100 }) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** A preview's changes: no defaults here (an omitted field keeps the stored rule's value). */
const RuleChangesSchema = Type.Object(
  {
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    version: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    segment: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    metric: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    feature: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    condition: Type.Optional(ConditionSchema),
    severity: Type.Optional(Type.Enum(SEVERITIES)),
    channels: Type.Optional(Nullable(Type.Array(SlugSchema, { maxItems: 20 }))),
    autoResolveWindows: Type.Optional(Type.Integer({ minimum: 1 })),
    cooldownMinutes: Type.Optional(Type.Integer({ minimum: 0 })),
    renotifyMinutes: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

const RulePreviewSchema = Type.Object({
  rule: AlertRuleSchema,
  windowsEvaluated: Type.Integer(),
  firings: Type.Array(
    Type.Object({
      time: Type.Number(),
      windowId: Nullable(Type.String()),
      key: Type.String({ description: 'The series (one alert each): `<version or *>|<segment>|<feature>`.' }),
      value: Nullable(Type.Number()),
      threshold: Nullable(Type.Number()),
      reason: Type.String(),
    }),
  ),
  alertsOpened: Type.Integer(),
  firingShare: Type.Number(),
});

const RulePrecisionSchema = Type.Object({
  ruleId: Type.String(),
  labelled: Type.Integer(),
  real: Type.Integer(),
  false: Type.Integer(),
  precision: Nullable(Type.Number({ description: 'real / labelled; null before any feedback.' })),
  suggestion: Nullable(
    Type.Object({
      threshold: Type.Number(),
      keptReal: Type.Integer(),
      droppedFalse: Type.Integer(),
      labelled: Type.Integer(),
      coefficients: Type.Object({ intercept: Type.Number(), slope: Type.Number() }),
      explanation: Type.String(),
    }),
  ),
});

/**
 * Alert rule routes under /api/v1.
 *
 * @example
 * await app.register(alertRuleRoutes(createAlertRuleService(deps)), { prefix: '/api/v1' });
 */
export function alertRuleRoutes(rules: AlertRuleService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.post('/alert-rules', {
      config: { permission: requires('write', fromBody('model_not_found')) },
      schema: {
        tags,
        summary: 'Create an alert rule',
        description:
          'A rule watches one metric of a model\'s history (`version`, `segment`, `feature`: one, every one with `"*"`, or none) and fires on its `condition`; its alerts go to the channels it names, else to every channel subscribed to its `severity`. Rule names are unique per model. Unknown fields are rejected (400).',
        body: AlertRuleSpecSchema,
        response: { 201: AlertRuleSchema, ...errors },
      },
      handler: async (request, reply) => {
        const rule = await rules.create(request.body);
        await recordAudit(request, { action: 'alert_rule.created', target: { type: 'alert_rule', id: rule.id, modelId: rule.modelId }, after: rule });
        return reply.status(201).send(rule);
      },
    });

    app.get('/alert-rules', {
      config: { permission: requires('read', listed('rules', 'modelId')) },
      schema: {
        tags,
        summary: 'List alert rules',
        description: 'Every rule, or those of one model (`model`, `project`) or of one project.',
        querystring: Type.Object({ model: Type.Optional(SlugSchema), project: Type.Optional(SlugSchema) }),
        response: { 200: Type.Object({ rules: Type.Array(AlertRuleSchema) }), ...errors },
      },
      handler: async (request) => ({ rules: await rules.list(request.query) }),
    });

    app.get('/alert-rules/:rule', {
      config: { permission: requires('read', ofObject('rule')) },
      schema: { tags, summary: 'Get an alert rule', params: RuleParamsSchema, response: { 200: AlertRuleSchema, ...errors } },
      handler: async (request) => rules.get(request.params.rule),
    });

    app.put('/alert-rules/:rule', {
      config: { permission: requires('write', ofObject('rule')) },
      schema: {
        tags,
        summary: 'Replace an alert rule',
        description: 'The whole spec, as on creation (omitted optional fields take their defaults); the model cannot change. Default rules can be changed or switched off (`enabled: false`) like any other; switching a rule off resolves its open alerts (channels hear "resolved").',
        params: RuleParamsSchema,
        body: AlertRuleSpecSchema,
        response: { 200: AlertRuleSchema, ...errors },
      },
      handler: async (request) => {
        const before = await rules.get(request.params.rule);
        const rule = await rules.update(request.params.rule, request.body);
        await recordAudit(request, { action: 'alert_rule.changed', target: { type: 'alert_rule', id: rule.id, modelId: rule.modelId }, before, after: rule });
        return rule;
      },
    });

    app.delete('/alert-rules/:rule', {
      config: { permission: requires('write', ofObject('rule')) },
      schema: { tags, summary: 'Delete an alert rule', description: 'Its open alerts are resolved first (by "system"; channels hear "resolved"); its alerts stay, with their history.', params: RuleParamsSchema, response: { 204: Type.Null(), ...errors } },
      handler: async (request, reply) => {
        const before = await rules.get(request.params.rule);
        await rules.remove(request.params.rule);
        await recordAudit(request, { action: 'alert_rule.deleted', target: { type: 'alert_rule', id: before.id, modelId: before.modelId }, before });
        return reply.status(204).send(null);
      },
    });

    app.post('/alert-rules/:rule/preview', {
      config: { permission: requires('read', ofObject('rule')) },
      schema: {
        tags,
        summary: 'Replay a rule over the stored history',
        description: `Says when the rule — with the changes in the body, not saved — would have fired and how often: every window of each of its series is evaluated in time order with the alert lifecycle (auto-resolve, cooldown, one alert per problem). \`{}\` previews the rule as stored. At most the newest ${PREVIEW_MAX_POINTS.toLocaleString('en')} points of the metric are replayed.`,
        params: RuleParamsSchema,
        body: RuleChangesSchema,
        response: { 200: RulePreviewSchema, ...errors },
      },
      handler: async (request) => {
        const preview = await rules.preview(request.params.rule, request.body);
        const rule = await rules.get(request.params.rule);
        // A read with a body, audited like every POST: it replays the model's metric history.
        await recordAudit(request, { action: 'alert_rule.previewed', target: { type: 'alert_rule', id: rule.id, modelId: rule.modelId }, after: { changes: request.body } });
        return preview;
      },
    });

    app.get('/alert-rules/:rule/precision', {
      config: { permission: requires('read', ofObject('rule')) },
      schema: {
        tags,
        summary: 'A rule\'s precision from feedback, and a threshold suggestion',
        description: 'Precision = alerts marked real / alerts marked at all. With at least 10 judged alerts of both verdicts, a threshold or n_of_m rule gets a suggested threshold from a logistic regression of the verdict on the alert\'s value, with what it would have kept and dropped.',
        params: RuleParamsSchema,
        response: { 200: RulePrecisionSchema, ...errors },
      },
      handler: async (request) => rules.precision(request.params.rule),
    });
  };
}
