/**
 * The service's configuration: one schema, each setting with the reason it exists. Precedence: defaults < config
 * file (JSON) < environment (BOTHUB_*) < command-line flags. This is the only module that reads process.env.
 */
import { readFileSync } from 'node:fs';
import { parseOidcSettings } from './features/auth/oidc/parse-oidc-settings.js';
import type { OidcSettings } from './features/auth/oidc/oidc-settings.js';
import { parseKeyRing } from './security/key-ring.js';
import type { KeyRingSpec } from './security/key-ring.js';

export interface ServiceConfig {
  /** Interface to listen on. Loopback by default: exposing the service is a deliberate choice. */
  readonly host: string;
  /**
   * `on` (default): every route but health, the docs and the dashboard's files needs an API key or token; at the first
   * start an admin key is created and printed once. `development`: no authentication, every request is an admin:
   * refused unless `host` is a loopback address, so an open API is never served on a network.
   */
  readonly auth: 'on' | 'development';
  /**
   * OpenID Connect: bearer JWTs of this identity provider are accepted beside API keys (issuer, audience, algorithms,
   * role claim and mapping; features/auth/oidc/oidc-settings.ts). null: API keys only. In a file as an object, in
   * BOTHUB_OIDC as the same object in JSON.
   */
  readonly oidc: OidcSettings | null;
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
  /**
   * ECDSA P-256 private key (PEM text or a PEM file path) this node signs the audit chain's head with, every
   * auditHeadIntervalMs: the signed head is appended to the chain and logged, so a tail deleted later is detected
   * (`bothub audit verify --head`). null: no periodic signing (`bothub audit export-head` still signs on demand).
   */
  readonly auditSigningKey: string | null;
  /** How often the audit head is signed when auditSigningKey is set; a head already signed is not signed again. */
  readonly auditHeadIntervalMs: number;
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
  /**
   * The encryption key ring `{ current, keys: { id: base64 of 32 bytes } }` sealing channel secrets and artifacts at rest
   * (AES-256-GCM). null: a ring generated on first start in the data directory (encryption-keys.json, mode 0600); with
   * PostgreSQL and several nodes, configure it so every node holds the same keys.
   */
  readonly encryption: KeyRingSpec | null;
  /** Public keys (PEM text or PEM file paths) whose ECDSA P-256 signatures make an artifact acceptable; empty: every upload is refused. */
  readonly trustedSigningKeys: readonly string[];
  /** Largest artifact upload in bytes (413 above); streamed to disk, never held in memory. */
  readonly artifactBodyLimitBytes: number;
  /** Where artifact blobs are kept (encrypted); null: `<dataDir>/artifacts`. Several nodes must share it (a shared volume). */
  readonly artifactDir: string | null;
  /** PEM certificate (chain) file: with tlsKey the service answers HTTPS, HTTP/2 with HTTP/1.1 fallback. null: plain HTTP (behind a TLS-terminating proxy, or on loopback). */
  readonly tlsCert: string | null;
  /** PEM private key file of tlsCert. */
  readonly tlsKey: string | null;
  /** Requests per minute of one caller (API key or token; its address when anonymous), ingestion apart; 429 above, 0: no limit. Bounds what one leaked or buggy client can take from the others. */
  readonly rateLimitPerMinute: number;
  /** Prediction and label batches per minute of one caller; 429 above, 0: no limit. A bucket of its own, far larger: producers send many small batches. */
  readonly ingestRateLimitPerMinute: number;
  /** Requests per minute from one address, counted before authentication (so failed attempts count too); 429 above, 0: no limit. */
  readonly ipRateLimitPerMinute: number;
  /** Time to receive a request's headers (408 after): cuts clients that trickle their headers (slowloris). */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request, uploads included (408 after): the outer bound; the slow-body rule below cuts trickling bodies long before. */
  readonly requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this long; above common load balancers' 60 s, so they close first. */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic either way for this long is closed (event streams send a heartbeat more often). */
  readonly idleTimeoutMs: number;
  /** Least average rate at which a body must arrive once slowBodyGraceMs has passed (the connection is cut below it); 0: no rule. */
  readonly minBodyBytesPerSecond: number;
  /** How long a body may arrive at any pace before minBodyBytesPerSecond applies: a few seconds, for slow starts and small bodies. */
  readonly slowBodyGraceMs: number;
  /** Browser origins (scheme://host[:port]) allowed to call the API across origins (CORS). Empty: none; the dashboard is same-origin. */
  readonly corsOrigins: readonly string[];
  /** Port of a separate listener that serves only /metrics and /healthz, without authentication; null: /metrics on the main listener, behind authentication. */
  readonly metricsPort: number | null;
  /** Interface of the metrics listener; loopback by default (Prometheus on the same host or reached through a network policy). */
  readonly metricsHost: string;
}

export const DEFAULT_CONFIG: ServiceConfig = Object.freeze({
  host: '127.0.0.1',
  auth: 'on',
  oidc: null,
  port: 8080,
  dataDir: './bothub-data',
  databaseUrl: null,
  bodyLimitBytes: 16 * 1024 * 1024,
  batchLimit: 10_000,
  referenceBodyLimitBytes: 1024 ** 3,
  evaluationConcurrency: 1,
  evaluationLeaseMs: 60_000,
  retentionIntervalMs: 3_600_000,
  auditSigningKey: null,
  auditHeadIntervalMs: 3_600_000,
  seed: 42,
  logLevel: 'info',
  publicUrl: null,
  deliveryMaxAgeHours: 24,
  allowPrivateChannelHosts: [],
  retrainCommands: [],
  metricsFeatureCap: 100,
  maxEventStreams: 100,
  dashboardDir: null,
  encryption: null,
  trustedSigningKeys: [],
  artifactBodyLimitBytes: 4 * 1024 ** 3,
  artifactDir: null,
  tlsCert: null,
  tlsKey: null,
  rateLimitPerMinute: 30_000,
  ingestRateLimitPerMinute: 120_000,
  ipRateLimitPerMinute: 240_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 3_600_000,
  keepAliveTimeoutMs: 72_000,
  idleTimeoutMs: 120_000,
  minBodyBytesPerSecond: 1024,
  slowBodyGraceMs: 5_000,
  corsOrigins: [],
  metricsPort: null,
  metricsHost: '127.0.0.1',
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
/** The oidc object, given as an object (file, flags) or as its JSON text (BOTHUB_OIDC). */
function oidcSetting(setting: string, raw: unknown): OidcSettings {
  let spec = raw;
  if (typeof raw === 'string') {
    try {
      spec = JSON.parse(raw);
    } catch (error) {
      throw new ConfigError(setting, `must be a JSON object: ${(error as Error).message}`);
    }
  }
  try {
    return parseOidcSettings(spec);
  } catch (error) {
    throw new ConfigError(setting, (error as Error).message);
  }
}

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

/** A key ring, or (from the environment) the same as JSON text; checked here so a bad key stops the start, not a request. */
function keyRingSetting(setting: string, raw: unknown): KeyRingSpec {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ConfigError(setting, 'must be JSON: { "current": "<key id>", "keys": { "<key id>": "<base64 of 32 bytes>" } }');
    }
  }
  try {
    parseKeyRing(value);
  } catch (error) {
    throw new ConfigError(setting, (error as Error).message.replace(/^parseKeyRing: /, ''));
  }
  return Object.freeze(value as KeyRingSpec);
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
      case 'auth':
        if (raw !== 'on' && raw !== 'development') throw new ConfigError(setting, 'must be "on" or "development"');
        out.auth = raw;
        break;
      case 'oidc':
        out.oidc = raw === null ? null : oidcSetting(setting, raw);
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
      case 'auditSigningKey':
        if (raw !== null && (typeof raw !== 'string' || raw === '')) throw new ConfigError(setting, 'must be PEM text, a PEM file path, or null');
        out.auditSigningKey = raw;
        break;
      case 'auditHeadIntervalMs':
        out.auditHeadIntervalMs = integer(setting, raw, 1000, 7 * 86_400_000);
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
      case 'artifactDir':
        if (raw !== null && (typeof raw !== 'string' || raw === '')) throw new ConfigError(setting, 'must be a directory path or null');
        out[key] = raw;
        break;
      case 'encryption':
        out.encryption = raw === null ? null : keyRingSetting(setting, raw);
        break;
      case 'trustedSigningKeys':
        out.trustedSigningKeys = stringList(setting, raw);
        break;
      case 'artifactBodyLimitBytes':
        out.artifactBodyLimitBytes = integer(setting, raw, 1024, Number.MAX_SAFE_INTEGER);
        break;
      case 'tlsCert':
      case 'tlsKey':
        if (raw !== null && (typeof raw !== 'string' || raw === '')) throw new ConfigError(setting, 'must be a non-empty string or null');
        out[key] = raw;
        break;
      case 'metricsHost':
        if (typeof raw !== 'string' || raw === '') throw new ConfigError(setting, 'must be a non-empty string');
        out.metricsHost = raw;
        break;
      case 'metricsPort':
        out.metricsPort = raw === null ? null : integer(setting, raw, 0, 65535);
        break;
      case 'rateLimitPerMinute':
      case 'ingestRateLimitPerMinute':
      case 'ipRateLimitPerMinute':
      case 'minBodyBytesPerSecond':
        out[key] = integer(setting, raw, 0, 1_000_000_000);
        break;
      case 'headersTimeoutMs':
      case 'slowBodyGraceMs':
        out[key] = integer(setting, raw, 100, 3_600_000);
        break;
      case 'requestTimeoutMs':
      case 'keepAliveTimeoutMs':
      case 'idleTimeoutMs':
        out[key] = integer(setting, raw, 100, 86_400_000);
        break;
      case 'corsOrigins':
        out.corsOrigins = stringList(setting, raw).map((origin) => {
          if (!URL.canParse(origin) || new URL(origin).origin !== origin) throw new ConfigError(setting, `must list origins as scheme://host[:port] without a path, got ${JSON.stringify(origin)}`);
          return origin;
        });
        break;
      default:
        throw new ConfigError(setting, 'is not a known setting');
    }
  }
  return out;
}

const ENV: Readonly<Record<string, keyof ServiceConfig>> = {
  BOTHUB_HOST: 'host',
  BOTHUB_AUTH: 'auth',
  BOTHUB_OIDC: 'oidc',
  BOTHUB_PORT: 'port',
  BOTHUB_DATA_DIR: 'dataDir',
  BOTHUB_DATABASE_URL: 'databaseUrl',
  BOTHUB_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  BOTHUB_BATCH_LIMIT: 'batchLimit',
  BOTHUB_REFERENCE_BODY_LIMIT_BYTES: 'referenceBodyLimitBytes',
  BOTHUB_EVALUATION_CONCURRENCY: 'evaluationConcurrency',
  BOTHUB_EVALUATION_LEASE_MS: 'evaluationLeaseMs',
  BOTHUB_RETENTION_INTERVAL_MS: 'retentionIntervalMs',
  BOTHUB_AUDIT_SIGNING_KEY: 'auditSigningKey',
  BOTHUB_AUDIT_HEAD_INTERVAL_MS: 'auditHeadIntervalMs',
  BOTHUB_SEED: 'seed',
  BOTHUB_LOG_LEVEL: 'logLevel',
  BOTHUB_PUBLIC_URL: 'publicUrl',
  BOTHUB_DELIVERY_MAX_AGE_HOURS: 'deliveryMaxAgeHours',
  BOTHUB_ALLOW_PRIVATE_CHANNEL_HOSTS: 'allowPrivateChannelHosts',
  BOTHUB_RETRAIN_COMMANDS: 'retrainCommands',
  BOTHUB_METRICS_FEATURE_CAP: 'metricsFeatureCap',
  BOTHUB_MAX_EVENT_STREAMS: 'maxEventStreams',
  BOTHUB_DASHBOARD_DIR: 'dashboardDir',
  BOTHUB_ENCRYPTION_KEYS: 'encryption',
  BOTHUB_TRUSTED_SIGNING_KEYS: 'trustedSigningKeys',
  BOTHUB_ARTIFACT_BODY_LIMIT_BYTES: 'artifactBodyLimitBytes',
  BOTHUB_ARTIFACT_DIR: 'artifactDir',
  BOTHUB_TLS_CERT: 'tlsCert',
  BOTHUB_TLS_KEY: 'tlsKey',
  BOTHUB_RATE_LIMIT_PER_MINUTE: 'rateLimitPerMinute',
  BOTHUB_INGEST_RATE_LIMIT_PER_MINUTE: 'ingestRateLimitPerMinute',
  BOTHUB_IP_RATE_LIMIT_PER_MINUTE: 'ipRateLimitPerMinute',
  BOTHUB_HEADERS_TIMEOUT_MS: 'headersTimeoutMs',
  BOTHUB_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  BOTHUB_KEEP_ALIVE_TIMEOUT_MS: 'keepAliveTimeoutMs',
  BOTHUB_IDLE_TIMEOUT_MS: 'idleTimeoutMs',
  BOTHUB_MIN_BODY_BYTES_PER_SECOND: 'minBodyBytesPerSecond',
  BOTHUB_SLOW_BODY_GRACE_MS: 'slowBodyGraceMs',
  BOTHUB_CORS_ORIGINS: 'corsOrigins',
  BOTHUB_METRICS_PORT: 'metricsPort',
  BOTHUB_METRICS_HOST: 'metricsHost',
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
  return checkTransport(Object.freeze({ ...DEFAULT_CONFIG, ...fromFile, ...validate(fromEnv, 'environment'), ...validate(flags, 'flag') }));
}

/** Rules between transport settings, checked once every source is merged. */
function checkTransport(config: ServiceConfig): ServiceConfig {
  if ((config.tlsCert === null) !== (config.tlsKey === null)) throw new ConfigError('tlsCert and tlsKey', 'must be given together');
  // Node refuses a request timeout that does not exceed the headers timeout.
  if (config.requestTimeoutMs <= config.headersTimeoutMs) throw new ConfigError('requestTimeoutMs', `must exceed headersTimeoutMs (${config.headersTimeoutMs})`);
  return config;
}
