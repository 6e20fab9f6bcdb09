import { LabelBatchSchema, PredictionBatchSchema, RecordOutcomeSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { wrapNdjsonBody } from '../../http/register-body-parsers.js';
import { ModelParamsSchema, ProjectQuerySchema } from '../registry/index.js';
import type { RegistryService } from '../registry/index.js';
import type { IngestionService } from './service.js';
import { fromQuery, requires } from '../auth/index.js';

const BatchResultSchema = Type.Object({
  results: Type.Array(RecordOutcomeSchema, { description: 'One outcome per record, in the batch\'s order.' }),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
});
const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['ingestion'];
const bodies =
  'The body is JSON, or JSON Lines (`Content-Type: application/x-ndjson`, one record per line), optionally with `Content-Encoding: gzip` (the body limit applies to the decoded size). A body over the limit, or a batch with more records than the limit, answers 413 naming the limit.';

/**
 * Ingestion routes under /api/v1: predictions and late labels. Answers only after the store committed durably.
 *
 * @example
 * await app.register(ingestionRoutes(registry, ingestion), { prefix: '/api/v1' });
 */
export function ingestionRoutes(registry: RegistryService, ingestion: IngestionService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.post('/models/:model/predictions', {
      config: { permission: requires('ingest', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Send predictions',
        description: `Each record is validated on its own against the model's schema and answered in order: \`accepted\`, \`duplicate\` (an id seen before, counted once) or \`rejected\` with the field and reason; valid records of a batch are stored even when others are rejected. A record without \`version\` goes to the model's \`production\` alias (no alias: rejected on field \`version\`). Unknown top-level fields of a record, and features the model does not declare, are ignored. Values outside a declared range and unseen categories are accepted (they are data-quality findings). The answer comes after the records are durably committed. ${bodies}`,
        params: ModelParamsSchema,
        querystring: ProjectQuerySchema,
        body: PredictionBatchSchema,
        response: { 200: BatchResultSchema, ...errors },
      },
      preValidation: wrapNdjsonBody('records'),
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        return ingestion.ingestPredictions(model, request.body.records);
      },
    });

    app.post('/models/:model/labels', {
      config: { permission: requires('ingest', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Send ground-truth labels',
        description: `Labels join their predictions by id, and may arrive before them; a second label for an id is a duplicate. Windows holding labelled records are re-evaluated. Answered per label as for predictions. ${bodies}`,
        params: ModelParamsSchema,
        querystring: ProjectQuerySchema,
        body: LabelBatchSchema,
        response: { 200: BatchResultSchema, ...errors },
      },
      preValidation: wrapNdjsonBody('labels'),
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        return ingestion.ingestLabels(model, request.body.labels);
      },
    });
  };
}
