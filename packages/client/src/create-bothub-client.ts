/**
 * The Bothub client: openapi-fetch over the types generated from the service's OpenAPI document, plus helpers that
 * return the data or throw a BothubApiError.
 */
import createClient from 'openapi-fetch';
import type { Client, HeadersOptions, MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, OperationRequestBodyContent, PathsWithMethod, Readable, RequiredKeysOf, SuccessResponse, Writable } from 'openapi-typescript-helpers';
import { BothubApiError } from './bothub-api-error.js';
import type { paths } from './generated/api-types.js';

export interface BothubClientOptions {
  /** The service's address, e.g. `http://127.0.0.1:8080`; `''` in a page served by the service (same origin). */
  readonly baseUrl: string;
  /** A fetch of your own (tests, retries, a proxy agent); default the global fetch. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request, e.g. `{ authorization: 'Bearer …' }`. */
  readonly headers?: HeadersOptions;
}

/** openapi-fetch's rule for the second argument (not exported by it): optional when nothing in it is required. */
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** The data of an operation's success response (JSON). */
type SuccessData<Operation> = Operation extends { responses: infer Responses extends Record<string | number, unknown> }
  ? Readable<SuccessResponse<Responses>>
  : never;

/**
 * The data of an operation's success response.
 *
 * @example
 * type ModelList = ApiData<'/api/v1/models', 'get'>; // { models: … }
 */
export type ApiData<Path extends keyof paths, Method extends HttpMethod> = SuccessData<paths[Path][Method]>;

/**
 * The JSON body an operation takes.
 *
 * @example
 * const spec: ApiBody<'/api/v1/models', 'post'> = { name: 'churn', task: 'regression', features: [], prediction: { type: 'numerical' } };
 */
export type ApiBody<Path extends keyof paths, Method extends HttpMethod> = Writable<OperationRequestBodyContent<paths[Path][Method]>>;

/** A call that resolves to the response's data (`undefined` for 204) and rejects with a BothubApiError. */
export type DataMethod<Method extends HttpMethod> = <
  Path extends PathsWithMethod<paths, Method>,
  Init extends MaybeOptionalInit<paths[Path], Method>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<SuccessData<paths[Path][Method]>>;

/**
 * The typed openapi-fetch client (`GET`, `POST`, … answer `{ data, error, response }`) and the data helpers
 * (`get`, `post`, `put`, `patch`, `delete` answer the data or throw a BothubApiError).
 */
export interface BothubClient extends Client<paths> {
  readonly get: DataMethod<'get'>;
  readonly post: DataMethod<'post'>;
  readonly put: DataMethod<'put'>;
  readonly patch: DataMethod<'patch'>;
  readonly delete: DataMethod<'delete'>;
}

type RawMethod = (url: string, init?: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * @example
 * const bothub = createBothubClient({ baseUrl: 'http://127.0.0.1:8080' });
 * const { models } = await bothub.get('/api/v1/models', { params: { query: { project: 'default' } } });
 * const { data, error } = await bothub.GET('/readyz');
 */
export function createBothubClient(options: BothubClientOptions): BothubClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
  const dataMethod = (raw: RawMethod) =>
    (async (url: string, init?: Record<string, unknown>) => {
      const { data, error, response } = await raw(url, init);
      if (!response.ok) throw BothubApiError.fromResponse(response.status, error);
      return data;
    }) as never;
  const raw = client as unknown as Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', RawMethod>;
  return Object.assign(client, {
    get: dataMethod(raw.GET),
    post: dataMethod(raw.POST),
    put: dataMethod(raw.PUT),
    patch: dataMethod(raw.PATCH),
    delete: dataMethod(raw.DELETE),
  });
}
