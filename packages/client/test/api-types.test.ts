import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientApiTypes } from '../../../scripts/client-api-types.js';

describe('src/generated/api-types.ts', () => {
  it('is generated from the OpenAPI document (run `npm run client:types` after changing a route)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../src/generated/api-types.ts'), 'utf8');
    expect(committed).toBe(await clientApiTypes());
  });
});
