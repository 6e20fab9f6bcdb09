/**
 * Authentication: an onRequest hook that sets `request.principal` from `Authorization: Bearer …` (an API key, or a
 * JWT when OIDC is configured), or to the development principal in development mode. Credentials in the URL are
 * refused in every mode: URLs end up in logs, proxies and browser history.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/errors.js';
import type { AuthStore, StoredApiKey } from '../../storage/auth-store.js';
import { API_KEY_PREFIX, hashApiKey, looksLikeApiKey, sameHash } from './api-key-secret.js';
import { DEVELOPMENT_PRINCIPAL } from './principal.js';
import type { Principal } from './principal.js';

/** `on`: every route that needs a role needs credentials. `development`: every request is an admin (loopback only). */
export type AuthMode = 'on' | 'development';

export interface AuthDeps {
  readonly mode: AuthMode;
  /** Verifies a bearer token that is not an API key (OIDC); absent: such tokens answer 401. */
  readonly verifyJwt?: (token: string) => Promise<Principal>;
}

export interface AuthenticationDeps extends AuthDeps {
  readonly keys: Pick<AuthStore, 'findKeyByHash' | 'touchKey'>;
  readonly clock: () => number;
  /** The least time between two writes of a key's last use (default one minute). */
  readonly touchIntervalMs?: number;
}

/** Query parameters that carry credentials in other APIs: refused, never read. */
const CREDENTIAL_PARAMETERS = new Set(['api_key', 'apikey', 'token', 'access_token', 'bearer', 'authorization']);
const BEARER = /^Bearer +(\S+) *$/i;
const DEFAULT_TOUCH_INTERVAL_MS = 60_000;

function credentialsInUrl(request: FastifyRequest): string | null {
  const query = request.url.indexOf('?');
  if (query === -1) return null;
  for (const [name, value] of new URLSearchParams(request.url.slice(query + 1))) {
    if (CREDENTIAL_PARAMETERS.has(name.toLowerCase()) || looksLikeApiKey(value)) return name;
  }
  return null;
}

/** The principal a valid stored key stands for. */
function principalOfKey(key: StoredApiKey): Principal {
  return { kind: 'api_key', id: key.id, name: key.name, roles: key.roles };
}

/**
 * Installs the hook. Keys are read from the store on every request (no cache), so a revoked key is refused from
 * the next request on; the last-use time is written at most once a minute per key, and the request does not wait for that write.
 *
 * @example
 * registerAuthentication(app, { mode: 'on', keys: store.auth, clock: Date.now });
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthenticationDeps): void {
  const touchInterval = deps.touchIntervalMs ?? DEFAULT_TOUCH_INTERVAL_MS;
  const touched = new Map<string, number>();

  function touch(request: FastifyRequest, id: string, now: number): void {
    if (now - (touched.get(id) ?? Number.NEGATIVE_INFINITY) < touchInterval) return;
    touched.set(id, now);
    // Off the request path: the answer does not wait for this write, and its failure only loses a timestamp.
    setImmediate(() => {
      deps.keys.touchKey(id, now).catch((error: unknown) => request.log.warn({ err: error }, 'could not record an API key\'s last use'));
    });
  }

  async function authenticate(request: FastifyRequest, token: string): Promise<Principal> {
    if (token.startsWith(API_KEY_PREFIX)) {
      if (!looksLikeApiKey(token)) throw new ApiError('unauthorized', undefined, 'The API key is not valid.');
      const hash = hashApiKey(token);
      const key = await deps.keys.findKeyByHash(hash);
      if (key === null || !sameHash(hash, key.hash)) throw new ApiError('unauthorized', undefined, 'The API key is not valid.');
      const now = deps.clock();
      if (key.revokedAt !== null) throw new ApiError('unauthorized', undefined, 'The API key was revoked.');
      if (key.expiresAt !== null && key.expiresAt <= now) throw new ApiError('unauthorized', undefined, 'The API key has expired.');
      touch(request, key.id, now);
      return principalOfKey(key);
    }
    if (deps.verifyJwt === undefined) throw new ApiError('unauthorized', undefined, 'The bearer token is not an API key, and no identity provider is configured.');
    try {
      return await deps.verifyJwt(token);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError('unauthorized', undefined, `The bearer token is not valid: ${(error as Error).message}`);
    }
  }

  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const parameter = credentialsInUrl(request);
    if (parameter !== null) throw new ApiError('credentials_in_url', { parameter });
    if (deps.mode === 'development') {
      request.principal = DEVELOPMENT_PRINCIPAL;
      return;
    }
    const header = request.headers.authorization;
    if (header === undefined || header === '') return;
    const match = BEARER.exec(header);
    if (match === null) throw new ApiError('unauthorized', undefined, 'Send credentials as `Authorization: Bearer <token>`.');
    const token = match[1]!;
    try {
      request.principal = await authenticate(request, token);
    } catch (error) {
      // A token that is no API key and does not verify may be meant for a route's own guard (the metrics token).
      const permission = request.routeOptions.config.permission;
      if (token.startsWith(API_KEY_PREFIX) || permission === undefined || 'action' in permission) throw error;
    }
  });
}
