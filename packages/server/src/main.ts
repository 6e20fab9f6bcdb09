/**
 * The composition root: configuration → store → window and retention jobs → app → listen. Nothing else wires dependencies.
 */
import { hostname } from 'node:os';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { createApp } from './app.js';
import { artifactDirOf, createFilesystemBlobStorage, incomingDirOf } from './features/artifacts/index.js';
import { loadKeyRing, loadTrustedKeys } from './security/index.js';
import type { KeyRing } from './security/index.js';
import { createEventService } from './features/events/index.js';
import { createServiceMetrics } from './features/metrics/index.js';
import { ConfigError } from './config.js';
import type { ServiceConfig } from './config.js';
import { isLoopbackHost } from './features/auth/index.js';
import { createJwtVerifier } from './features/auth/oidc/index.js';
import { createFirstAdminKey } from './features/keys/index.js';
import { createMetricsListener } from './http/metrics-listener.js';
import { readTransportSettings } from './http/transport-settings.js';
import { createAlertEvaluator } from './jobs/alert-evaluator.js';
import { createDeliveryJob } from './jobs/delivery-job.js';
import { createEvaluationWorkerPool } from './jobs/evaluation-worker-pool.js';
import { createPeriodicJob } from './jobs/periodic-job.js';
import { createRetentionJob } from './jobs/retention-job.js';
import { createAuditHeadJob } from './jobs/audit-head-job.js';
import { createAuditService } from './features/audit/index.js';
import { readFileSync } from 'node:fs';
import { createTimeWindowCloser } from './jobs/time-window-closer.js';
import { createWindowEvaluator } from './jobs/window-evaluator.js';
import type { WindowEvaluator } from './jobs/window-evaluator.js';
import { openPostgresStore } from './storage/postgres/index.js';
import { openSqliteStore } from './storage/sqlite/index.js';
import type { Store } from './storage/store.js';

export interface RunningService {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly evaluator: WindowEvaluator;
  /** The address the service listens on, e.g. http://127.0.0.1:8080 (https:// with a certificate). */
  readonly url: string;
  /** The address of the metrics listener (metricsPort), e.g. http://127.0.0.1:9464; null when /metrics is on the main listener. */
  readonly metricsUrl: string | null;
  /**
   * The admin key created at this start because the store held no key at all (auth on): shown once by the caller,
   * never stored in clear, never logged. null on every later start and in development mode.
   */
  readonly firstAdminKey: string | null;
  /** Stops accepting requests, lets the window job finish its round, the delivery job its sends and the retention job its chunk, stops the evaluation worker, closes the store. */
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** A delivery claim outlives the longest send: an HTTP timeout of 10 s, a retrain command's 60 s. */
const DELIVERY_LEASE_MS = 120_000;
/** How often absence rules are checked: an alert "no data for N minutes" fires at most this late. */
const ABSENCE_CHECK_MS = 30_000;

/**
 * Opens the store named by the configuration (PostgreSQL when a URL is given, else SQLite in the data directory) and
 * migrates it; channel secrets are sealed under `keyRing` (default the configured or data-directory ring).
 */
export async function openStore(config: ServiceConfig, keyRing?: KeyRing): Promise<Store> {
  const ring = keyRing ?? (await loadKeyRing(config));
  const store = config.databaseUrl ? await openPostgresStore({ connectionString: config.databaseUrl, keyRing: ring }) : await openSqliteStore({ dataDir: config.dataDir, keyRing: ring });
  await store.migrate();
  return store;
}

/**
 * Starts the service and resolves once it listens.
 * @example const service = await startService(loadConfig({ port: 0 })); console.log(service.url); await service.close();
 */
export async function startService(config: ServiceConfig): Promise<RunningService> {
  const log = pino({ level: config.logLevel });
  if (config.auth === 'development' && !isLoopbackHost(config.host)) {
    throw new ConfigError('auth', `is "development" (no authentication: every request is an admin), which listens on loopback only, not on ${config.host}. Use --host 127.0.0.1, or turn authentication on (auth "on", the default) to serve on a network.`);
  }
  // Read the certificate first: a wrong path fails the start before anything is opened.
  const transport = await readTransportSettings(config);
  // Bearer JWTs of the identity provider, beside API keys; the provider's keys are fetched at the first token.
  const verifier = config.oidc === null ? null : createJwtVerifier(config.oidc);
  // Keys before the store: the migration seals channel secrets still in clear, and a bad trusted key stops the start.
  const keyRing = await loadKeyRing(config);
  const trustedKeys = loadTrustedKeys(config.trustedSigningKeys);
  const store = await openStore(config, keyRing);
  const firstAdminKey = config.auth === 'on' ? await createFirstAdminKey(store.auth, Date.now) : null;
  // One registry for the app and the jobs: /metrics shows the evaluations and deliveries of this process.
  const metrics = createServiceMetrics({ featureCap: config.metricsFeatureCap });
  const workerId = `${hostname()}:${process.pid}`;
  let url = '';
  const publicUrl = (): string => config.publicUrl ?? url;
  const policy = { allowPrivate: config.allowPrivateChannelHosts };
  const deliveries = createDeliveryJob({
    store,
    clock: Date.now,
    workerId,
    policy,
    publicUrl,
    maxAgeMs: config.deliveryMaxAgeHours * HOUR_MS,
    leaseMs: DELIVERY_LEASE_MS,
    pollMs: 1000,
    log,
    metrics,
  });
  // Live updates: the app serves the streams, the jobs below tell it what happened.
  const events = createEventService({ store, maxStreams: config.maxEventStreams });
  const alerts = createAlertEvaluator({ store, clock: Date.now, log, onQueued: () => deliveries.wake(), onAlertChanged: (model, alert, state) => events.alertChanged(model, alert, state) });
  // Absence rules ("no data for an hour") have no window to wait for.
  const absence = createPeriodicJob({
    run: () => alerts.checkAbsence(),
    intervalMs: ABSENCE_CHECK_MS,
    firstRunDelayMs: ABSENCE_CHECK_MS,
    onError: (error) => log.error({ err: error }, 'absence check failed'),
  });
  // The monitors take about 100 ms per window: run them off the request loop, one worker thread per window evaluated at once.
  const pool = createEvaluationWorkerPool({ size: config.evaluationConcurrency });
  const evaluator = createWindowEvaluator({
    store,
    clock: Date.now,
    workerId,
    seed: config.seed,
    concurrency: config.evaluationConcurrency,
    leaseMs: config.evaluationLeaseMs,
    pollMs: 1000,
    log,
    evaluate: pool.evaluate,
    onEvaluated: async (window, points) => {
      await events.windowEvaluated(window);
      await alerts.evaluateWindow(window, points);
    },
    metrics,
  });
  const retention = createRetentionJob({ store, clock: Date.now, intervalMs: config.retentionIntervalMs, log });
  // The signing key is read at start: a missing file stops the start, not the first signing an hour later.
  const auditKey = config.auditSigningKey === null ? null : config.auditSigningKey.includes('-----BEGIN') ? config.auditSigningKey : readFileSync(config.auditSigningKey, 'utf8');
  const auditHead = auditKey === null ? null : createAuditHeadJob({ audit: createAuditService({ store, clock: Date.now }), privateKeyPem: auditKey, intervalMs: config.auditHeadIntervalMs, log });
  // Lateness is set in whole seconds: a time window closes at most a second after it falls due.
  const closer = createTimeWindowCloser({ store, clock: Date.now, intervalMs: 1000, log, onClosed: () => evaluator.wake() });
  const app = createApp({
    store,
    clock: Date.now,
    limits: { bodyBytes: config.bodyLimitBytes, batchRecords: config.batchLimit, referenceBodyBytes: config.referenceBodyLimitBytes },
    seed: config.seed,
    logger: { level: config.logLevel },
    evaluator,
    alerting: { policy, retrainCommands: config.retrainCommands, publicUrl, deliveries },
    metrics,
    events,
    ...(config.dashboardDir === null ? {} : { dashboard: { root: config.dashboardDir } }),
    artifacts: {
      storage: createFilesystemBlobStorage(artifactDirOf(config)),
      keyRing,
      trustedKeys,
      limit: { bytes: config.artifactBodyLimitBytes, setting: 'artifactBodyLimitBytes' },
      incomingDir: incomingDirOf(config),
    },
    auth: { mode: config.auth, ...(verifier === null ? {} : { verifyJwt: (token: string) => verifier.verify(token) }) },
    transport,
  });
  const metricsListener = config.metricsPort === null ? null : createMetricsListener(metrics, store);
  let metricsUrl: string | null = null;
  try {
    url = await app.listen({ host: config.host, port: config.port });
    if (metricsListener !== null) metricsUrl = await metricsListener.listen({ host: config.metricsHost, port: config.metricsPort ?? 0 });
  } catch (error) {
    await app.close();
    await metricsListener?.close();
    await pool.close();
    throw error;
  }
  evaluator.start();
  closer.start();
  retention.start();
  auditHead?.start();
  deliveries.start();
  absence.start();
  return {
    app,
    store,
    evaluator,
    url,
    metricsUrl,
    firstAdminKey,
    async close() {
      await app.close();
      await metricsListener?.close();
      await closer.stop();
      await evaluator.stop();
      await absence.stop();
      await deliveries.stop();
      await retention.stop();
      await auditHead?.stop();
      await pool.close();
      await store.close();
    },
  };
}
