import type { JWTPayload } from 'jose';
import { ROLES } from '../principal.js';
import type { Role } from '../principal.js';
import type { OidcRoleMapping } from './oidc-settings.js';

/** The value at a dotted path (`realm_access.roles`) of a token's claims; a claim whose own name has dots is found first. */
export function readClaim(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The roles per project a token grants: each value of the role claim (a string, or a list of strings; a
 * space-separated string like OAuth's `scope` counts as a list) is looked up in the mapping. When several values
 * grant a role in the same project, the first in ROLES order (admin, editor, viewer, ingest) wins. Values
 * without a mapping grant nothing, so a token with no role claim authenticates but may do nothing.
 *
 * @example
 * mapClaimRoles({ sub: 'u1', groups: ['fraud-team'] }, 'groups', { 'fraud-team': { fraud: 'editor' } }); // { fraud: 'editor' }
 */
export function mapClaimRoles(payload: JWTPayload, roleClaim: string, mapping: OidcRoleMapping): Record<string, Role> {
  const claim = readClaim(payload, roleClaim);
  const values = typeof claim === 'string' ? claim.split(' ') : Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : [];
  // A Map, then fromEntries: a project named `__proto__` stays a plain key.
  const roles = new Map<string, Role>();
  for (const value of values) {
    if (!Object.hasOwn(mapping, value)) continue;
    for (const [project, role] of Object.entries(mapping[value] ?? {})) {
      const held = roles.get(project);
      if (held === undefined || ROLES.indexOf(role) < ROLES.indexOf(held)) roles.set(project, role);
    }
  }
  return Object.fromEntries(roles);
}
