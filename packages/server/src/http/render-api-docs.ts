/**
 * docs/api.md, rendered from the OpenAPI document so the reference cannot drift from the routes.
 */

interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  readonly requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  readonly responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly patternProperties?: Record<string, JsonSchema>;
  readonly description?: string;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
}

/** What the OpenAPI document does not carry: the error catalogue, and shapes described only in words there. */
export interface ApiDocsExtras {
  readonly errors?: Readonly<Record<string, { readonly status: number; readonly message: string }>>;
  /** Title → schema, rendered as field tables after the operations (e.g. the prediction record). */
  readonly shapes?: Readonly<Record<string, object>>;
}

export interface OpenApiDocument {
  readonly info: { title: string; version: string; description?: string };
  readonly tags?: readonly { name: string; description?: string }[];
  readonly paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function typeOf(schema: JsonSchema | undefined): string {
  if (schema === undefined) return 'any';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum !== undefined) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants !== undefined) return variants.map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (schema.type === 'object' && schema.properties === undefined) return 'object';
  return typeof schema.type === 'string' ? schema.type : 'any';
}

function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined && schema.minLength > 0) parts.push(`length ≥ ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`length ≤ ${schema.maxLength}`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems} items`);
  return parts.join(', ');
}

/** A description and the constraints, as one note. */
function note(description: string | undefined, schema: JsonSchema | undefined): string {
  const limits = schema === undefined ? '' : constraints(schema);
  if (description === undefined || description === '') return limits;
  return limits === '' ? description : `${description.replace(/\.$/, '')}; ${limits}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Flattens an object schema into `field | type | required | notes` rows, nested objects with dotted names. */
function fieldRows(schema: JsonSchema, prefix: string, rows: string[], depth: number): void {
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const field = `${prefix}${name}`;
    const notes = note(property.description, property);
    rows.push(`| \`${field}\` | ${cell(typeOf(property))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(notes)} |`);
    if (depth >= 3) continue;
    if (property.properties !== undefined) fieldRows(property, `${field}.`, rows, depth + 1);
    else if (property.items?.properties !== undefined) fieldRows(property.items, `${field}[].`, rows, depth + 1);
  }
}

function fieldTable(schema: JsonSchema): string[] {
  const rows: string[] = [];
  fieldRows(schema, '', rows, 0);
  if (rows.length === 0) return [];
  const closed = schema.additionalProperties === false ? ['', 'Unknown fields are rejected.'] : [];
  return ['| Field | Type | Required | Notes |', '| --- | --- | --- | --- |', ...rows, ...closed];
}

/**
 * Renders the OpenAPI document as Markdown: one section per tag, one subsection per operation with its
 * parameters, body fields and responses.
 *
 * @example
 * writeFileSync('docs/api.md', renderApiDocs(app.swagger() as OpenApiDocument));
 */
export function renderApiDocs(document: OpenApiDocument, extras: ApiDocsExtras = {}): string {
  const out: string[] = [
    `# ${document.info.title} ${document.info.version}`,
    '',
    '<!-- Generated from the OpenAPI document by `npm run docs:api`; do not edit by hand. -->',
    '',
    document.info.description ?? '',
    '',
    'The live document is served at `/openapi.json` and browsable at `/docs`.',
    '',
  ];
  const operations: { tag: string; method: string; path: string; operation: Operation }[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation !== undefined) operations.push({ tag: operation.tags?.[0] ?? 'other', method, path, operation });
    }
  }
  const tags = [...(document.tags ?? []).map((tag) => tag.name), 'other'];
  for (const tag of tags) {
    const inTag = operations.filter((entry) => entry.tag === tag);
    if (inTag.length === 0) continue;
    const description = document.tags?.find((entry) => entry.name === tag)?.description;
    out.push(`## ${tag}`, '');
    if (description !== undefined) out.push(description, '');
    for (const { method, path, operation } of inTag) {
      out.push(`### \`${method.toUpperCase()} ${path}\``, '');
      if (operation.summary !== undefined) out.push(`**${operation.summary}.**${operation.description === undefined ? '' : ` ${operation.description}`}`, '');
      const parameters = operation.parameters ?? [];
      if (parameters.length > 0) {
        out.push('| Parameter | In | Type | Required | Notes |', '| --- | --- | --- | --- | --- |');
        for (const parameter of parameters) {
          const notes = note(parameter.description ?? parameter.schema?.description, parameter.schema);
          out.push(`| \`${parameter.name}\` | ${parameter.in} | ${cell(typeOf(parameter.schema))} | ${parameter.required === true ? 'yes' : 'no'} | ${cell(notes)} |`);
        }
        out.push('');
      }
      const content = operation.requestBody?.content;
      if (content !== undefined) {
        out.push(`Body (${Object.keys(content).map((type) => `\`${type}\``).join(', ')}):`, '');
        const schema = Object.values(content)[0]?.schema;
        if (schema !== undefined) out.push(...fieldTable(schema), '');
      }
      out.push('Responses:', '');
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const schema = response.content?.['application/json']?.schema;
        const shape = schema === undefined ? '' : schema.properties?.error !== undefined ? ' — the error shape' : ` — ${Object.keys(schema.properties ?? {}).map((name) => `\`${name}\``).join(', ') || typeOf(schema)}`;
        out.push(`- \`${status}\`${shape}`);
      }
      out.push('');
    }
  }
  const shapes = Object.entries(extras.shapes ?? {});
  if (shapes.length > 0) {
    out.push('## Shapes', '');
    for (const [title, shape] of shapes) {
      const schema = shape as JsonSchema;
      out.push(`### ${title}`, '');
      if (schema.description !== undefined) out.push(schema.description, '');
      out.push(...fieldTable(schema), '');
    }
  }
  const errors = Object.entries(extras.errors ?? {});
  if (errors.length > 0) {
    out.push('## Errors', '', 'Every error answers `{ "error": { "code", "message", "details"? } }`; `code` is stable, `message` is for people and may name the limit or field, `details` holds the specifics (the field and reason of a validation error, the limit of a 413).', '');
    out.push('| Code | Status | Message |', '| --- | --- | --- |');
    for (const [code, { status, message }] of errors) out.push(`| \`${code}\` | ${status} | ${cell(message)} |`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
