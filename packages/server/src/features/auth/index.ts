export { ALL_PROJECTS, DEVELOPMENT_PRINCIPAL, ROLES } from './principal.js';
export type { Principal, Role } from './principal.js';
export { API_KEY_PREFIX, generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret.js';
export { registerAuthentication } from './authenticate.js';
export type { AuthDeps, AuthMode, AuthenticationDeps } from './authenticate.js';
export { ANY_PROJECT, can, delegatedTo, fromBody, fromQuery, GLOBAL, hasAnyRole, listed, ofObject, PUBLIC, registerAuthorization, requires, ROLES_FOR } from './permissions.js';
export type { Action, DelegatedPermission, ObjectKind, Permission, PublicPermission, RolePermission, Scope } from './permissions.js';
export { isLoopbackHost } from './is-loopback-host.js';
