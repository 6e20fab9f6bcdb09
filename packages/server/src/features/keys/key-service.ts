/**
 * API key management: create (the secret is answered once), list (never secrets), revoke. An admin manages the keys
 * of the projects it administers; a key for '*' needs an admin of '*'.
 */
import { without } from '../../without.js';
import { randomUUID } from 'node:crypto';
import { ApiError, invalidField } from '../../http/errors.js';
import type { AuthStore, StoredApiKey } from '../../storage/auth-store.js';
import { can, generateApiKey } from '../auth/index.js';
import type { Principal, Role } from '../auth/index.js';

const DAY_MS = 86_400_000;

/** A key as the API shows it: no secret, no hash. */
export type ApiKeyView = Omit<StoredApiKey, 'hash'>;

export interface NewApiKey {
  readonly name: string;
  readonly roles: Readonly<Record<string, Role>>;
  /** Epoch ms. */
  readonly expiresAt?: number;
  readonly expiresInDays?: number;
}

export interface KeyService {
  /** The new key's metadata and its secret, the only time the secret is shown. */
  create(principal: Principal, spec: NewApiKey): Promise<ApiKeyView & { secret: string }>;
  list(principal: Principal): Promise<ApiKeyView[]>;
  /** The revoked key; 404 key_not_found when it does not exist or the caller does not administer all its projects. */
  revoke(principal: Principal, id: string): Promise<ApiKeyView>;
}

export interface KeyServiceDeps {
  readonly keys: AuthStore;
  readonly clock: () => number;
}


function viewOf(key: StoredApiKey): ApiKeyView {
  return without(key, 'hash');
}

function administers(principal: Principal, key: Pick<StoredApiKey, 'roles'>): boolean {
  return Object.keys(key.roles).every((project) => can(principal, 'admin', project));
}

/**
 * @example
 * const keys = createKeyService({ keys: store.auth, clock: Date.now });
 * const { secret } = await keys.create(principal, { name: 'ci', roles: { fraud: 'ingest' }, expiresInDays: 90 });
 */
export function createKeyService(deps: KeyServiceDeps): KeyService {
  return {
    async create(principal, spec) {
      const projects = Object.keys(spec.roles);
      if (projects.length === 0) throw invalidField('body', 'roles', 'grant at least one role');
      for (const project of projects) if (!can(principal, 'admin', project)) throw new ApiError('forbidden', { project }, `Only an admin of ${project === '*' ? 'every project (*)' : `project ${project}`} may grant roles in it.`);
      if (spec.expiresAt !== undefined && spec.expiresInDays !== undefined) throw invalidField('body', 'expiresInDays', 'give expiresAt or expiresInDays, not both');
      const now = deps.clock();
      const expiresAt = spec.expiresAt ?? (spec.expiresInDays === undefined ? null : now + spec.expiresInDays * DAY_MS);
      if (expiresAt !== null && expiresAt <= now) throw invalidField('body', 'expiresAt', 'must be in the future');
      const { secret, hash, prefix } = generateApiKey();
      const key: StoredApiKey = { id: randomUUID(), name: spec.name, prefix, hash, roles: spec.roles, createdAt: now, createdBy: principal.name, expiresAt, lastUsedAt: null, revokedAt: null };
      await deps.keys.createKey(key);
      return { ...viewOf(key), secret };
    },

    async list(principal) {
      return (await deps.keys.listKeys()).filter((key) => administers(principal, key)).map(viewOf);
    },

    async revoke(principal, id) {
      const key = await deps.keys.getKey(id);
      if (key === null || !administers(principal, key)) throw new ApiError('key_not_found', { key: id });
      await deps.keys.revokeKey(id, deps.clock());
      return viewOf((await deps.keys.getKey(id)) ?? key);
    },
  };
}

/**
 * At the first start of a store with no key at all: creates an admin key for every project and returns its secret
 * (to print once); null afterwards, even once that key is revoked (only its hash is kept).
 *
 * @example
 * const secret = await createFirstAdminKey(store.auth, Date.now); if (secret !== null) console.log(secret);
 */
export async function createFirstAdminKey(keys: AuthStore, clock: () => number): Promise<string | null> {
  const { secret, hash, prefix } = generateApiKey();
  const created = await keys.createFirstKey({ id: randomUUID(), name: 'first admin key', prefix, hash, roles: { '*': 'admin' }, createdAt: clock(), createdBy: null, expiresAt: null, lastUsedAt: null, revokedAt: null });
  return created ? secret : null;
}
