import { METRIC_STATUSES, MODEL_TASKS } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { ProjectQuerySchema } from '../registry/index.js';
import type { FleetService } from './service.js';
import { listed, requires } from '../auth/index.js';

const Status = Type.Enum(METRIC_STATUSES);

const FleetEntrySchema = Type.Object({
  name: Type.String(),
  project: Type.String(),
  task: Type.Enum(MODEL_TASKS),
  production: Type.Union([Type.String(), Type.Null()], { description: 'The version the `production` alias points at; null when none.' }),
  status: Type.Enum(METRIC_STATUSES, { description: 'The worst status of the model\'s monitors; `insufficient_data` before any evaluation.' }),
  monitors: Type.Array(Type.Object({ monitor: Type.String(), status: Status, updatedAt: Type.Number({ description: 'Epoch ms of the monitor\'s newest point.' }) })),
  traffic: Type.Object({
    lastHour: Type.Integer({ description: 'Records whose timestamp lies in the last hour.' }),
    lastDay: Type.Integer({ description: 'Records whose timestamp lies in the last 24 hours.' }),
    lastRecordAt: Type.Union([Type.Number(), Type.Null()], { description: 'Epoch ms the model last received a record; null before any.' }),
  }),
  labelCoverage: Type.Union([Type.Number(), Type.Null()], { description: 'The newest `label.coverage` point: the share of the latest evaluated window\'s records with a label; null before any.' }),
  openAlerts: Type.Integer({ description: 'Alerts firing or acknowledged.' }),
});

/**
 * `GET /fleet` under /api/v1: every model at a glance.
 *
 * @example
 * await app.register(fleetRoutes(createFleetService({ store, clock: Date.now })), { prefix: '/api/v1' });
 */
export function fleetRoutes(fleet: FleetService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get('/fleet', {
      config: { permission: requires('read', listed('models', 'project')) },
      schema: {
        tags: ['query'],
        summary: 'Every model at a glance',
        description:
          'Each model (of `?project=`, or of every project when omitted) with its production version, its status and each monitor\'s (as `/models/{model}/health`), its traffic, label coverage and open alerts. Sorted worst status first, then by name.',
        querystring: ProjectQuerySchema,
        response: { 200: Type.Object({ models: Type.Array(FleetEntrySchema) }), '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema },
      },
      handler: async (request) => ({ models: await fleet.fleet(request.query.project) }),
    });
  };
}
