/**
 * The service's configuration: one schema, each setting with the reason it exists. Precedence: defaults < config
 * file (JSON) < environment (BOTHUB_*) < command-line flags. This is the only module that reads process.env.
 */
import { readFileSync } from 'node:fs';

export interface ServiceConfig {
  /** Interface to listen on. Loopback by default: exposing the service is a deliberate choice. */
  readonly host: string;
  /** TCP port of the HTTP API and dashboard. */
  readonly port: number;
  /** Where the embedded SQLite database lives when no database URL is given. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set, the service stores everything there instead of SQLite. */
  readonly databaseUrl: string | null;
  /** Largest request body accepted, in bytes (413 above): bounds memory per request. */
  readonly bodyLimitBytes: number;
  /** Most records in one ingestion batch (413 above): bounds transaction size and latency. */
  readonly batchLimit: number;
  /**
   * Largest reference data set upload, in bytes after gzip decoding (413 above). Apart from bodyLimitBytes because
   * a training set is far larger than a batch, and a reference is streamed to a temporary file, not held in memory.
   */
  readonly referenceBodyLimitBytes: number;
  /** Windows evaluated concurrently by this node, each in its own worker thread (off the request path); at most the cores left to ingestion. */
  readonly evaluationConcurrency: number;
  /** How long a node holds a claimed window before another node may take it over (crash recovery). */
  readonly evaluationLeaseMs: number;
  /** How often this node applies every model's retention (deletes records and metrics past their days): storage stays bounded. */
  readonly retentionIntervalMs: number;
  /** Seed of every randomized monitor step, so evaluations are reproducible. */
  readonly seed: number;
  /** Log level of the structured (pino) log. */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Where people and receivers reach the service (behind a proxy, its public address): notifications link to the
   * dashboard under it. null: the address the service listens on, http://<host>:<port>.
   */
  readonly publicUrl: string | null;
  /** A notification not delivered after this many hours is given up (dead, listed on its alert): a channel down for a day gets no stale alerts. */
  readonly deliveryMaxAgeHours: number;
  /**
   * Private, loopback or link-local destinations that channels may reach anyway (CIDR ranges, addresses or host
   * names). Empty by default: a channel URL could otherwise make the server call its own network (SSRF).
   */
  readonly allowPrivateChannelHosts: readonly string[];
  /**
   * The only commands a retrain channel may run, each as program and arguments, matched exactly. A command runs on
   * this server with its rights, so only an administrator may choose it; empty by default (retrain channels post to a URL).
   */
  readonly retrainCommands: readonly (readonly string[])[];
  /**
   * Most feature columns of a model with series on /metrics (drift, quality); the rest are left out and counted in
   * bothub_metrics_series_dropped. A model with thousands of features would otherwise flood Prometheus with series.
   */
  readonly metricsFeatureCap: number;
  /** Live-update streams (GET /api/v1/events) open at once on this node (503 above): each holds a connection and a little memory. */
  readonly maxEventStreams: number;
  /**
   * The built dashboard (a directory with index.html) served at `/`. null: `/` says how to build it. The `bothub serve`
   * command sets it to the installed @bothub/dashboard package's build.
   */
  readonly dashboardDir: string | null;
}

export const DEFAULT_CONFIG: ServiceConfig = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  dataDir: './bothub-data',
  databaseUrl: null,
  bodyLimitBytes: 16 * 1024 * 1024,
  batchLimit: 10_000,
  referenceBodyLimitBytes: 1024 ** 3,
  evaluationConcurrency: 1,
  evaluationLeaseMs: 60_000,
  retentionIntervalMs: 3_600_000,
  seed: 42,
  logLevel: 'info',
  publicUrl: null,
  deliveryMaxAgeHours: 24,
  allowPrivateChannelHosts: [],
  retrainCommands: [],
  metricsFeatureCap: 100,
  maxEventStreams: 100,
  dashboardDir: null,
});

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A setting that could not be used, named so the operator can fix it. */
export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`configuration: ${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Overrides = { -readonly [K in keyof ServiceConfig]?: ServiceConfig[K] };

function integer(setting: string, raw: unknown, min: number, max: number): number {
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(setting, `must be an integer in [${min}, ${max}], got ${JSON.stringify(raw)}`);
  return n;
}

/** A list of strings, or (from the environment) one string of comma-separated items. */
function stringList(setting: string, raw: unknown): string[] {
  const items = typeof raw === 'string' ? raw.split(',').map((item) => item.trim()).filter((item) => item !== '') : raw;
  if (!Array.isArray(items) || !items.every((item) => typeof item === 'string' && item !== '')) throw new ConfigError(setting, 'must be a list of non-empty strings (comma-separated in the environment)');
  return items as string[];
}

/** Commands as arrays of program and arguments, or (from the environment) the same as JSON text. */
function commandList(setting: string, raw: unknown): string[][] {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ConfigError(setting, 'must be JSON: an array of commands, each an array of program and arguments');
    }
  }
  const valid = Array.isArray(value) && value.every((command) => Array.isArray(command) && command.length > 0 && command.every((part) => typeof part === 'string' && part !== ''));
  if (!valid) throw new ConfigError(setting, 'must be an array of commands, each a non-empty array of program and arguments, e.g. [["/opt/bothub/retrain.sh", "--queue", "ml"]]');
  return value as string[][];
}

function validate(partial: Record<string, unknown>, source: string): Overrides {
  const out: Overrides = {};
  for (const [key, raw] of Object.entries(partial)) {
    if (raw === undefined) continue;
    const setting = `${source} ${key}`;
    switch (key) {
      case 'host':
      case 'dataDir':
        if (typeof raw !== 'string' || raw === '') throw new ConfigError(setting, 'must be a non-empty string');
        out[key] = raw;
        break;
      case 'databaseUrl':
        if (raw !== null && (typeof raw !== 'string' || !/^postgres(ql)?:\/\//.test(raw))) throw new ConfigError(setting, 'must be a postgres:// URL');
        out.databaseUrl = raw;
        break;
      case 'port':
        out.port = integer(setting, raw, 0, 65535);
        break;
      case 'bodyLimitBytes':
        out.bodyLimitBytes = integer(setting, raw, 1024, 1024 ** 3);
        break;
      case 'batchLimit':
        out.batchLimit = integer(setting, raw, 1, 1_000_000);
        break;
      case 'referenceBodyLimitBytes':
        out.referenceBodyLimitBytes = integer(setting, raw, 1024, Number.MAX_SAFE_INTEGER);
        break;
      case 'evaluationConcurrency':
        out.evaluationConcurrency = integer(setting, raw, 1, 64);
        break;
      case 'evaluationLeaseMs':
        out.evaluationLeaseMs = integer(setting, raw, 1000, 86_400_000);
        break;
      case 'retentionIntervalMs':
        out.retentionIntervalMs = integer(setting, raw, 1000, 86_400_000);
        break;
      case 'seed':
        out.seed = integer(setting, raw, 0, Number.MAX_SAFE_INTEGER);
        break;
      case 'logLevel':
        if (!(LOG_LEVELS as readonly unknown[]).includes(raw)) throw new ConfigError(setting, `must be one of ${LOG_LEVELS.join(', ')}`);
        out.logLevel = raw as ServiceConfig['logLevel'];
        break;
      case 'publicUrl':
        if (raw !== null && (typeof raw !== 'string' || !URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol))) throw new ConfigError(setting, 'must be an http:// or https:// URL');
        out.publicUrl = raw;
        break;
      case 'deliveryMaxAgeHours':
        out.deliveryMaxAgeHours = integer(setting, raw, 1, 24 * 365);
        break;
      case 'allowPrivateChannelHosts':
        out.allowPrivateChannelHosts = stringList(setting, raw);
        break;
      case 'retrainCommands':
        out.retrainCommands = commandList(setting, raw);
        break;
      case 'metricsFeatureCap':
        out.metricsFeatureCap = integer(setting, raw, 0, 100_000);
        break;
      case 'maxEventStreams':
        out.maxEventStreams = integer(setting, raw, 0, 100_000);
        break;
      case 'dashboardDir':
        if (raw !== null && (typeof raw !== 'string' || raw === '')) throw new ConfigError(setting, 'must be a directory path or null');
        out.dashboardDir = raw;
        break;
      default:
        throw new ConfigError(setting, 'is not a known setting');
    }
  }
  return out;
}

const ENV: Readonly<Record<string, keyof ServiceConfig>> = {
  BOTHUB_HOST: 'host',
  BOTHUB_PORT: 'port',
  BOTHUB_DATA_DIR: 'dataDir',
  BOTHUB_DATABASE_URL: 'databaseUrl',
  BOTHUB_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  BOTHUB_BATCH_LIMIT: 'batchLimit',
  BOTHUB_REFERENCE_BODY_LIMIT_BYTES: 'referenceBodyLimitBytes',
  BOTHUB_EVALUATION_CONCURRENCY: 'evaluationConcurrency',
  BOTHUB_EVALUATION_LEASE_MS: 'evaluationLeaseMs',
  BOTHUB_RETENTION_INTERVAL_MS: 'retentionIntervalMs',
  BOTHUB_SEED: 'seed',
  BOTHUB_LOG_LEVEL: 'logLevel',
  BOTHUB_PUBLIC_URL: 'publicUrl',
  BOTHUB_DELIVERY_MAX_AGE_HOURS: 'deliveryMaxAgeHours',
  BOTHUB_ALLOW_PRIVATE_CHANNEL_HOSTS: 'allowPrivateChannelHosts',
  BOTHUB_RETRAIN_COMMANDS: 'retrainCommands',
  BOTHUB_METRICS_FEATURE_CAP: 'metricsFeatureCap',
  BOTHUB_MAX_EVENT_STREAMS: 'maxEventStreams',
  BOTHUB_DASHBOARD_DIR: 'dashboardDir',
};

/**
 * Resolves the configuration: defaults, then the JSON file named by `configFile` (or BOTHUB_CONFIG), then BOTHUB_*
 * variables of `env`, then `flags`. The result is frozen.
 * @example loadConfig({ port: 9000 }, process.env);
 */
export function loadConfig(flags: Record<string, unknown> = {}, env: Readonly<Record<string, string | undefined>> = process.env, configFile?: string): ServiceConfig {
  const file = configFile ?? env.BOTHUB_CONFIG;
  let fromFile: Overrides = {};
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`file ${file}`, `cannot be read as JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(`file ${file}`, 'must hold a JSON object');
    fromFile = validate(parsed as Record<string, unknown>, `file ${file}:`);
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV)) if (env[name] !== undefined && env[name] !== '') fromEnv[key] = env[name];
  return Object.freeze({ ...DEFAULT_CONFIG, ...fromFile, ...validate(fromEnv, 'environment'), ...validate(flags, 'flag') });
}
