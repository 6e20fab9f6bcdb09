/**
 * A real OpenID Connect provider on loopback for tests, as far as a resource server sees one: the discovery document
 * and the JSON Web Key Set over HTTP, keys generated with jose, and a signer for tokens. `rotate()` replaces the
 * served keys, as a provider does when it rotates.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

export type TestSigningAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

export interface TestSigningKey {
  readonly kid: string;
  readonly alg: TestSigningAlgorithm;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface TestOidcProvider {
  /** The issuer URL, `http://127.0.0.1:<port>`. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** How many times the key set was fetched. */
  readonly jwksRequests: number;
  /** The keys served now; the first signs by default. */
  readonly keys: readonly TestSigningKey[];
  /**
   * A signed token: `iss` is the issuer, `iat` now, `exp` in an hour unless the claims set them (`undefined` removes one).
   * @example await provider.sign({ sub: 'ada', aud: 'bothub', groups: ['ml-admins'] });
   */
  sign(claims: JWTPayload, options?: { readonly key?: TestSigningKey; readonly header?: Record<string, unknown> }): Promise<string>;
  /** A new key (not served until passed to `serve`). */
  createKey(alg?: TestSigningAlgorithm, kid?: string): Promise<TestSigningKey>;
  /** Serves exactly these keys from now on. */
  serve(keys: readonly TestSigningKey[]): void;
  close(): Promise<void>;
}

let keyCounter = 0;

async function createKey(alg: TestSigningAlgorithm = 'RS256', kid = `key-${++keyCounter}`): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/**
 * @example
 * const provider = await startOidcProvider();
 * const token = await provider.sign({ sub: 'ada', aud: 'bothub' });
 * await provider.close();
 */
export async function startOidcProvider(alg: TestSigningAlgorithm = 'RS256'): Promise<TestOidcProvider> {
  let keys: readonly TestSigningKey[] = [await createKey(alg)];
  let jwksRequests = 0;
  let issuer = '';
  const server = createServer((req, res) => {
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      json(200, {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: [...new Set(keys.map((key) => key.alg))],
        code_challenge_methods_supported: ['S256'],
      });
    } else if (req.url === '/jwks') {
      jwksRequests += 1;
      json(200, { keys: keys.map((key) => key.publicJwk) });
    } else {
      json(404, { error: 'not_found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    get jwksRequests() {
      return jwksRequests;
    },
    get keys() {
      return keys;
    },
    createKey,
    serve(next) {
      keys = next;
    },
    async sign(claims, options = {}) {
      const key = options.key ?? keys[0]!;
      const now = Math.floor(Date.now() / 1000);
      const payload = Object.fromEntries(Object.entries<unknown>({ iss: issuer, iat: now, exp: now + 3600, ...claims }).filter(([, value]) => value !== undefined)) as JWTPayload;
      return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...options.header }).sign(key.privateKey);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
