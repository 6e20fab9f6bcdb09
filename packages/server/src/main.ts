/**
 * The composition root: configuration → store → window and retention jobs → app → listen. Nothing else wires dependencies.
 */
import { hostname } from 'node:os';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { createApp } from './app.js';
import { createEventService } from './features/events/index.js';
import { createServiceMetrics } from './features/metrics/index.js';
import type { ServiceConfig } from './config.js';
import { createAlertEvaluator } from './jobs/alert-evaluator.js';
import { createDeliveryJob } from './jobs/delivery-job.js';
import { createEvaluationWorkerPool } from './jobs/evaluation-worker-pool.js';
import { createPeriodicJob } from './jobs/periodic-job.js';
import { createRetentionJob } from './jobs/retention-job.js';
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
  /** The address the service listens on, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** Stops accepting requests, lets the window job finish its round, the delivery job its sends and the retention job its chunk, stops the evaluation worker, closes the store. */
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** A delivery claim outlives the longest send: an HTTP timeout of 10 s, a retrain command's 60 s. */
const DELIVERY_LEASE_MS = 120_000;
/** How often absence rules are checked: an alert "no data for N minutes" fires at most this late. */
const ABSENCE_CHECK_MS = 30_000;

/** Opens the store named by the configuration (PostgreSQL when a URL is given, else SQLite in the data directory) and migrates it. */
export async function openStore(config: ServiceConfig): Promise<Store> {
  const store = config.databaseUrl ? await openPostgresStore({ connectionString: config.databaseUrl }) : await openSqliteStore({ dataDir: config.dataDir });
  await store.migrate();
  return store;
}

/**
 * Starts the service and resolves once it listens.
 * @example const service = await startService(loadConfig({ port: 0 })); console.log(service.url); await service.close();
 */
export async function startService(config: ServiceConfig): Promise<RunningService> {
  const log = pino({ level: config.logLevel });
  const store = await openStore(config);
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
  });
  try {
    url = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await pool.close();
    throw error;
  }
  evaluator.start();
  closer.start();
  retention.start();
  deliveries.start();
  absence.start();
  return {
    app,
    store,
    evaluator,
    url,
    async close() {
      await app.close();
      await closer.stop();
      await evaluator.stop();
      await absence.stop();
      await deliveries.stop();
      await retention.stop();
      await pool.close();
      await store.close();
    },
  };
}
