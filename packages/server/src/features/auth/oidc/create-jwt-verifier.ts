import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { Principal } from '../principal.js';
import { discoverOidcProvider, OidcDiscoveryError } from './discover-oidc-provider.js';
import type { OidcProviderMetadata } from './discover-oidc-provider.js';
import { mapClaimRoles } from './map-claim-roles.js';
import type { OidcSettings } from './oidc-settings.js';

/** Why a token was refused; `provider_unavailable` is the provider's fault, not the caller's. */
export type JwtRejection =
  | 'malformed'
  | 'algorithm_not_allowed'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'missing_claim'
  | 'provider_unavailable';

/** A bearer JWT that does not authenticate anyone, with the reason (safe to tell the caller: it reveals nothing it did not send). */
export class JwtRejectedError extends Error {
  readonly reason: JwtRejection;

  constructor(reason: JwtRejection, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JwtRejectedError';
    this.reason = reason;
  }
}

export interface JwtVerifierOptions {
  /**
   * After a key set fetch, how long a token with an unknown `kid` waits before it may trigger another fetch (default
   * 30 s): a rotated key is picked up at once, while a flood of made-up `kid`s cannot hammer the provider.
   */
  readonly jwksCooldownMs?: number;
  /** How long fetched keys are used before they are fetched again (default 10 minutes): removed keys stop working. */
  readonly jwksCacheMaxAgeMs?: number;
  /** Time limit of a discovery or key set request (default 5 s). */
  readonly timeoutMs?: number;
}

export interface JwtVerifier {
  /** The caller a token proves, or a JwtRejectedError. */
  verify(token: string): Promise<Principal>;
  /** The provider's discovery metadata (endpoints for the dashboard's sign-in); fetched once, again after a failure. */
  provider(): Promise<OidcProviderMetadata>;
}

function rejectionOf(error: unknown): JwtRejectedError {
  if (error instanceof JwtRejectedError) return error;
  const message = (error as Error).message;
  if (error instanceof OidcDiscoveryError) return new JwtRejectedError('provider_unavailable', message, { cause: error });
  if (error instanceof errors.JWTExpired) return new JwtRejectedError('expired', 'The token has expired.', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return new JwtRejectedError('missing_claim', `The token has no "${error.claim}" claim.`, { cause: error });
    if (error.claim === 'nbf') return new JwtRejectedError('not_yet_valid', 'The token is not valid yet (nbf).', { cause: error });
    if (error.claim === 'aud') return new JwtRejectedError('wrong_audience', 'The token is not meant for this service (aud).', { cause: error });
    if (error.claim === 'iss') return new JwtRejectedError('wrong_issuer', 'The token was issued by another provider (iss).', { cause: error });
    return new JwtRejectedError('malformed', message, { cause: error });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new JwtRejectedError('algorithm_not_allowed', 'The token\'s signature algorithm is not allowed.', { cause: error });
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return new JwtRejectedError('unknown_key', 'No key of the provider matches the token.', { cause: error });
  if (error instanceof errors.JWSSignatureVerificationFailed) return new JwtRejectedError('bad_signature', 'The token\'s signature does not verify.', { cause: error });
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new JwtRejectedError('provider_unavailable', message, { cause: error });
  if (error instanceof errors.JOSEError) return new JwtRejectedError('malformed', message, { cause: error });
  // fetch of the key set failed (network, HTTP status): jose lets those through as plain errors.
  return new JwtRejectedError('provider_unavailable', `The provider's keys cannot be fetched: ${message}`, { cause: error });
}

function nameOf(payload: JWTPayload, sub: string): string {
  for (const claim of ['preferred_username', 'email', 'name']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return value;
  }
  return sub;
}

/**
 * Verifies bearer JWTs of the configured OpenID Connect provider: signature against the provider's JWKS (cached;
 * fetched again on an unknown `kid`, which is how key rotation shows), allow-listed asymmetric algorithms, `iss`,
 * `aud`, `exp` and `nbf` (with the configured clock tolerance), a `sub` and an `exp`. Roles come from the role claim
 * through the role mapping.
 *
 * @example
 * const verifier = createJwtVerifier(config.oidc);
 * const principal = await verifier.verify(token); // { kind: 'oidc', id: sub, name, roles }
 */
export function createJwtVerifier(settings: OidcSettings, options: JwtVerifierOptions = {}): JwtVerifier {
  const timeoutMs = options.timeoutMs ?? 5000;
  let discovery: Promise<OidcProviderMetadata> | null = null;
  const provider = (): Promise<OidcProviderMetadata> => {
    discovery ??= discoverOidcProvider(settings.issuer, timeoutMs).catch((error: unknown) => {
      discovery = null;
      throw error;
    });
    return discovery;
  };

  let keySet: ReturnType<typeof createRemoteJWKSet> | null = null;
  const keys = async (): Promise<ReturnType<typeof createRemoteJWKSet>> => {
    if (keySet !== null) return keySet;
    const uri = settings.jwksUri ?? (await provider()).jwksUri;
    keySet ??= createRemoteJWKSet(new URL(uri), {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      timeoutDuration: timeoutMs,
    });
    return keySet;
  };

  return {
    provider,
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await keys(), {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [...settings.algorithms],
          clockTolerance: settings.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
        });
        const sub = payload.sub ?? '';
        return Object.freeze({
          kind: 'oidc' as const,
          id: sub,
          name: nameOf(payload, sub),
          roles: Object.freeze(mapClaimRoles(payload, settings.roleClaim, settings.roleMapping)),
        });
      } catch (error) {
        throw rejectionOf(error);
      }
    },
  };
}
