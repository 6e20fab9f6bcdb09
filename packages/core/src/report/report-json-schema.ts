import { ReportSchema } from './report-schema.js';

/** The report's JSON Schema (draft 2020-12) as the text committed in docs/report.schema.json. */
export function reportJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...ReportSchema }, null, 2)}\n`;
}
