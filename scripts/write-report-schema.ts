/** Writes docs/report.schema.json from the TypeBox declaration of the report: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportJsonSchema } from '../packages/core/src/report/report-json-schema.js';

const target = resolve(import.meta.dirname, '../docs/report.schema.json');
writeFileSync(target, reportJsonSchema());
console.log(`Wrote ${target}`);
