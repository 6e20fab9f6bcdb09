import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { GLOBAL, requires } from '../auth/index.js';
import { parseTime } from '../../http/parse-time-query.js';
import { auditCsvCells, createAuditCsvStream } from './audit-csv.js';
import type { AuditEntry } from './audit-entry.js';
import { recordAudit } from './record-audit.js';
import type { AuditQuery, AuditService } from './service.js';

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['audit'];
const DEFAULT_LIMIT = 100;

const Text = Type.String({ minLength: 1, maxLength: 200 });
const FilterProperties = {
  from: Type.Optional(Type.String({ maxLength: 40, description: 'Entries at or after this instant: epoch milliseconds or ISO 8601.' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: 'Entries at or before this instant: epoch milliseconds or ISO 8601.' })),
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. `model.created`.' })),
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The actor\'s id (API key id, token subject …).' })),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. `model`, `channel`, `alert`.' })),
  target: Type.Optional(Text),
  project: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};
const ListQuerySchema = Type.Object({
  ...FilterProperties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: DEFAULT_LIMIT })),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The `next` of the previous page.' })),
});
const ExportQuerySchema = Type.Object({ ...FilterProperties, format: Type.Optional(Type.Enum(['jsonl', 'csv'] as const, { default: 'jsonl' })) });

const JsonValue = Type.Unknown({ description: 'JSON, secrets redacted.' });
const AuditEntrySchema = Type.Object({
  v: Type.Integer(),
  seq: Type.Integer({ description: 'Position in the chain, from 1.' }),
  time: Type.String({ format: 'date-time' }),
  action: Type.String(),
  actor: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  target: Type.Object({ type: Type.String(), id: Type.String(), project: Type.Union([Type.String(), Type.Null()]) }),
  source: Type.Object({ ip: Type.Union([Type.String(), Type.Null()]), userAgent: Type.Union([Type.String(), Type.Null()]) }),
  requestId: Type.Union([Type.String(), Type.Null()]),
  before: JsonValue,
  after: JsonValue,
  prevHash: Type.String({ description: 'The previous entry\'s hash (64 zeros for the first).' }),
  hash: Type.String({ description: 'SHA-256 (hex) of the canonical JSON (RFC 8785) of the entry without `hash`.' }),
});

function queryOf(query: Static<typeof ListQuerySchema> | Static<typeof ExportQuerySchema>): AuditQuery {
  const from = parseTime(query.from, 'from');
  const to = parseTime(query.to, 'to');
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(query.action === undefined ? {} : { action: query.action }),
    ...(query.actor === undefined ? {} : { actorId: query.actor }),
    ...(query.targetType === undefined ? {} : { targetType: query.targetType }),
    ...(query.target === undefined ? {} : { targetId: query.target }),
    ...(query.project === undefined ? {} : { project: query.project }),
  };
}

/** Fastify streams a Readable as the body; the typed reply knows only the schema's bodies, hence the cast. */
function asBody(stream: Readable): string {
  return stream as unknown as string;
}

async function* jsonLines(entries: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  for await (const entry of entries) yield `${JSON.stringify(entry)}\n`;
}

async function* csvRows(entries: AsyncIterable<AuditEntry>): AsyncGenerator<string[]> {
  for await (const entry of entries) yield auditCsvCells(entry);
}

/**
 * The audit trail's routes under /api/v1: the listing and the streamed export (JSON Lines or CSV). Both are admin
 * reads; an export is itself audited (`audit.exported`).
 *
 * @example
 * await app.register(auditRoutes(createAuditService({ store, clock })), { prefix: '/api/v1' });
 */
export function auditRoutes(audit: AuditService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get('/audit', {
      config: { permission: requires('admin', GLOBAL) },
      schema: {
        tags,
        summary: 'List audit entries, newest first',
        description: 'Every change and sensitive read: who (actor), what (action, target), when, from where (source), before and after (secrets redacted), chained by hash (`prevHash`, `hash`). Filters combine; `from`/`to` are inclusive. `bothub audit verify` checks the chain.',
        querystring: ListQuerySchema,
        response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema), next: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
      handler: async (request) => {
        const { limit = DEFAULT_LIMIT, before } = request.query;
        return audit.list(queryOf(request.query), limit, before === undefined ? undefined : Number(before));
      },
    });

    app.get('/audit/export', {
      config: { permission: requires('admin', GLOBAL) },
      schema: {
        tags,
        summary: 'Export audit entries, oldest first',
        description:
          'Streams the matching entries as JSON Lines (`format=jsonl`, one entry per line, as GET /api/v1/audit answers them) or CSV (`format=csv`, RFC 4180, a header row; `before` and `after` as JSON text; cells a spreadsheet would run as formulas — starting with = + - @, tab or CR, also after leading spaces — are prefixed with \'). The export is itself recorded (`audit.exported`) before it starts.',
        querystring: ExportQuerySchema,
        response: {
          200: { description: 'The entries, streamed.', content: { 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } },
          ...errors,
        },
      },
      handler: async (request, reply) => {
        const { format = 'jsonl' } = request.query;
        const query = queryOf(request.query);
        await recordAudit(request, { action: 'audit.exported', target: { type: 'audit_chain', id: 'entries' }, after: { format, filter: request.query } });
        const entries = audit.entries(query);
        const date = new Date().toISOString().slice(0, 10);
        if (format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="bothub-audit-${date}.csv"`)
            .send(asBody(Readable.from(csvRows(entries)).pipe(createAuditCsvStream())));
        }
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="bothub-audit-${date}.jsonl"`)
          .send(asBody(Readable.from(jsonLines(entries))));
      },
    });
  };
}
