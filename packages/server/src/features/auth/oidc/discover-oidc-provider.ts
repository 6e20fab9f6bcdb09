/** What this service needs from a provider's OpenID Connect discovery document. */
export interface OidcProviderMetadata {
  readonly issuer: string;
  readonly jwksUri: string;
  /** Where the dashboard sends people to sign in; null when the provider publishes none. */
  readonly authorizationEndpoint: string | null;
  /** Where the dashboard exchanges the authorization code for tokens. */
  readonly tokenEndpoint: string | null;
  /** Where the dashboard sends people to sign out; null when the provider publishes none. */
  readonly endSessionEndpoint: string | null;
}

/** The provider could not be asked, or answered with a document that cannot be used. */
export class OidcDiscoveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'OidcDiscoveryError';
  }
}

function optionalUrl(value: unknown): string | null {
  return typeof value === 'string' && URL.canParse(value) ? value : null;
}

/**
 * Reads `${issuer}/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4). The document's `issuer` must
 * equal the configured issuer exactly (§4.3), so a document served elsewhere cannot redirect key lookups.
 *
 * @example
 * const { jwksUri } = await discoverOidcProvider('https://id.example.com/realms/ml');
 */
export async function discoverOidcProvider(issuer: string, timeoutMs = 5000): Promise<OidcProviderMetadata> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new OidcDiscoveryError(`OpenID Connect discovery at ${url} answered HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    if (error instanceof OidcDiscoveryError) throw error;
    throw new OidcDiscoveryError(`OpenID Connect discovery at ${url} failed: ${(error as Error).message}`, { cause: error });
  }
  if (typeof document !== 'object' || document === null) throw new OidcDiscoveryError(`OpenID Connect discovery at ${url} did not answer a JSON object`);
  const fields = document as Record<string, unknown>;
  if (fields.issuer !== issuer) throw new OidcDiscoveryError(`OpenID Connect discovery at ${url} names issuer ${JSON.stringify(fields.issuer)}, not the configured ${JSON.stringify(issuer)}`);
  const jwksUri = optionalUrl(fields.jwks_uri);
  if (jwksUri === null) throw new OidcDiscoveryError(`OpenID Connect discovery at ${url} has no valid jwks_uri`);
  return {
    issuer,
    jwksUri,
    authorizationEndpoint: optionalUrl(fields.authorization_endpoint),
    tokenEndpoint: optionalUrl(fields.token_endpoint),
    endSessionEndpoint: optionalUrl(fields.end_session_endpoint),
  };
}
