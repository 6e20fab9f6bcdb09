/**
 * Who is calling: the one shape every authentication method (API key, OIDC token, local account, development mode)
 * produces, and every authorization decision reads.
 */

/** A role within a project: admin > editor > viewer; ingest only writes predictions and labels. */
export type Role = 'admin' | 'editor' | 'viewer' | 'ingest';

/** The roles, in the order the API and the docs list them. */
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer', 'ingest'];

/** The project key that grants a role in every project. */
export const ALL_PROJECTS = '*';

/**
 * An authenticated caller.
 *
 * @example
 * const principal: Principal = { kind: 'api_key', id: 'k_1', name: 'ci', roles: { fraud: 'ingest' } };
 */
export interface Principal {
  readonly kind: 'api_key' | 'oidc' | 'local' | 'development';
  /** Key id, JWT sub, local user name, or 'development'. */
  readonly id: string;
  /** For humans and the audit log. */
  readonly name: string;
  /** Roles per project; the key '*' grants a role in every project. */
  readonly roles: Readonly<Record<string, Role>>;
}

/** The principal of development mode: an admin of every project. */
export const DEVELOPMENT_PRINCIPAL: Principal = Object.freeze({
  kind: 'development',
  id: 'development',
  name: 'development',
  roles: Object.freeze({ [ALL_PROJECTS]: 'admin' as const }),
});

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; null on public routes called without credentials. */
    principal: Principal | null;
  }
}
