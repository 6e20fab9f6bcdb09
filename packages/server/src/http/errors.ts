/**
 * The service's error catalogue and the one place errors become responses. Every error leaves as
 * `{ "error": { "code", "message", "details"? } }` with the status of its code.
 */
import { Type } from 'typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoreConflictError, StoreNotFoundError } from '../storage/store-errors.js';
import type { StoreEntity } from '../storage/store-errors.js';

/** Every error the API answers with: its code, HTTP status and default message. */
export const ERROR_CATALOGUE = {
  invalid_json: { status: 400, message: 'The body is not valid JSON.' },
  validation_failed: { status: 400, message: 'The request does not match its schema.' },
  invalid_body: { status: 400, message: 'The body cannot be read.' },
  invalid_reference: { status: 400, message: 'The reference data set cannot be read or does not match the model version\'s schema.' },
  unauthorized: { status: 401, message: 'Authentication required: send an API key or token as `Authorization: Bearer <token>`.' },
  forbidden: { status: 403, message: 'Your role in this project does not allow this.' },
  credentials_in_url: { status: 400, message: 'Credentials are never accepted in the URL: send them as `Authorization: Bearer <token>`, and revoke this one, it may be logged.' },
  not_found: { status: 404, message: 'No route matches this method and path.' },
  key_not_found: { status: 404, message: 'No API key with this id.' },
  model_not_found: { status: 404, message: 'No model with this name in the project.' },
  version_not_found: { status: 404, message: 'No version or alias with this name for the model.' },
  window_not_found: { status: 404, message: 'No window with this id for the model.' },
  rule_not_found: { status: 404, message: 'No alert rule with this id.' },
  alert_not_found: { status: 404, message: 'No alert with this id.' },
  incident_not_found: { status: 404, message: 'No incident with this id.' },
  channel_not_found: { status: 404, message: 'No channel with this name.' },
  artifact_not_found: { status: 404, message: 'No artifact with this SHA-256 for the model version.' },
  signature_required: { status: 400, message: 'Send the artifact\'s signature (base64 ECDSA P-256 over its bytes) in the X-Bothub-Signature header.' },
  signature_invalid: { status: 400, message: 'The artifact\'s signature does not verify against a trusted signing key.' },
  artifact_untrusted: { status: 409, message: 'The artifact\'s signature no longer verifies against a trusted signing key: it is not served.' },
  artifact_integrity_failed: { status: 500, message: 'The stored artifact failed its integrity check (altered or corrupted at rest): it is not served.' },
  model_exists: { status: 409, message: 'A model with this name already exists in the project.' },
  version_exists: { status: 409, message: 'This version already exists for the model.' },
  rule_exists: { status: 409, message: 'The model already has an alert rule with this name.' },
  channel_exists: { status: 409, message: 'A channel with this name already exists.' },
  invalid_transition: { status: 409, message: 'The alert cannot make this change from its current status.' },
  alert_changed: { status: 409, message: 'The alert changed while this request was handled: read it again and retry.' },
  no_records: { status: 422, message: 'No stored records match: there is nothing to build a reference from.' },
  body_too_large: { status: 413, message: 'The body is larger than the limit.' },
  batch_too_large: { status: 413, message: 'The batch holds more records than the limit.' },
  unsupported_media_type: { status: 415, message: 'Unsupported Content-Type: send application/json or application/x-ndjson.' },
  unsupported_encoding: { status: 415, message: 'Unsupported Content-Encoding: send gzip or identity.' },
  not_acceptable: { status: 406, message: 'This endpoint answers text/event-stream: send Accept: text/event-stream.' },
  too_many_streams: { status: 503, message: 'Too many event streams are open on this node; retry later.' },
  rate_limited: { status: 429, message: 'Too many requests: retry after the number of seconds in Retry-After.' },
  request_timeout: { status: 408, message: 'The request arrived too slowly.' },
  not_ready: { status: 503, message: 'The store is not reachable.' },
  audit_failed: { status: 500, message: 'The change could not be written to the audit trail; it may have been applied: check before retrying.' },
  internal: { status: 500, message: 'Internal error.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The body of every error response, for route schemas and the OpenAPI document. */
export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(Object.keys(ERROR_CATALOGUE) as ErrorCode[]),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'Every error has this shape; `code` is stable, `message` is for people.' },
);

/**
 * An error with a catalogue code; thrown anywhere in a request, it becomes its response.
 *
 * @example
 * throw new ApiError('model_not_found', { model: 'churn', project: 'default' });
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, message?: string) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.details = details;
  }
}

/**
 * A 400 for a value that passes its schema but breaks a rule the schema cannot state, in the shape of a schema
 * failure: it names where (`body`, `querystring`) and the field.
 *
 * @example
 * throw invalidField('body', 'condition.n', 'n must not exceed m (5)');
 */
export function invalidField(where: 'body' | 'querystring' | 'params', field: string, reason: string): ApiError {
  return new ApiError('validation_failed', { in: where, field, reason, errors: [{ field, reason }] }, `${where}.${field}: ${reason}`);
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: { error: { code: ErrorCode; message: string; details?: unknown } };
}

interface ValidationIssue {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly params?: Record<string, unknown>;
  readonly message?: string;
}

/** `/features/0/type` → `features[0].type`; the missing or unknown property is appended for those keywords. */
function fieldOf(issue: ValidationIssue): string {
  const parts = (issue.instancePath ?? '').split('/').filter((part) => part !== '').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = issue.params ?? {};
  const extra = params.requiredProperties ?? params.missingProperty ?? params.additionalProperties ?? params.additionalProperty;
  const names = Array.isArray(extra) ? extra.map(String) : typeof extra === 'string' ? [extra] : [];
  if (names.length > 0) parts.push(names[0]!);
  let field = '';
  for (const part of parts) field += /^\d+$/.test(part) ? `[${part}]` : field === '' ? part : `.${part}`;
  return field;
}

function reasonOf(issue: ValidationIssue): string {
  const params = issue.params ?? {};
  const unknown = params.additionalProperties ?? params.additionalProperty;
  if (issue.keyword === 'additionalProperties' && unknown !== undefined) return 'unknown field (not allowed here)';
  if (issue.keyword === 'required') return 'missing required field';
  return issue.message ?? 'invalid value';
}

const FALSE_SCHEMA = 'schema is false';

function validationResponse(error: FastifyError): ErrorResponse {
  const where = error.validationContext ?? 'body';
  const issues = (error.validation ?? []) as readonly ValidationIssue[];
  // TypeBox reports an unknown property twice (the property's `false` schema, then additionalProperties): keep one per field.
  const byField = new Map<string, { field: string; reason: string }>();
  for (const issue of issues) {
    const entry = { field: fieldOf(issue), reason: reasonOf(issue) };
    const known = byField.get(entry.field);
    if (known === undefined || known.reason === FALSE_SCHEMA) byField.set(entry.field, entry);
  }
  const errors = [...byField.values()];
  const first = errors[0] ?? { field: '', reason: 'invalid value' };
  return {
    status: 400,
    body: {
      error: {
        code: 'validation_failed',
        message: `${where}${first.field === '' ? '' : `.${first.field}`}: ${first.reason}`,
        details: { in: where, field: first.field, reason: first.reason, errors: errors.slice(0, 20) },
      },
    },
  };
}

/** A path the router could not take apart: in the shape of a validation failure of the path parameters. */
function paramsError(reason: string): ErrorResponse {
  return catalogued('validation_failed', { in: 'params', field: '', reason, errors: [{ field: '', reason }] }, `params: ${reason}`);
}

function catalogued(code: ErrorCode, details?: unknown, message?: string): ErrorResponse {
  const body: ErrorResponse['body'] = { error: { code, message: message ?? ERROR_CATALOGUE[code].message } };
  if (details !== undefined) body.error.details = details;
  return { status: ERROR_CATALOGUE[code].status, body };
}

/** The answer to a store's conflict, by what it is about. */
const CONFLICT_CODES: Record<StoreEntity, ErrorCode> = {
  model: 'model_exists',
  version: 'version_exists',
  alias: 'version_exists',
  window: 'version_exists',
  rule: 'rule_exists',
  channel: 'channel_exists',
  alert: 'alert_changed',
};

/** The answer to a store's missing entity, by what is missing. */
const NOT_FOUND_CODES: Record<StoreEntity, ErrorCode> = {
  model: 'model_not_found',
  version: 'version_not_found',
  alias: 'version_not_found',
  window: 'window_not_found',
  rule: 'rule_not_found',
  channel: 'channel_not_found',
  alert: 'alert_not_found',
};

/**
 * Maps any error raised while handling a request to its response: catalogue errors as they are, Fastify's own
 * (validation, body limit, malformed JSON, media type) to their catalogue code, anything else to 500.
 *
 * @example
 * const { status, body } = errorResponse(new ApiError('model_not_found'), { bodyBytes: 1_000_000 });
 * // status 404, body.error.code 'model_not_found'
 */
export function errorResponse(error: unknown, limits: { bodyBytes: number }): ErrorResponse {
  if (error instanceof ApiError) return catalogued(error.code, error.details, error.message);
  // A concurrent request can win the race between our existence check and the store's unique key.
  if (error instanceof StoreConflictError) return catalogued(CONFLICT_CODES[error.entity], undefined, error.message);
  if (error instanceof StoreNotFoundError) return catalogued(NOT_FOUND_CODES[error.entity], undefined, error.message);
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError === null || typeof fastifyError !== 'object') return catalogued('internal');
  if (Array.isArray(fastifyError.validation)) return validationResponse(fastifyError as FastifyError);
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return catalogued('body_too_large', { limit: limits.bodyBytes }, `The body is larger than the limit of ${limits.bodyBytes} bytes.`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return catalogued('invalid_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return catalogued('unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return catalogued('invalid_body', undefined, 'The body size does not match Content-Length.');
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return catalogued('invalid_body', undefined, 'The body is not valid gzip.');
    case 'FST_ERR_BAD_URL':
      return paramsError('not valid percent-encoding');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return paramsError('a path segment is longer than the router accepts (500 characters)');
    default:
      break;
  }
  if (error instanceof SyntaxError) return catalogued('invalid_json', undefined, `The body is not valid JSON: ${error.message}`);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { error: { code: 'invalid_body', message: fastifyError.message ?? 'Bad request.' } } };
  }
  return catalogued('internal');
}

/**
 * Fastify's `frameworkErrors` option: errors raised while routing, before any hook or handler (a path that is not
 * valid percent-encoding, a path parameter over the router's length limit), answered like every other error.
 *
 * @example
 * Fastify({ frameworkErrors: frameworkErrorHandler({ bodyBytes: 10_000_000 }) });
 */
export function frameworkErrorHandler(limits: { bodyBytes: number }): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, _request, reply) => {
    const { status, body } = errorResponse(error, limits);
    void reply.status(status).send(body);
  };
}

/**
 * Installs the error and not-found handlers on the root instance, so every route and plugin answers errors the same way.
 *
 * @example
 * registerErrorHandlers(app, { bodyBytes: 10_000_000 });
 */
export function registerErrorHandlers(app: FastifyInstance, limits: { bodyBytes: number }): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = errorResponse(error, limits);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // RFC 6750 §3: a 401 names the scheme the client should use.
    if (status === 401) void reply.header('www-authenticate', 'Bearer realm="bothub"');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = catalogued('not_found', { method: request.method, url: request.url });
    return reply.status(status).send(body);
  });
}
