/**
 * The settings of OpenID Connect sign-in: which identity provider issues the bearer tokens the API accepts, and how a
 * token's claims become roles.
 */
import type { Role } from '../principal.js';

/** The signature algorithms a token may use: asymmetric only, so a provider's public key can never act as an HMAC secret. */
export const ASYMMETRIC_JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export type JwtAlgorithm = (typeof ASYMMETRIC_JWT_ALGORITHMS)[number];

/** The algorithms accepted when none are configured: what the common providers sign with. */
export const DEFAULT_JWT_ALGORITHMS: readonly JwtAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

/** Claim value → project (or '*') → role: `{ "ml-admins": { "*": "admin" }, "fraud-team": { "fraud": "editor" } }`. */
export type OidcRoleMapping = Readonly<Record<string, Readonly<Record<string, Role>>>>;

/**
 * @example
 * const settings: OidcSettings = {
 *   issuer: 'https://id.example.com/realms/ml', audience: 'bothub', jwksUri: null, algorithms: ['RS256'],
 *   roleClaim: 'realm_access.roles', roleMapping: { 'bothub-admin': { '*': 'admin' } }, clockToleranceSeconds: 30, clientId: 'bothub-dashboard',
 * };
 */
export interface OidcSettings {
  /** The provider's issuer URL, exactly as its tokens' `iss` claim says it. */
  readonly issuer: string;
  /** The `aud` value that marks a token as meant for this service. */
  readonly audience: string;
  /** The JSON Web Key Set URL; null: found through `${issuer}/.well-known/openid-configuration`. */
  readonly jwksUri: string | null;
  /** The signature algorithms accepted. */
  readonly algorithms: readonly JwtAlgorithm[];
  /** The claim holding group or role names, a dotted path for nested claims (`realm_access.roles`). */
  readonly roleClaim: string;
  /** How the claim's values become roles per project. */
  readonly roleMapping: OidcRoleMapping;
  /** Leeway for `exp` and `nbf`, for clocks that differ a little between the provider and this service. */
  readonly clockToleranceSeconds: number;
  /** The dashboard's client id at the provider (a public client: authorization code with PKCE); null: no dashboard sign-in through the provider. */
  readonly clientId: string | null;
}
