/** Writes the client's generated API types from the service's OpenAPI document: `npm run client:types`. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { clientApiTypes } from './client-api-types.js';

const target = resolve(import.meta.dirname, '../packages/client/src/generated/api-types.ts');
writeFileSync(target, await clientApiTypes());
console.log(`Wrote ${target}`);
