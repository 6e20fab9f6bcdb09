/**
 * The composition root: configuration → store → window job → app → listen. Nothing else wires dependencies.
 */
import { hostname } from 'node:os';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { createApp } from './app.js';
import type { ServiceConfig } from './config.js';
import { createEvaluationWorkerPool } from './jobs/evaluation-worker-pool.js';
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
  /** Stops accepting requests, lets the window job finish its round, stops the evaluation worker, closes the store. */
  close(): Promise<void>;
}

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
  // The monitors take hundreds of ms per window: run them off the request loop.
  const pool = createEvaluationWorkerPool({ size: 1 });
  const evaluator = createWindowEvaluator({
    store,
    clock: Date.now,
    workerId: `${hostname()}:${process.pid}`,
    seed: config.seed,
    concurrency: config.evaluationConcurrency,
    leaseMs: config.evaluationLeaseMs,
    pollMs: 1000,
    log,
    evaluate: pool.evaluate,
  });
  const app = createApp({
    store,
    clock: Date.now,
    limits: { bodyBytes: config.bodyLimitBytes, batchRecords: config.batchLimit },
    seed: config.seed,
    logger: { level: config.logLevel },
    evaluator,
  });
  let url: string;
  try {
    url = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await pool.close();
    throw error;
  }
  evaluator.start();
  return {
    app,
    store,
    evaluator,
    url,
    async close() {
      await app.close();
      await evaluator.stop();
      await pool.close();
      await store.close();
    },
  };
}
