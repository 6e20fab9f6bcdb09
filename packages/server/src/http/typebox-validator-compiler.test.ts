import { Type } from 'typebox';
import type { TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { typeBoxValidatorCompiler } from './typebox-validator-compiler.js';

function validate(schema: TSchema, httpPart: string, value: unknown): { value?: unknown; error?: unknown } {
  return typeBoxValidatorCompiler({ schema, httpPart, method: 'GET', url: '/' })(value) as { value?: unknown; error?: unknown };
}

const Query = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, default: 50 })), metric: Type.Optional(Type.String()) });

describe('typeBoxValidatorCompiler', () => {
  it('converts query texts to numbers and applies defaults', () => {
    expect(validate(Query, 'querystring', { limit: '5' })).toEqual({ value: { limit: 5 } });
    expect(validate(Query, 'querystring', {})).toEqual({ value: { limit: 50 } });
  });

  it('refuses a query text whose conversion would lose something, instead of reading "1.5" or "true" as 1', () => {
    for (const limit of ['1.5', 'true', '2.9', '1e400', 'abc']) expect(validate(Query, 'querystring', { limit }).error, limit).toBeDefined();
  });

  it('closes query strings: an unknown parameter is an error; bodies stay as their schema says', () => {
    expect(validate(Query, 'querystring', { metric: 'a', featrue: 'age' }).error).toBeDefined();
    expect(validate(Query, 'body', { metric: 'a', extra: 1 })).toEqual({ value: { limit: 50, metric: 'a', extra: 1 } });
  });

  it('answers a value nested too deeply for TypeBox\'s recursive walk with an error, not an exception', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = validate(Type.Object({ to: Type.Union([Type.String(), Type.Number()]) }), 'body', { to: deep });
    expect(result.error).toEqual([{ instancePath: '', keyword: 'depth', params: {}, message: 'nested too deeply' }]);
  });
});
