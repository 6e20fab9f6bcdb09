/**
 * The TypeScript of packages/client/src/generated/api-types.ts: the service's OpenAPI document through openapi-typescript.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../packages/server/src/http/open-api-document.js';

const HEADER = [
  '/**',
  ' * Generated from the service\'s OpenAPI document by `npm run client:types`; do not edit.',
  ' * A test fails when this file is stale.',
  ' */',
  '',
].join('\n');

/**
 * @example
 * writeFileSync('packages/client/src/generated/api-types.ts', await clientApiTypes());
 */
export async function clientApiTypes(): Promise<string> {
  const document = (await openApiDocument()) as unknown as OpenAPI3;
  const ast = await openapiTS(document, { silent: true, alphabetize: true, immutable: false });
  return HEADER + astToString(ast);
}
