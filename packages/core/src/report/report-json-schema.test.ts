import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from './report-json-schema.js';

describe('docs/report.schema.json', () => {
  it('is the schema generated from the TypeBox declaration (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../../docs/report.schema.json'), 'utf8');
    expect(committed).toBe(reportJsonSchema());
  });
});
