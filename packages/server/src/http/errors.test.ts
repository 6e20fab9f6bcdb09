import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../storage/store-errors.js';
import { ApiError, ERROR_CATALOGUE, errorResponse } from './errors.js';

const limits = { bodyBytes: 1234 };

describe('errorResponse', () => {
  it('answers catalogue errors with their status, message and details', () => {
    expect(errorResponse(new ApiError('model_not_found', { model: 'churn' }), limits)).toEqual({
      status: 404,
      body: { error: { code: 'model_not_found', message: ERROR_CATALOGUE.model_not_found.message, details: { model: 'churn' } } },
    });
    expect(errorResponse(new ApiError('batch_too_large', undefined, 'custom'), limits).body).toEqual({ error: { code: 'batch_too_large', message: 'custom' } });
  });

  it('maps every catalogue code to a 4xx or 5xx status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CATALOGUE)) expect(status, code).toBeGreaterThanOrEqual(400);
  });

  it('maps store conflicts to 409 and missing entities to 404', () => {
    expect(errorResponse(new StoreConflictError('model', 'taken'), limits)).toMatchObject({ status: 409, body: { error: { code: 'model_exists' } } });
    expect(errorResponse(new StoreConflictError('version', 'taken'), limits)).toMatchObject({ status: 409, body: { error: { code: 'version_exists' } } });
    expect(errorResponse(new StoreNotFoundError('window', 'gone'), limits)).toMatchObject({ status: 404, body: { error: { code: 'window_not_found' } } });
  });

  it('names the limit of a body too large', () => {
    const error = Object.assign(new RangeError('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(errorResponse(error, limits)).toEqual({ status: 413, body: { error: { code: 'body_too_large', message: 'The body is larger than the limit of 1234 bytes.', details: { limit: 1234 } } } });
  });

  it('turns a validation error into the field and reason, unknown properties reported once', () => {
    const error = Object.assign(new Error('invalid'), {
      validationContext: 'body',
      validation: [
        { instancePath: '/features/0/nulable', keyword: 'boolean', params: {}, message: 'schema is false' },
        { instancePath: '/features/0', keyword: 'additionalProperties', params: { additionalProperties: ['nulable'] }, message: 'must not have additional properties' },
        { instancePath: '', keyword: 'required', params: { requiredProperties: ['task'] }, message: 'must have required properties task' },
      ],
    });
    expect(errorResponse(error, limits)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'body.features[0].nulable: unknown field (not allowed here)',
          details: {
            in: 'body',
            field: 'features[0].nulable',
            reason: 'unknown field (not allowed here)',
            errors: [
              { field: 'features[0].nulable', reason: 'unknown field (not allowed here)' },
              { field: 'task', reason: 'missing required field' },
            ],
          },
        },
      },
    });
  });

  it('answers paths the router cannot take apart as a validation failure of the path parameters', () => {
    const badUrl = Object.assign(new URIError("'/api/v1/models/%E0%A4%A' is not a valid url component"), { code: 'FST_ERR_BAD_URL', statusCode: 400 });
    expect(errorResponse(badUrl, limits)).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', message: 'params: not valid percent-encoding', details: { in: 'params' } } } });
    const tooLong = Object.assign(new URIError('too long'), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 });
    expect(errorResponse(tooLong, limits)).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', details: { in: 'params' } } } });
  });

  it('hides unexpected errors behind 500 internal', () => {
    expect(errorResponse(new Error('secret connection string'), limits)).toEqual({ status: 500, body: { error: { code: 'internal', message: 'Internal error.' } } });
    expect(errorResponse('thrown string', limits)).toMatchObject({ status: 500 });
  });
});
