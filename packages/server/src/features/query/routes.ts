import { METRIC_STATUSES, MetricPointSchema, SlugSchema, WindowSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { ModelParamsSchema, ProjectQuerySchema } from '../registry/index.js';
import type { RegistryService } from '../registry/index.js';
import { DEFAULT_METRICS_LIMIT } from './service.js';
import type { QueryService } from './service.js';
import { fromQuery, requires } from '../auth/index.js';

const DEFAULT_WINDOWS_LIMIT = 50;
const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['query'];
const Status = Type.Enum(METRIC_STATUSES);
const Counts = Type.Object({ ok: Type.Integer(), warning: Type.Integer(), critical: Type.Integer(), insufficient_data: Type.Integer() });

/**
 * Query routes under /api/v1: windows, metric history, health.
 *
 * @example
 * await app.register(queryRoutes(registry, query), { prefix: '/api/v1' });
 */
export function queryRoutes(registry: RegistryService, query: QueryService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get('/models/:model/windows', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'List closed windows, newest first',
        params: ModelParamsSchema,
        querystring: Type.Object({
          project: Type.Optional(SlugSchema),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: DEFAULT_WINDOWS_LIMIT })),
          before: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The `next` of the previous page.' })),
        }),
        response: { 200: Type.Object({ windows: Type.Array(WindowSchema), next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `before` for the next (older) page; null on the last page.' }) }), ...errors },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const { limit = DEFAULT_WINDOWS_LIMIT, before } = request.query;
        const page = await query.listWindows(model, before === undefined ? { limit } : { limit, before });
        return { windows: [...page.windows], next: page.next };
      },
    });

    app.get('/models/:model/windows/:window', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Get one window with every result',
        params: Type.Object({ model: SlugSchema, window: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: ProjectQuerySchema,
        response: {
          200: Type.Object({ window: WindowSchema, results: Type.Unknown({ description: 'The report-shaped results of the window\'s evaluation; null until evaluated.' }), points: Type.Array(MetricPointSchema) }),
          ...errors,
        },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        return query.getWindow(model, request.params.window);
      },
    });

    app.get('/models/:model/metrics', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'A metric\'s time series',
        description: 'Metric points oldest first. Without `segment`, the all-segments series; `segment=*` for every segment. `version` is a version or an alias. `from` and `to` (inclusive) are epoch milliseconds or ISO 8601.',
        params: ModelParamsSchema,
        querystring: Type.Object({
          project: Type.Optional(SlugSchema),
          metric: Type.Optional(Type.String({ maxLength: 200, description: 'e.g. drift.statistic, quality.missing_share, performance.rocAuc' })),
          feature: Type.Optional(Type.String({ maxLength: 200 })),
          segment: Type.Optional(Type.String({ maxLength: 200 })),
          version: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional(Type.String({ maxLength: 40 })),
          to: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: DEFAULT_METRICS_LIMIT })),
        }),
        response: { 200: Type.Object({ points: Type.Array(MetricPointSchema) }), ...errors },
      },
      handler: async (request) => {
        const { project, ...filter } = request.query;
        const model = await registry.requireModel(project, request.params.model);
        return { points: await query.queryMetrics(model, filter) };
      },
    });

    app.get('/models/:model/health', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Current status per monitor',
        description: 'For each monitor (metric family: drift, quality, performance, anomaly, fairness, label …) the worst status of its newest all-segments points, with the points at warning or critical. `insufficient_data` when nothing has been evaluated.',
        params: ModelParamsSchema,
        querystring: ProjectQuerySchema,
        response: {
          200: Type.Object({
            model: Type.String(),
            status: Status,
            monitors: Type.Array(Type.Object({ monitor: Type.String(), status: Status, updatedAt: Type.Number(), counts: Counts, alerts: Type.Array(MetricPointSchema) })),
          }),
          ...errors,
        },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        return query.health(model);
      },
    });
  };
}
