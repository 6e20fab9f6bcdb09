import { ModelPatchSchema, ModelSchema, ModelSpecSchema, SlugSchema, VersionSchema, VersionSpecSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import type { RegistryService } from './service.js';
import { recordAudit } from '../audit/index.js';
import { fromBody, fromQuery, listed, requires } from '../auth/index.js';

/** `{model}` in every model route's path. */
export const ModelParamsSchema = Type.Object({ model: SlugSchema });
/** `?project=` on every model route; default `default`. */
export const ProjectQuerySchema = Type.Object({ project: Type.Optional(SlugSchema) });

/** `{model}` and `{version}` (a version or an alias) in a version route's path. */
export const VersionParamsSchema = Type.Object({ model: SlugSchema, version: Type.String({ minLength: 1, maxLength: 100 }) });
const AliasParamsSchema = Type.Object({ model: SlugSchema, alias: SlugSchema });
const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['registry'];

/**
 * The registry's routes under /api/v1: models, versions, aliases (reference data sets: referenceRoutes).
 *
 * @example
 * await app.register(registryRoutes(createRegistryService({ store, clock })), { prefix: '/api/v1' });
 */
export function registryRoutes(registry: RegistryService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.post('/models', {
      config: { permission: requires('write', fromBody()) },
      schema: {
        tags,
        summary: 'Register a model',
        description:
          'Creates a model in a project (default `default`). Defaults: window `{ kind: "count", size: 1000 }`, retention 30 days of records and 365 days of metrics. Unknown fields are rejected (400), so a typo cannot silently drop a setting.',
        body: ModelSpecSchema,
        response: { 201: ModelSchema, ...errors },
      },
      handler: async (request, reply) => {
        const model = await registry.createModel(request.body);
        await recordAudit(request, { action: 'model.created', target: { type: 'model', id: model.name, project: model.project }, after: model });
        return reply.status(201).send(model);
      },
    });

    app.get('/models', {
      config: { permission: requires('read', listed('models', 'project')) },
      schema: { tags, summary: 'List models', querystring: ProjectQuerySchema, response: { 200: Type.Object({ models: Type.Array(ModelSchema) }), ...errors } },
      handler: async (request) => ({ models: await registry.listModels(request.query.project) }),
    });

    app.get('/models/:model', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: { tags, summary: 'Get a model', description: 'Model names are unique per project; `?project=` selects the project (default `default`).', params: ModelParamsSchema, querystring: ProjectQuerySchema, response: { 200: ModelSchema, ...errors } },
      handler: async (request) => registry.requireModel(request.query.project, request.params.model),
    });

    app.patch('/models/:model', {
      config: { permission: requires('write', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Change a model\'s settings',
        description: [
          'Changes the settings that may change once records flow: `description`, `segmentFields`, `protected`, `window`, `retention` and `monitors`, checked as at registration.',
          '`retention` and `monitors` merge over the current values; the other fields replace theirs (`null` clears `description` and `protected`).',
          'The next batch ingested and the next window evaluated use the new settings: a new `window` applies to records ingested from then on: count windows restart with the next record (the records of the count window open at the change are left out of windows), and closed windows keep their records.',
          'The record schema (task, features, prediction, label, score) and the name cannot change; these and unknown fields are rejected (400).',
        ].join(' '),
        params: ModelParamsSchema,
        querystring: ProjectQuerySchema,
        body: ModelPatchSchema,
        response: { 200: ModelSchema, ...errors },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const updated = await registry.updateModel(model, request.body);
        await recordAudit(request, { action: 'model.updated', target: { type: 'model', id: model.name, project: model.project }, before: model, after: updated });
        return updated;
      },
    });

    app.post('/models/:model/versions', {
      config: { permission: requires('write', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Register a model version',
        description: 'Unknown fields are rejected (400). `aliases` point at the new version, moved from any other version of the model.',
        params: ModelParamsSchema,
        querystring: ProjectQuerySchema,
        body: VersionSpecSchema,
        response: { 201: VersionSchema, ...errors },
      },
      handler: async (request, reply) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const version = await registry.createVersion(model, request.body);
        await recordAudit(request, { action: 'version.created', target: { type: 'version', id: `${model.name}/${version.version}`, project: model.project }, after: version });
        return reply.status(201).send(version);
      },
    });

    app.get('/models/:model/versions', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: { tags, summary: 'List a model\'s versions', params: ModelParamsSchema, querystring: ProjectQuerySchema, response: { 200: Type.Object({ versions: Type.Array(VersionSchema) }), ...errors } },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        return { versions: await registry.listVersions(model) };
      },
    });

    app.put('/models/:model/aliases/:alias', {
      config: { permission: requires('write', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Point an alias at a version',
        description: 'Moves the alias (e.g. `production`, `staging`, `champion`) to the version, from any other version of the model. Predictions without a version go to the `production` alias.',
        params: AliasParamsSchema,
        querystring: ProjectQuerySchema,
        body: Type.Object({ version: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: VersionSchema, ...errors },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const version = await registry.setAlias(model, request.params.alias, request.body.version);
        await recordAudit(request, { action: 'alias.set', target: { type: 'alias', id: `${model.name}/${request.params.alias}`, project: model.project }, after: { alias: request.params.alias, version: version.version } });
        return version;
      },
    });
  };
}
