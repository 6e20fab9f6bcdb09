import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponseSchema } from '../../http/errors.js';
import { ANY_PROJECT, requires, ROLES } from '../auth/index.js';
import type { Principal } from '../auth/index.js';
import { without } from '../../without.js';
import type { KeyService } from './key-service.js';
import { recordAudit } from '../audit/index.js';

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['auth'];
const RoleSchema = Type.Enum(ROLES);
const RolesSchema = Type.Record(Type.String(), RoleSchema, {
  minProperties: 1,
  maxProperties: 100,
  // A key that is not a project name (or '*') is refused, not ignored.
  propertyNames: { pattern: '^(\\*|[a-z0-9][a-z0-9._-]{0,99})$' },
  description: 'Role per project; `"*"` grants the role in every project. Roles: admin, editor (models, monitors, rules), viewer (read), ingest (predictions and labels only).',
});
const Time = Type.Union([Type.Number(), Type.Null()]);

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The secret\'s first characters, to tell keys apart (`bh_ab12`).' }),
  roles: RolesSchema,
  createdAt: Type.Number({ description: 'Epoch ms.' }),
  createdBy: Type.Union([Type.String(), Type.Null()], { description: 'Who created it; null for the key created at first start.' }),
  expiresAt: Type.Union([Type.Number(), Type.Null()], { description: 'Epoch ms after which the key is refused (401); null: never.' }),
  lastUsedAt: Type.Union([Time], { description: 'Epoch ms of the last request with it, to the minute; null before any.' }),
  revokedAt: Type.Union([Time], { description: 'Epoch ms it was revoked (refused from then on); null while valid.' }),
});

const NewKeySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    roles: RolesSchema,
    expiresAt: Type.Optional(Type.Integer({ minimum: 0, description: 'Epoch ms.' })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

/** The hook sets a principal before any non-public route runs. */
function caller(principal: Principal | null): Principal {
  if (principal === null) throw new Error('no principal on a route that requires one');
  return principal;
}

/**
 * API key routes under /api/v1: create (the secret is shown once), list, revoke.
 *
 * @example
 * await app.register(keyRoutes(createKeyService({ keys: store.auth, clock: Date.now })), { prefix: '/api/v1' });
 */
export function keyRoutes(keys: KeyService): FastifyPluginAsyncTypebox {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.post('/keys', {
      config: { permission: requires('admin', ANY_PROJECT) },
      schema: {
        tags,
        summary: 'Create an API key',
        description:
          'Answers the secret (`secret`, `bh_…`) once: only its SHA-256 is stored. Send it as `Authorization: Bearer <secret>`, never in a URL. Only an admin of every project named in `roles` may create the key (of every project, `"*"`, for a `"*"` role). `expiresAt` (epoch ms) or `expiresInDays`; neither: the key does not expire.',
        body: NewKeySchema,
        response: { 201: Type.Object({ ...ApiKeySchema.properties, secret: Type.String({ description: 'Shown once; store it in a secret manager.' }) }), ...errors },
      },
      handler: async (request, reply) => {
        const created = await keys.create(caller(request.principal), request.body);
        // The secret never goes into the audit log.
        const key = without(created, 'secret');
        await recordAudit(request, { action: 'key.created', target: { type: 'key', id: key.id }, after: key });
        return reply.status(201).send(created);
      },
    });

    app.get('/keys', {
      config: { permission: requires('admin', ANY_PROJECT) },
      schema: { tags, summary: 'List API keys', description: 'The keys whose every project the caller administers, oldest first; never their secrets.', response: { 200: Type.Object({ keys: Type.Array(ApiKeySchema) }), ...errors } },
      handler: async (request) => {
        const listed = await keys.list(caller(request.principal));
        // A sensitive read: who looked at which keys exist.
        await recordAudit(request, { action: 'key.listed', target: { type: 'key', id: '*' }, after: { count: listed.length } });
        return { keys: listed };
      },
    });

    app.delete('/keys/:key', {
      config: { permission: requires('admin', ANY_PROJECT) },
      schema: {
        tags,
        summary: 'Revoke an API key',
        description: 'Refused (401) from the next request on. The key stays listed, with `revokedAt`. 404 for a key of a project the caller does not administer.',
        params: Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 204: Type.Null(), ...errors },
      },
      handler: async (request, reply) => {
        const revoked = await keys.revoke(caller(request.principal), request.params.key);
        await recordAudit(request, { action: 'key.revoked', target: { type: 'key', id: revoked.id }, after: revoked });
        return reply.status(204).send(null);
      },
    });
  };
}
