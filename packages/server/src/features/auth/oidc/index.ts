export { createJwtVerifier, JwtRejectedError } from './create-jwt-verifier.js';
export type { JwtRejection, JwtVerifier, JwtVerifierOptions } from './create-jwt-verifier.js';
export { discoverOidcProvider, OidcDiscoveryError } from './discover-oidc-provider.js';
export type { OidcProviderMetadata } from './discover-oidc-provider.js';
export { mapClaimRoles, readClaim } from './map-claim-roles.js';
export { ASYMMETRIC_JWT_ALGORITHMS, DEFAULT_JWT_ALGORITHMS } from './oidc-settings.js';
export type { JwtAlgorithm, OidcRoleMapping, OidcSettings } from './oidc-settings.js';
