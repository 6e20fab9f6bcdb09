/**
 * The Markdown of docs/api.md: the application's OpenAPI document, rendered.
 */
import { LabelRecordSchema, PredictionRecordSchema } from '@bothub/core';
import { createApp } from '../app.js';
import type { Store } from '../storage/store.js';
import { ERROR_CATALOGUE } from './errors.js';
import { renderApiDocs } from './render-api-docs.js';
import type { OpenApiDocument } from './render-api-docs.js';

/** Declaring routes calls no store method; any call would be a bug in this generator. */
const idleStore = new Proxy({} as Store, {
  get: (_target, method) => () => Promise.reject(new Error(`apiDocsMarkdown: the store is not used (${String(method)})`)),
});

/**
 * Builds the application over an idle store (routes only declare; nothing is called) and renders its document.
 *
 * @example
 * writeFileSync('docs/api.md', await apiDocsMarkdown());
 */
export async function apiDocsMarkdown(): Promise<string> {
  const app = createApp({ store: idleStore, clock: () => 0, limits: { bodyBytes: 1, batchRecords: 1 } });
  try {
    await app.ready();
    return renderApiDocs(app.swagger() as unknown as OpenApiDocument, {
      errors: ERROR_CATALOGUE,
      shapes: { 'Prediction record (an item of `records`)': PredictionRecordSchema, 'Label (an item of `labels`)': LabelRecordSchema },
    });
  } finally {
    await app.close();
  }
}
