/**
 * The operations of the service's OpenAPI document as plain data, for tests that must cover every route (a route
 * added later is covered without editing the test).
 */

/** A JSON Schema as the OpenAPI document holds it. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly required?: readonly string[];
  readonly [keyword: string]: unknown;
}

export interface ApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface ApiOperation {
  /** Upper case: GET, POST, PUT … */
  readonly method: string;
  /** The OpenAPI path, parameters in braces: `/api/v1/models/{model}`. */
  readonly path: string;
  /** `POST /api/v1/models/{model}/versions`. */
  readonly key: string;
  readonly pathParameters: readonly ApiParameter[];
  readonly queryParameters: readonly ApiParameter[];
  /** The JSON body's schema; undefined when the operation takes no body. */
  readonly body: JsonSchema | undefined;
}

interface OpenApiOperation {
  readonly parameters?: readonly ApiParameter[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Every operation of an OpenAPI 3 document, in document order.
 *
 * @example
 * const operations = listApiOperations(app.swagger());
 * // [{ method: 'GET', path: '/healthz', key: 'GET /healthz', pathParameters: [], queryParameters: [], body: undefined }, …]
 */
export function listApiOperations(document: unknown): ApiOperation[] {
  const paths = (document as { paths?: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>> }).paths ?? {};
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        pathParameters: parameters.filter((p) => p.in === 'path'),
        queryParameters: parameters.filter((p) => p.in === 'query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/**
 * The URL of an operation with its path parameters filled in (percent-encoded) and an optional query string.
 *
 * @example
 * operationUrl(operation, { model: 'churn' }, { limit: '5' }); // '/api/v1/models/churn/windows?limit=5'
 */
export function operationUrl(operation: ApiOperation, pathValues: Readonly<Record<string, string>>, query: Readonly<Record<string, string | readonly string[]>> = {}): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new RangeError(`operationUrl: no value for path parameter ${name} of ${operation.key}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of typeof value === 'string' ? [value] : value) search.append(name, one);
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}
