import { describe, expect, it } from 'vitest';
import { listApiOperations, operationUrl } from './list-api-operations.js';

const DOCUMENT = {
  paths: {
    '/healthz': { get: {} },
    '/models/{model}/windows': {
      get: {
        parameters: [
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
          { name: 'model', in: 'path', required: true, schema: { type: 'string' } },
        ],
      },
      post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
};

describe('listApiOperations', () => {
  it('lists every operation with its path and query parameters and its JSON body schema', () => {
    const operations = listApiOperations(DOCUMENT);
    expect(operations.map((o) => o.key)).toEqual(['GET /healthz', 'GET /models/{model}/windows', 'POST /models/{model}/windows']);
    expect(operations[1]).toMatchObject({ pathParameters: [{ name: 'model' }], queryParameters: [{ name: 'limit' }], body: undefined });
    expect(operations[2]!.body).toEqual({ type: 'object' });
  });

  it('fills in path parameters percent-encoded, and repeats a query parameter given several values', () => {
    const [, windows] = listApiOperations(DOCUMENT);
    expect(operationUrl(windows!, { model: 'a/b c' }, { limit: ['1', '2'] })).toBe('/models/a%2Fb%20c/windows?limit=1&limit=2');
    expect(() => operationUrl(windows!, {})).toThrow('no value for path parameter model');
  });
});
