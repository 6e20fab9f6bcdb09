/** Writes docs/api.md from the service's OpenAPI document: `npm run docs:api`. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiDocsMarkdown } from '../packages/server/src/http/api-docs-markdown.js';

const target = resolve(import.meta.dirname, '../docs/api.md');
writeFileSync(target, await apiDocsMarkdown());
console.log(`Wrote ${target}`);
