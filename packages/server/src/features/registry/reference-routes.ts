import type { Readable } from 'node:stream';
import { MAX_SEGMENT_LENGTH, PredictionBatchSchema, VersionSchema } from '@bothub/core';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ApiError, ErrorResponseSchema } from '../../http/errors.js';
import { readJsonLinesFile } from '../../http/read-json-lines-file.js';
import { declaredBytes, readBodyText, withBodyInTemporaryFile } from '../../http/receive-streamed-body.js';
import type { BodyLimit } from '../../http/receive-streamed-body.js';
import { NDJSON_TYPES } from '../../http/register-body-parsers.js';
import { ProjectQuerySchema, VersionParamsSchema } from './routes.js';
import type { RegistryService } from './service.js';
import { recordAudit } from '../audit/index.js';
import { fromQuery, requires } from '../auth/index.js';

/** The limits of reference bodies: JSON is parsed in memory (the app's limit), the other formats stream to disk. */
export interface ReferenceLimits {
  readonly bodyBytes: number;
  readonly referenceBodyBytes: number;
}

type UploadFormat = 'json' | 'jsonl' | 'csv' | 'parquet';

const FORMAT_OF_MEDIA_TYPE: ReadonlyMap<string, UploadFormat> = new Map([
  ['application/json', 'json'],
  ...NDJSON_TYPES.map((type): [string, UploadFormat] => [type, 'jsonl']),
  ['text/csv', 'csv'],
  ['text/tab-separated-values', 'csv'],
  ['application/vnd.apache.parquet', 'parquet'],
]);
const OCTET_STREAM = 'application/octet-stream';
const ACCEPTED = [...FORMAT_OF_MEDIA_TYPE.keys(), `${OCTET_STREAM} with ?format=`];

const UploadQuerySchema = Type.Object({
  project: ProjectQuerySchema.properties.project,
  format: Type.Optional(Type.Enum(['csv', 'jsonl', 'parquet'] as const, { description: 'The format of an `application/octet-stream` body; other content types name their format.' })),
});

const FromRecordsSchema = Type.Object(
  {
    from: Type.Union([Type.String({ maxLength: 40 }), Type.Number()], { description: 'ISO 8601 with an offset, or epoch milliseconds; inclusive.' }),
    to: Type.Union([Type.String({ maxLength: 40 }), Type.Number()], { description: 'ISO 8601 with an offset, or epoch milliseconds; inclusive.' }),
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Records of this version or alias; default the version in the path.' })),
    segment: Type.Optional(Type.String({ maxLength: MAX_SEGMENT_LENGTH, description: 'Only records of this segment.' })),
  },
  { additionalProperties: false },
);

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['registry'];

const FILE_DESCRIPTION =
  'Columns named like the model\'s features, and `prediction`, `score`, `label` for the record\'s own fields; an embedding feature as one column of vectors or numbered columns `<name>_0`, `<name>_1` …; other columns are ignored. Each column is read with the model\'s type.';

/** The upload's format from its media type (and `?format=` for octet streams), or a 415 naming what is accepted. */
function uploadFormat(mediaType: string | undefined, format: Exclude<UploadFormat, 'json'> | undefined): UploadFormat {
  const byType = mediaType === undefined ? undefined : FORMAT_OF_MEDIA_TYPE.get(mediaType);
  if (mediaType === OCTET_STREAM && format !== undefined) return format;
  if (byType !== undefined && (format === undefined || format === byType)) return byType;
  if (byType !== undefined) {
    throw new ApiError('validation_failed', { in: 'querystring', field: 'format', reason: `the Content-Type ${mediaType} says ${byType}` }, `querystring.format: the Content-Type ${mediaType} says ${byType}`);
  }
  throw new ApiError(
    'unsupported_media_type',
    { contentType: mediaType ?? null, accepted: ACCEPTED },
    mediaType === OCTET_STREAM
      ? 'An application/octet-stream reference needs ?format=parquet (or csv, jsonl).'
      : `Unsupported Content-Type for a reference (${mediaType ?? 'none'}): send ${ACCEPTED.join(', ')}.`,
  );
}

/**
 * The reference routes under /api/v1: upload a version's reference data set (JSON, JSON Lines, CSV, Parquet), or
 * build it from records already ingested. Uploads other than JSON stream to a temporary file under
 * `referenceBodyBytes`, removed afterwards; JSON is parsed in memory under `bodyBytes`.
 *
 * @example
 * await app.register(referenceRoutes(registry, { bodyBytes: 16 * 1024 ** 2, referenceBodyBytes: 1024 ** 3 }), { prefix: '/api/v1' });
 */
export function referenceRoutes(registry: RegistryService, limits: ReferenceLimits): FastifyPluginAsyncTypebox {
  const jsonLimit: BodyLimit = { bytes: limits.bodyBytes, setting: 'bodyLimitBytes', hint: 'send a larger reference as JSON Lines, CSV or Parquet, streamed under referenceBodyLimitBytes' };
  const fileLimit: BodyLimit = { bytes: limits.referenceBodyBytes, setting: 'referenceBodyLimitBytes' };

  return async (app) => {
    app.post('/models/:model/versions/:version/reference/from-records', {
      config: { permission: requires('write', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Build a version\'s reference from ingested records',
        description:
          'Builds the reference profile from the stored records (with their labels) of a version whose timestamps lie in [`from`, `to`], optionally of one segment: read in pages, at most 10,000 of them kept as a seeded uniform sample, counts over all. `version` picks the records of another version (e.g. the previous one, as the reference of its successor); default the version in the path. Replaces any earlier profile. 422 `no_records` when the range holds none.',
        params: VersionParamsSchema,
        querystring: ProjectQuerySchema,
        body: FromRecordsSchema,
        response: { 200: VersionSchema, ...errors },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const version = await registry.requireVersion(model, request.params.version);
        const updated = await registry.putReferenceFromRecords(model, version, request.body);
        await recordAudit(request, { action: 'reference.built', target: { type: 'version', id: `${model.name}/${version.version}`, project: model.project }, after: { from: request.body, reference: updated.reference } });
        return updated;
      },
    });

    // Uploads parse their bodies here, apart from the app's parsers: every body reaches the handler as a stream.
    // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
    await app.register(async (upload) => {
      const parseJson = upload.getDefaultJsonParser('error', 'error');
      upload.removeContentTypeParser(['application/json', ...NDJSON_TYPES]);
      upload.addContentTypeParser('application/json', (request, payload, done) => {
        readBodyText({ stream: payload, limit: jsonLimit, ...declaredBytes(request.headers) }).then(
          (text) => {
            // Fastify's own JSON parser (prototype-poisoning checks included); it answers through `done`.
            void parseJson(request, text, done);
          },
          (error: unknown) => {
            done(error as Error, undefined);
          },
        );
      });
      upload.addContentTypeParser('*', (_request, payload, done) => {
        done(null, payload);
      });

      upload.withTypeProvider<TypeBoxTypeProvider>().post('/models/:model/versions/:version/reference', {
        config: { permission: requires('write', fromQuery('model_not_found')) },
        bodyLimit: limits.referenceBodyBytes,
        schema: {
          tags,
          summary: 'Upload a version\'s reference data set',
          description: [
            'The reference profile every monitor reads is built once from the upload and replaces any earlier one; at most 10,000 rows are kept (a seeded uniform sample taken while reading), counts cover every row. `{version}` may be an alias. Any body may be gzip-encoded.',
            '- JSON (`{ "records": [...] }`, in memory, under `bodyLimitBytes`) or JSON Lines (`application/x-ndjson`, one record per line): records in the prediction record shape (`features`, `prediction`, `score`?, `label`?; `id` optional), validated against the model\'s schema; any invalid record fails the upload (400 `invalid_reference`, listing the records and fields).',
            `- CSV (\`text/csv\`, delimiter detected) or Parquet (\`application/vnd.apache.parquet\`, or \`application/octet-stream\` with \`?format=parquet\`): ${FILE_DESCRIPTION} A file with none of the model's columns, an unreadable file or values that do not parse as the model's type: 400 \`invalid_reference\` naming the column.`,
            '- JSON Lines, CSV and Parquet stream to a temporary file (removed afterwards) under `referenceBodyLimitBytes` (default 1 GiB; 413 `body_too_large` naming the setting). Other content types: 415.',
          ].join('\n'),
          params: VersionParamsSchema,
          querystring: UploadQuerySchema,
          body: {
            content: {
              'application/json': { schema: PredictionBatchSchema },
              'application/x-ndjson': { schema: Type.Unknown({ description: 'One prediction record per line.' }) },
              'text/csv': { schema: Type.Unknown({ description: `A CSV file with a header row. ${FILE_DESCRIPTION}` }) },
              'application/vnd.apache.parquet': { schema: Type.Unknown({ description: `A Parquet file. ${FILE_DESCRIPTION}` }) },
              [OCTET_STREAM]: { schema: Type.Unknown({ description: 'A file in the format named by `?format=`.' }) },
            },
          },
          response: { 200: VersionSchema, ...errors },
        },
        handler: async (request, reply) => {
          const model = await registry.requireModel(request.query.project, request.params.model);
          const version = await registry.requireVersion(model, request.params.version);
          const format = uploadFormat(request.mediaType, request.query.format);
          const audited = async (updated: Static<typeof VersionSchema>) => {
            await recordAudit(request, { action: 'reference.uploaded', target: { type: 'version', id: `${model.name}/${version.version}`, project: model.project }, after: { format, reference: updated.reference } });
            return updated;
          };
          if (format === 'json') {
            // Validated by the application/json schema above.
            const { records } = request.body as Static<typeof PredictionBatchSchema>;
            return audited(await registry.putReference(model, version, { kind: 'records', records }));
          }
          const body = { stream: request.body as Readable, limit: fileLimit, ...declaredBytes(request.headers) };
          try {
            return await audited(
              await withBodyInTemporaryFile(body, `reference.${format}`, (file) =>
                registry.putReference(model, version, format === 'jsonl' ? { kind: 'records', records: readJsonLinesFile(file) } : { kind: 'file', file, format }),
              ),
            );
          } catch (error) {
            // The client may still be sending: close the connection after the answer instead of reading the rest.
            if (error instanceof ApiError && error.code === 'body_too_large') void reply.header('connection', 'close');
            throw error;
          }
        },
      });
    });
  };
}
