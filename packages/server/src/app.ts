/**
 * The HTTP application: every route, the error mapping and the OpenAPI document, over injected dependencies.
 * Importing this module starts nothing; main.ts listens.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { LoggerOptions } from 'pino';
import serverPackage from '../package.json' with { type: 'json' };
import type { LookupAll, OutboundPolicy } from './channels/index.js';
import { alertRuleRoutes, createAlertRuleService } from './features/alert-rules/index.js';
import { auditRoutes, createAuditService } from './features/audit/index.js';
import { alertRoutes, createAlertService } from './features/alerts/index.js';
import { artifactRoutes, createArtifactService } from './features/artifacts/index.js';
import type { ArtifactDeps } from './features/artifacts/index.js';
import { channelRoutes, createChannelService } from './features/channels/index.js';
import { dashboardRoutes } from './features/dashboard/index.js';
import { createEventService, DEFAULT_MAX_EVENT_STREAMS, eventRoutes } from './features/events/index.js';
import type { EventService } from './features/events/index.js';
import { createFleetService, fleetRoutes } from './features/fleet/index.js';
import { createIngestionService, ingestionRoutes } from './features/ingestion/index.js';
import { healthRoutes } from './features/health/index.js';
import { createServiceMetrics, metricsRoutes, registerRequestMetrics } from './features/metrics/index.js';
import type { ServiceMetrics } from './features/metrics/index.js';
import { createQueryService, queryRoutes } from './features/query/index.js';
import { createRegistryService, referenceRoutes, registryRoutes } from './features/registry/index.js';
import { createFastifyServer } from './http/create-fastify-server.js';
import { frameworkErrorHandler, registerErrorHandlers } from './http/errors.js';
import { requireMetricsReader } from './http/metrics-access.js';
import { registerTransport } from './http/register-transport.js';
import type { TransportSettings } from './http/transport-settings.js';
import { registerBodyParsers } from './http/register-body-parsers.js';
import { typeBoxValidatorCompiler } from './http/typebox-validator-compiler.js';
import type { Store } from './storage/store.js';
import { PUBLIC, registerAuthentication, registerAuthorization } from './features/auth/index.js';
import { createKeyService, keyRoutes } from './features/keys/index.js';
import type { AuthDeps } from './features/auth/index.js';

export interface AppDeps {
  readonly store: Store;
  /** Epoch milliseconds; the default timestamp of records. */
  readonly clock: () => number;
  readonly limits: {
    /** Largest request body, after gzip decoding; larger answers 413. */
    readonly bodyBytes: number;
    /** Most records (or labels) in one ingestion batch; more answers 413. */
    readonly batchRecords: number;
    /** Largest reference upload (CSV, JSON Lines, Parquet), after gzip decoding; larger answers 413. Default 1 GiB. */
    readonly referenceBodyBytes?: number;
  };
  /** pino options, or false (the default) for no request logs. */
  readonly logger?: LoggerOptions | false;
  /** Seeds the sample of reference profiles (default 42), as the window job's seed does for its tests. */
  readonly seed?: number;
  /** Told after each ingestion commit that windows may have closed. */
  readonly evaluator?: { wake(): void };
  /** Alerting settings; default: no private channel destinations, no retrain commands, public URL http://127.0.0.1. */
  readonly alerting?: AlertingDeps;
  /**
   * The Prometheus metrics served at /metrics, shared with the jobs (main.ts creates one). Default: a registry of this
   * app's own without the process metrics, which observe the whole process and belong to one registry per process.
   */
  readonly metrics?: ServiceMetrics;
  /**
   * The live updates of GET /api/v1/events, shared with the jobs (main.ts creates it and tells it of evaluated windows
   * and of the alert job's changes). Default: this app's own, at most 100 streams.
   */
  readonly events?: EventService;
  /** How often an idle event stream sends a heartbeat comment; default 15 s. */
  readonly eventHeartbeatMs?: number;
  /** The built dashboard's directory (with index.html), served at `/`; absent, `/` says how to build it. */
  readonly dashboard?: { readonly root: string };
  /** Signed, encrypted model artifacts (blob storage, key ring, trusted keys, size limit); absent: no artifact routes. */
  readonly artifacts?: Omit<ArtifactDeps, 'store' | 'clock'>;
  /** TLS, timeouts, rate limits, slow-body rule, CORS, /metrics placement (http/transport-settings.ts); absent: plain HTTP, default timeouts, no limits, no CORS. */
  readonly transport?: TransportSettings;
  /**
   * Authentication: `on` (the default) needs an API key or token on every route but the public ones; `development`
   * makes every request an admin (main.ts allows it on loopback only). `verifyJwt` checks OIDC tokens.
   */
  readonly auth?: AuthDeps;
}

export interface AlertingDeps {
  /** Which private destinations channels may reach (SSRF guard). */
  readonly policy: OutboundPolicy;
  /** The commands retrain channels may run (program and arguments, matched exactly). */
  readonly retrainCommands: readonly (readonly string[])[];
  /** The service's public address (notifications link under it); a function, as it may be known only once listening. */
  readonly publicUrl: () => string;
  /** Told when notifications were queued: the delivery job's wake. */
  readonly deliveries?: { wake(): void };
  /** DNS resolution of channel hosts, for tests. */
  readonly lookup?: LookupAll;
  /** One test send's time limit. */
  readonly sendTimeoutMs?: number;
}

const DEFAULT_ALERTING: AlertingDeps = { policy: { allowPrivate: [] }, retrainCommands: [], publicUrl: () => 'http://127.0.0.1' };

const DEFAULT_SEED = 42;
const DEFAULT_EVENT_HEARTBEAT_MS = 15_000;
const DEFAULT_REFERENCE_BODY_BYTES = 1024 ** 3;

const API_DESCRIPTION = [
  'The Bothub monitoring service: model registry, durable ingestion, windows, monitors and metric history.',
  '',
  '- Errors: every error answers `{ "error": { "code", "message", "details"? } }` (see Errors below).',
  '- Bodies: JSON; the batch endpoints (predictions, labels, reference) also take JSON Lines (`Content-Type: application/x-ndjson`); a reference also CSV and Parquet, streamed to disk under a limit of its own; any body may be sent with `Content-Encoding: gzip`. The body limits apply to the decoded size.',
  '- Unknown fields: the API\'s own objects (the registry\'s bodies, batch envelopes such as `{ "records": [...] }`, and every query string) reject them with 400, naming the field, so a typo cannot silently drop a setting. Prediction and label records ignore unknown top-level fields, and features the model does not declare, so producers can send more than the schema knows.',
  '- Projects: model names are unique per project; every model route takes `?project=` (default `default`).',
  '- Authentication: `Authorization: Bearer <API key or token>` on every route but health, the docs and the dashboard\'s files (401 without; never in the URL: 400). Roles per project: admin, editor (models, monitors, rules), viewer (read), ingest (predictions and labels only). An object of a project the caller has no role in answers 404, a change the caller\'s role does not allow 403; lists keep the caller\'s projects.',
].join('\n');

/** Where the API lives; the OpenAPI document lists these paths. */
export const API_PREFIX = '/api/v1';

/**
 * Builds the application; call `ready()` (or `listen`) before use, `close()` after.
 *
 * @example
 * const app = createApp({ store, clock: Date.now, limits: { bodyBytes: 10_000_000, batchRecords: 10_000 } });
 * const response = await app.inject({ method: 'GET', url: '/healthz' });
 */
export function createApp(deps: AppDeps): FastifyInstance {
  const app = createFastifyServer(
    {
      logger: deps.logger ?? false,
      bodyLimit: deps.limits.bodyBytes,
      routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
      frameworkErrors: frameworkErrorHandler(deps.limits),
    },
    deps.transport,
  )
    .setValidatorCompiler(typeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandlers(app, deps.limits);
  registerTransport(app, deps.transport);
  // Who calls (onRequest, after the per-address limit, so failed attempts count), and whether the route allows it (preValidation).
  registerAuthentication(app, { ...(deps.auth ?? { mode: 'on' }), keys: deps.store.auth, clock: deps.clock });
  registerAuthorization(app, deps.store);
  registerBodyParsers(app);
  const metrics = deps.metrics ?? createServiceMetrics({ processMetrics: false });
  registerRequestMetrics(app, metrics);
  // Only JSON and JSON Lines bodies: anything else answers 415 rather than reaching a schema as a string.
  app.removeContentTypeParser('text/plain');

  const alerting = deps.alerting ?? DEFAULT_ALERTING;
  const events = deps.events ?? createEventService({ store: deps.store, maxStreams: DEFAULT_MAX_EVENT_STREAMS });
  // Every new model gets the default alert rules (rules is assigned below, before any request can create a model).
  const registry = createRegistryService({ store: deps.store, clock: deps.clock, seed: deps.seed ?? DEFAULT_SEED, onModelCreated: async (model) => {
      await rules.createDefaults(model);
    },
  });
  const alerts = createAlertService({
    store: deps.store,
    clock: deps.clock,
    registry,
    onAlertChanged: (model, alert, state) => events.alertChanged(model, alert, state),
    ...(alerting.deliveries === undefined ? {} : { wakeDeliveries: () => alerting.deliveries?.wake() }),
  });
  const rules = createAlertRuleService({ store: deps.store, clock: deps.clock, registry, alerts });
  const channels = createChannelService({
    store: deps.store,
    clock: deps.clock,
    policy: alerting.policy,
    retrainCommands: alerting.retrainCommands,
    publicUrl: alerting.publicUrl,
    ...(alerting.lookup === undefined ? {} : { lookup: alerting.lookup }),
    ...(alerting.sendTimeoutMs === undefined ? {} : { sendTimeoutMs: alerting.sendTimeoutMs }),
  });
  const ingestion = createIngestionService({
    store: deps.store,
    clock: deps.clock,
    batchRecords: deps.limits.batchRecords,
    ...(deps.evaluator === undefined ? {} : { wake: () => deps.evaluator?.wake() }),
    metrics,
    onIngested: (model, accepted) => events.recordsIngested(model, accepted),
  });
  const query = createQueryService({ store: deps.store, resolveVersion: (model, name) => registry.requireVersion(model, name) });
  // Before any route: recordAudit reaches the trail through this decoration, inherited by every plugin.
  const audit = createAuditService({ store: deps.store, clock: deps.clock });
  app.decorate('auditLog', audit);

  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bothub API',
        version: serverPackage.version,
        description: API_DESCRIPTION,
      },
      tags: [
        { name: 'registry', description: 'Models, versions, aliases and reference data sets.' },
        { name: 'ingestion', description: 'Predictions and ground-truth labels.' },
        { name: 'query', description: 'Windows, metric history and health.' },
        { name: 'alerts', description: 'Alert rules, alerts and incidents, notification channels.' },
        { name: 'health', description: 'Liveness and readiness of the service.' },
        { name: 'audit', description: 'The hash-chained audit trail of changes and sensitive reads (admins).' },
        { name: 'auth', description: 'API keys.' },
      ],
    },
  });
  // The UI's scripts and styles come from the package itself: /docs works without network access.
  void app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  void app.register(healthRoutes(deps.store));
  if (deps.transport?.metricsOnMainListener !== false) {
    void app.register(async (scope) => {
      scope.addHook('preHandler', requireMetricsReader);
      await scope.register(metricsRoutes(metrics, deps.store));
    });
  }
  void app.register(registryRoutes(registry), { prefix: API_PREFIX });
  void app.register(referenceRoutes(registry, { bodyBytes: deps.limits.bodyBytes, referenceBodyBytes: deps.limits.referenceBodyBytes ?? DEFAULT_REFERENCE_BODY_BYTES }), { prefix: API_PREFIX });
  void app.register(ingestionRoutes(registry, ingestion), { prefix: API_PREFIX });
  void app.register(queryRoutes(registry, query), { prefix: API_PREFIX });
  void app.register(fleetRoutes(createFleetService({ store: deps.store, clock: deps.clock })), { prefix: API_PREFIX });
  void app.register(alertRuleRoutes(rules), { prefix: API_PREFIX });
  void app.register(alertRoutes(alerts), { prefix: API_PREFIX });
  void app.register(channelRoutes(channels), { prefix: API_PREFIX });
  if (deps.artifacts !== undefined) void app.register(artifactRoutes(registry, createArtifactService({ ...deps.artifacts, store: deps.store, clock: deps.clock })), { prefix: API_PREFIX });
  void app.register(auditRoutes(audit), { prefix: API_PREFIX });
  void app.register(eventRoutes(events, { heartbeatMs: deps.eventHeartbeatMs ?? DEFAULT_EVENT_HEARTBEAT_MS }), { prefix: API_PREFIX });
  void app.register(keyRoutes(createKeyService({ keys: deps.store.auth, clock: deps.clock })), { prefix: API_PREFIX });
  void app.register(dashboardRoutes(deps.dashboard));
  app.get('/openapi.json', { schema: { hide: true }, config: { permission: PUBLIC } }, () => app.swagger());

  return app;
}
