/**
 * What each route needs, declared in its options (`config: { permission: requires('write', fromQuery) }`), and the one
 * preValidation hook that enforces it. A caller without any role in the object's project is answered 404 (as if the
 * object did not exist, so probing learns nothing); a caller with a role there but not enough is answered 403.
 */
import { DEFAULT_PROJECT } from '@bothub/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/errors.js';
import type { ErrorCode } from '../../http/errors.js';
import type { Store } from '../../storage/store.js';
import { ALL_PROJECTS } from './principal.js';
import type { Principal, Role } from './principal.js';

/** What a route does: read, change (models, monitors, rules), write predictions and labels, or administer. */
export type Action = 'read' | 'write' | 'ingest' | 'admin';

/** The roles that may perform each action. */
export const ROLES_FOR: Readonly<Record<Action, readonly Role[]>> = {
  read: ['admin', 'editor', 'viewer'],
  write: ['admin', 'editor'],
  ingest: ['admin', 'editor', 'ingest'],
  admin: ['admin'],
};

/** Where a route's project comes from. */
export type Scope =
  /** `?project=` (default `default`); no role there → 404 with `notFound` (the route's object is the model). */
  | { readonly kind: 'query'; readonly notFound?: ErrorCode }
  /** The body's `project` (default `default`); no role there → 404 with `notFound` when given, else 403. */
  | { readonly kind: 'body'; readonly notFound?: ErrorCode }
  /** The object named by the path parameter `param` (a rule, an alert, an incident): its model's project. */
  | { readonly kind: 'object'; readonly object: ObjectKind; readonly param: string }
  /**
   * A list: any caller with the action in some project may call it; the answer's `items` array keeps only entries of
   * projects the caller holds the action in (`by`: the entry's `project`, or its `modelId`'s project).
   */
  | { readonly kind: 'list'; readonly items: string; readonly by: 'project' | 'modelId' }
  /** Any caller with the action in some project; the handler restricts what it answers (the event stream). */
  | { readonly kind: 'any' }
  /** Not about one project (channels, settings): needs the role on '*'. */
  | { readonly kind: 'global' };

/** Objects stored with a model id: they belong to the model's project. */
export type ObjectKind = 'rule' | 'alert' | 'incident';

const OBJECT_NOT_FOUND: Readonly<Record<ObjectKind, ErrorCode>> = { rule: 'rule_not_found', alert: 'alert_not_found', incident: 'incident_not_found' };

/** What a route needs from its caller. */
export type Permission = PublicPermission | DelegatedPermission | RolePermission;
/** Anyone may call it. */
export interface PublicPermission {
  readonly public: true;
}
/**
 * The route guards itself with a hook of its own, named here (e.g. /metrics: a role on '*' or the metrics token);
 * an unverifiable bearer token is left to that hook instead of answering 401.
 */
export interface DelegatedPermission {
  readonly public?: false;
  readonly delegated: string;
}
/** The caller needs a role allowing `action` in the project `scope` names. */
export interface RolePermission {
  readonly public?: false;
  readonly action: Action;
  readonly scope: Scope;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; every route declares one (a test over the route table checks). */
    permission?: Permission;
  }
}

const DOCS_PREFIX = '/docs';

/** For routes anyone may call: health, the OpenAPI document, the docs UI, the dashboard's files. */
export const PUBLIC: Permission = Object.freeze({ public: true });

/**
 * A permission for route options.
 *
 * @example
 * app.get('/models/:model', { config: { permission: requires('read', fromQuery('model_not_found')) }, … });
 */
export function requires(action: Action, scope: Scope): RolePermission {
  return { action, scope };
}

/**
 * A permission for a route that guards itself (its own preHandler), named for the route table and the docs.
 *
 * @example
 * app.get('/metrics', { config: { permission: delegatedTo('requireMetricsReader') }, … });
 */
export function delegatedTo(guard: string): DelegatedPermission {
  return { delegated: guard };
}

/** The project is `?project=`. */
export function fromQuery(notFound?: ErrorCode): Scope {
  return notFound === undefined ? { kind: 'query' } : { kind: 'query', notFound };
}

/** The project is the body's `project`. */
export function fromBody(notFound?: ErrorCode): Scope {
  return notFound === undefined ? { kind: 'body' } : { kind: 'body', notFound };
}

/** The object named by the path parameter (default: the parameter named like the object). */
export function ofObject(object: ObjectKind, param: string = object): Scope {
  return { kind: 'object', object, param };
}

/** A list answered under `items`, each entry of the project named by its `by` field. */
export function listed(items: string, by: 'project' | 'modelId'): Scope {
  return { kind: 'list', items, by };
}

export const GLOBAL: Scope = Object.freeze({ kind: 'global' });
export const ANY_PROJECT: Scope = Object.freeze({ kind: 'any' });

/**
 * Whether the principal may perform the action in the project ('*': a role on every project is needed).
 *
 * @example
 * can({ kind: 'api_key', id: 'k', name: 'ci', roles: { fraud: 'viewer' } }, 'read', 'fraud'); // true
 */
export function can(principal: Principal, action: Action, project: string): boolean {
  const allowed = ROLES_FOR[action];
  const global = principal.roles[ALL_PROJECTS];
  if (global !== undefined && allowed.includes(global)) return true;
  if (project === ALL_PROJECTS) return false;
  const role = principal.roles[project];
  return role !== undefined && allowed.includes(role);
}

/** Whether the principal holds any role in the project: without one, the project's objects do not exist for it. */
export function hasAnyRole(principal: Principal, project: string): boolean {
  return principal.roles[ALL_PROJECTS] !== undefined || principal.roles[project] !== undefined;
}

function canSomewhere(principal: Principal, action: Action): boolean {
  return Object.values(principal.roles).some((role) => ROLES_FOR[action].includes(role));
}

function projectParameter(value: unknown): string {
  return typeof value === 'object' && value !== null && typeof (value as { project?: unknown }).project === 'string' ? (value as { project: string }).project : DEFAULT_PROJECT;
}

function refuse(principal: Principal, project: string, notFound: ErrorCode | undefined, details: unknown): ApiError {
  if (notFound !== undefined && !hasAnyRole(principal, project)) return new ApiError(notFound, details);
  return new ApiError('forbidden', { project });
}

/** Model id → project, read once per call (models are few; a model's project never changes). */
async function modelProjects(store: Pick<Store, 'listModels'>): Promise<(modelId: string) => string | null> {
  const projects = new Map((await store.listModels()).map((model) => [model.id, model.project]));
  return (modelId) => projects.get(modelId) ?? null;
}

/** The model id of the object, or null when it does not exist. */
async function modelIdOf(store: Pick<Store, 'alerts'>, object: ObjectKind, id: string): Promise<string | null> {
  switch (object) {
    case 'rule':
      return (await store.alerts.getRule(id))?.modelId ?? null;
    case 'alert':
      return (await store.alerts.getAlert(id))?.alert.modelId ?? null;
    case 'incident':
      return (await store.alerts.getIncident(id))?.modelId ?? null;
  }
}

/** The refusal of a request whose validated query or body names a project the caller may not act in, if any. */
function recheckProject(request: FastifyRequest): ApiError | undefined {
  const permission = request.routeOptions.config.permission;
  const principal = request.principal;
  if (permission === undefined || !('action' in permission) || principal === null) return undefined;
  const { action, scope } = permission;
  const bodyNamesProject = typeof (request.body as { project?: unknown } | undefined)?.project === 'string';
  let project: string;
  let notFound: ErrorCode | undefined;
  if (scope.kind === 'query' || scope.kind === 'body') {
    project = projectParameter(scope.kind === 'query' ? request.query : request.body);
    notFound = scope.notFound;
  } else if (scope.kind === 'object' && bodyNamesProject) {
    project = projectParameter(request.body);
    notFound = 'model_not_found';
  } else {
    return undefined;
  }
  return can(principal, action, project) ? undefined : refuse(principal, project, notFound, { project });
}

/**
 * The enforcement: a preValidation hook on the root instance, for every route: a caller without access learns
 * nothing, not even whether its body would be valid (the body is parsed, the project read from it unchecked). A route without
 * a permission is refused (500 in a test, never open): the route-table test makes sure none ships.
 *
 * @example
 * registerAuthorization(app, store);
 */
export function registerAuthorization(app: FastifyInstance, store: Pick<Store, 'listModels' | 'alerts'>): void {
  // The docs UI's routes come from a plugin: they are public, like the document they show.
  app.addHook('onRoute', (route) => {
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) route.config = { ...route.config, permission: PUBLIC };
  });
  // Without credentials, a route that needs them answers 401 before its body is read.
  app.addHook('onRequest', (request, _reply, done) => {
    const permission = request.routeOptions.config.permission;
    done(request.principal === null && permission !== undefined && 'action' in permission ? new ApiError('unauthorized') : undefined);
  });

  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    // Fastify's own 404 handler has no route options of ours.
    if (request.routeOptions.url === undefined) return;
    if (permission === undefined) throw new Error(`route ${request.method} ${request.routeOptions.url} declares no permission`);
    if (!('action' in permission)) return;
    const principal = request.principal;
    if (principal === null) throw new ApiError('unauthorized');
    const { action, scope } = permission;
    switch (scope.kind) {
      case 'global':
        if (!can(principal, action, ALL_PROJECTS)) throw new ApiError('forbidden', { project: ALL_PROJECTS });
        return;
      case 'query':
      case 'body': {
        const project = projectParameter(scope.kind === 'query' ? request.query : request.body);
        if (!can(principal, action, project)) throw refuse(principal, project, scope.notFound, { project, ...(request.params as object) });
        return;
      }
      case 'object': {
        const id = (request.params as Record<string, string | undefined>)[scope.param] ?? '';
        const modelId = await modelIdOf(store, scope.object, id);
        // No such object: the handler answers its own 404, the same a caller without access gets.
        if (modelId === null) return;
        const project = (await modelProjects(store))(modelId) ?? ALL_PROJECTS;
        if (!can(principal, action, project)) throw refuse(principal, project, OBJECT_NOT_FOUND[scope.object], { [scope.param]: id });
        // A body that names a project (a rule's model) must name one the caller may act in too.
        const named = projectParameter(request.body);
        if (typeof (request.body as { project?: unknown } | undefined)?.project === 'string' && !can(principal, action, named)) throw refuse(principal, named, 'model_not_found', { project: named });
        return;
      }
      case 'list':
      case 'any':
        if (!canSomewhere(principal, action)) throw new ApiError('forbidden');
        return;
    }
  });

  // Again after validation, on the values the handler reads (types converted, defaults applied): the project checked
  // above must be the project acted in.
  app.addHook('preHandler', (request, _reply, done) => {
    done(recheckProject(request));
  });

  // Lists keep the entries of the caller's projects only (after the handler, before serialization).
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || !('action' in permission) || permission.scope.kind !== 'list' || reply.statusCode >= 300) return payload;
    const principal = request.principal;
    if (principal === null || can(principal, permission.action, ALL_PROJECTS)) return payload;
    const { items, by } = permission.scope;
    const list = (payload as Record<string, unknown> | null)?.[items];
    if (!Array.isArray(list)) return payload;
    const ofModel = by === 'modelId' ? await modelProjects(store) : null;
    const projectOf = (item: unknown): string | null => {
      const value = (item as Record<string, unknown>)[by];
      if (typeof value !== 'string') return null;
      return ofModel === null ? value : ofModel(value);
    };
    return {
      ...(payload as Record<string, unknown>),
      [items]: list.filter((item) => {
        const itemProject = projectOf(item);
        return itemProject !== null && can(principal, permission.action, itemProject);
      }),
    };
  });
}
