import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { parseJsonLine } from './parse-json-line.js';

function failure(line: string): ApiError {
  try {
    parseJsonLine(line, 7);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`${line} parsed`);
}

describe('parseJsonLine', () => {
  it('parses a line, and names the line of one that is not JSON', () => {
    expect(parseJsonLine('{"features":{"constructor":1}}', 1)).toEqual({ features: { constructor: 1 } });
    expect(failure('{"a":NaN}')).toMatchObject({ code: 'invalid_json', details: { line: 7 } });
  });

  it('refuses keys that could poison a prototype, however deep and however spelled, as JSON bodies do', () => {
    for (const line of [
      '{"__proto__":{"polluted":true}}',
      '{"features":{"a":[{"__proto__":1}]}}',
      '{"\\u005f_proto__":{}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      `${'['.repeat(20_000)}{"__proto__":1}${']'.repeat(20_000)}`,
    ]) {
      expect(failure(line), line.slice(0, 40)).toMatchObject({ code: 'invalid_json', details: { line: 7 } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
