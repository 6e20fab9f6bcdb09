import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiDocsMarkdown } from './api-docs-markdown.js';

describe('docs/api.md', () => {
  it('is the Markdown generated from the OpenAPI document (run `npm run docs:api` after changing a route)', async () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../../docs/api.md'), 'utf8');
    expect(committed).toBe(await apiDocsMarkdown());
  });
});
