/**
 * The Markdown of docs/api.md: the application's OpenAPI document, rendered.
 */
import { LabelRecordSchema, PredictionRecordSchema } from '@bothub/core';
import { ERROR_CATALOGUE } from './errors.js';
import { openApiDocument } from './open-api-document.js';
import { renderApiDocs } from './render-api-docs.js';
import type { OpenApiDocument } from './render-api-docs.js';

/**
 * Renders the application's OpenAPI document (built over an idle store).
 *
 * @example
 * writeFileSync('docs/api.md', await apiDocsMarkdown());
 */
export async function apiDocsMarkdown(): Promise<string> {
  return renderApiDocs((await openApiDocument()) as unknown as OpenApiDocument, {
    errors: ERROR_CATALOGUE,
    shapes: { 'Prediction record (an item of `records`)': PredictionRecordSchema, 'Label (an item of `labels`)': LabelRecordSchema },
  });
}
