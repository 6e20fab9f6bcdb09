import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiError, ErrorResponseSchema } from '../../http/errors.js';
import { declaredBytes } from '../../http/receive-streamed-body.js';
import { recordAudit } from '../audit/index.js';
import { fromQuery, requires } from '../auth/index.js';
import { ProjectQuerySchema, VersionParamsSchema } from '../registry/index.js';
import type { RegistryService } from '../registry/index.js';
import type { ArtifactRecord } from '../../storage/artifact-store.js';
import type { ArtifactService } from './service.js';

const errors = { '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
const tags = ['registry'];
const OCTET_STREAM = 'application/octet-stream';
const DEFAULT_NAME = 'artifact';
/** Where the signature travels, on upload and download. */
export const SIGNATURE_HEADER = 'x-bothub-signature';

const ArtifactSchema = Type.Object({
  sha256: Type.String({ description: 'Lowercase hex SHA-256 of the content: its address.' }),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer({ description: 'Bytes of the content (in clear).' }),
  signature: Type.String({ description: 'The base64 ECDSA P-256 signature, as uploaded.' }),
  signerKeyId: Type.String({ description: 'The trusted key that verified it: the first 16 hex digits of the SHA-256 of its SPKI.' }),
  createdAt: Type.String(),
});

const ArtifactParamsSchema = Type.Object({ ...VersionParamsSchema.properties, sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Lowercase hex SHA-256.' }) });

const UploadQuerySchema = Type.Object(
  {
    project: ProjectQuerySchema.properties.project,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f]+$', description: 'The file name, e.g. `model.onnx` (no path); default `artifact`.' })),
  },
  { additionalProperties: false },
);

function publicArtifact({ sha256, name, mediaType, size, signature, signerKeyId, createdAt }: ArtifactRecord): Omit<ArtifactRecord, 'versionId'> {
  return { sha256, name, mediaType, size, signature, signerKeyId, createdAt };
}

/**
 * The artifact routes under /api/v1: upload a signed artifact of a version, list a version's artifacts, download one.
 *
 * @example
 * await app.register(artifactRoutes(registry, artifacts), { prefix: '/api/v1' });
 */
export function artifactRoutes(registry: RegistryService, artifacts: ArtifactService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/models/:model/versions/:version/artifacts', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'List a version\'s artifacts',
        params: VersionParamsSchema,
        querystring: ProjectQuerySchema,
        response: { 200: Type.Object({ artifacts: Type.Array(ArtifactSchema) }), ...errors },
      },
      handler: async (request) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const version = await registry.requireVersion(model, request.params.version);
        return { artifacts: (await artifacts.list(version)).map(publicArtifact) };
      },
    });

    app.get('/models/:model/versions/:version/artifacts/:sha256', {
      config: { permission: requires('read', fromQuery('model_not_found')) },
      schema: {
        tags,
        summary: 'Download an artifact',
        description:
          'The content in clear, with its signature in `X-Bothub-Signature` and its address in `X-Bothub-Sha256`. Before a byte is sent, the stored blob is decrypted and checked whole: its GCM tag, its SHA-256 against the address, and its signature against today\'s trusted keys. A blob altered at rest answers 500 `artifact_integrity_failed`; one whose signer is no longer trusted 409 `artifact_untrusted`.',
        params: ArtifactParamsSchema,
        querystring: ProjectQuerySchema,
        response: { 200: Type.Unknown({ description: 'The artifact\'s bytes.' }), ...errors },
      },
      handler: async (request, reply) => {
        const model = await registry.requireModel(request.query.project, request.params.model);
        const version = await registry.requireVersion(model, request.params.version);
        const { artifact, content } = await artifacts.download(version, request.params.sha256);
        return reply
          .header('content-type', artifact.mediaType)
          .header('content-length', String(artifact.size))
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(artifact.name)}`)
          .header(SIGNATURE_HEADER, artifact.signature)
          .header('x-bothub-sha256', artifact.sha256)
          .header('x-bothub-signer-key-id', artifact.signerKeyId)
          .send(content);
      },
    });

    // The upload reads its body as a stream, apart from the app's parsers: any media type is the artifact's own.
    // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
    await app.register(async (upload) => {
      upload.removeAllContentTypeParsers();
      upload.addContentTypeParser('*', (_request, payload, done) => {
        done(null, payload);
      });
      upload.withTypeProvider<TypeBoxTypeProvider>().put('/models/:model/versions/:version/artifacts', {
        config: { permission: requires('write', fromQuery('model_not_found')) },
        schema: {
          tags,
          summary: 'Upload a signed artifact of a version',
          description: [
            'The body is the file itself (any media type; it is recorded and answered on download), streamed to disk, never held in memory, under `artifactBodyLimitBytes` (413 `body_too_large` naming the setting). `X-Bothub-Signature`: base64 ECDSA P-256 signature over the bytes (DER or IEEE-P1363), as `bothub sign` or `openssl dgst -sha256 -sign` makes it; it must verify against one of the trusted keys (`trustedSigningKeys`), else 400 `signature_invalid` (none: 400 `signature_required`).',
            'The content is addressed by its SHA-256 and stored encrypted (AES-256-GCM under the current key of the key ring). 201 with the record; 200 with the first record when the version already holds this content.',
          ].join('\n'),
          params: VersionParamsSchema,
          querystring: UploadQuerySchema,
          body: { content: { [OCTET_STREAM]: { schema: Type.Unknown({ description: 'The artifact\'s bytes.' }) } } },
          response: { 200: ArtifactSchema, 201: ArtifactSchema, ...errors },
        },
        handler: async (request, reply) => {
          const model = await registry.requireModel(request.query.project, request.params.model);
          const version = await registry.requireVersion(model, request.params.version);
          const signature = request.headers[SIGNATURE_HEADER];
          const received = await artifacts
            .upload(version, {
              body: request.body as Readable,
              signature: Array.isArray(signature) ? signature[0] : signature,
              name: request.query.name ?? DEFAULT_NAME,
              mediaType: request.mediaType ?? OCTET_STREAM,
              ...declaredBytes(request.headers),
            })
            .catch((error: unknown) => {
              // The client may still be sending: close the connection after the answer instead of reading the rest.
              if (error instanceof ApiError && error.code === 'body_too_large') void reply.header('connection', 'close');
              throw error;
            });
          const { artifact, created } = received;
          const answer = publicArtifact(artifact);
          if (created) {
            await recordAudit(request, {
              action: 'artifact.uploaded',
              target: { type: 'artifact', id: `${model.name}/${version.version}/${artifact.sha256}`, project: model.project },
              after: { ...answer, signature: undefined },
            });
          }
          return reply.status(created ? 201 : 200).send(answer);
        },
      });
    });
  };
}
