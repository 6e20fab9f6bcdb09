import { ROLES } from '../principal.js';
import type { Role } from '../principal.js';
import { ASYMMETRIC_JWT_ALGORITHMS, DEFAULT_JWT_ALGORITHMS } from './oidc-settings.js';
import type { JwtAlgorithm, OidcRoleMapping, OidcSettings } from './oidc-settings.js';

const KNOWN = new Set(['issuer', 'audience', 'jwksUri', 'algorithms', 'roleClaim', 'roleMapping', 'clockToleranceSeconds', 'clientId']);
const DEFAULT_ROLE_CLAIM = 'roles';
const DEFAULT_CLOCK_TOLERANCE_S = 30;

function httpUrl(field: string, raw: unknown): string {
  if (typeof raw !== 'string' || !URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new RangeError(`${field} must be an http(s) URL`);
  return raw;
}

function roleMapping(raw: unknown): OidcRoleMapping {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RangeError('roleMapping must be an object: claim value → { project or "*": role }');
  const out: Record<string, Record<string, Role>> = {};
  for (const [value, grants] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof grants !== 'object' || grants === null || Array.isArray(grants)) throw new RangeError(`roleMapping.${value} must be an object: { project or "*": role }`);
    out[value] = {};
    for (const [project, role] of Object.entries(grants as Record<string, unknown>)) {
      if (!(ROLES as readonly unknown[]).includes(role)) throw new RangeError(`roleMapping.${value}.${project} must be one of ${ROLES.join(', ')}`);
      out[value][project] = role as Role;
    }
  }
  return out;
}

/**
 * Checks the `oidc` setting (an object from the config file or BOTHUB_OIDC) and fills its defaults; a RangeError names
 * the field at fault.
 *
 * @example
 * parseOidcSettings({ issuer: 'https://id.example.com', audience: 'bothub', roleMapping: { admins: { '*': 'admin' } } });
 */
export function parseOidcSettings(raw: unknown): OidcSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RangeError('must be an object with issuer and audience');
  const spec = raw as Record<string, unknown>;
  for (const key of Object.keys(spec)) if (!KNOWN.has(key)) throw new RangeError(`${key} is not a known field (known: ${[...KNOWN].join(', ')})`);
  if (typeof spec.audience !== 'string' || spec.audience === '') throw new RangeError('audience must be a non-empty string');
  const algorithms = spec.algorithms === undefined ? DEFAULT_JWT_ALGORITHMS : spec.algorithms;
  if (!Array.isArray(algorithms) || algorithms.length === 0 || algorithms.some((a) => !(ASYMMETRIC_JWT_ALGORITHMS as readonly unknown[]).includes(a))) {
    throw new RangeError(`algorithms must list some of ${ASYMMETRIC_JWT_ALGORITHMS.join(', ')} (asymmetric only: never none or HS*)`);
  }
  const tolerance = spec.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_S;
  if (typeof tolerance !== 'number' || !Number.isInteger(tolerance) || tolerance < 0 || tolerance > 600) throw new RangeError('clockToleranceSeconds must be an integer from 0 to 600');
  const roleClaim = spec.roleClaim ?? DEFAULT_ROLE_CLAIM;
  if (typeof roleClaim !== 'string' || roleClaim === '') throw new RangeError('roleClaim must be a non-empty string');
  if (spec.clientId !== undefined && spec.clientId !== null && (typeof spec.clientId !== 'string' || spec.clientId === '')) throw new RangeError('clientId must be a non-empty string or null');
  return {
    issuer: httpUrl('issuer', spec.issuer),
    audience: spec.audience,
    jwksUri: spec.jwksUri === undefined || spec.jwksUri === null ? null : httpUrl('jwksUri', spec.jwksUri),
    algorithms: algorithms as JwtAlgorithm[],
    roleClaim,
    roleMapping: spec.roleMapping === undefined ? {} : roleMapping(spec.roleMapping),
    clockToleranceSeconds: tolerance,
    clientId: (spec.clientId) ?? null,
  };
}
