/**
 * The transport settings createApp takes, and how the composition root derives them from the configuration.
 */
import { readFile } from 'node:fs/promises';
import type { ServiceConfig } from '../config.js';
import type { ServerTimeouts, TlsFiles } from './create-fastify-server.js';
import type { RateLimits } from './rate-limits.js';
import type { SlowBodyRule } from './slow-body-guard.js';

/** TLS, timeouts, rate limits, the slow-body rule, CORS and where /metrics is served; each part absent is off or at its default. */
export interface TransportSettings {
  /** Absent: plain HTTP. */
  readonly tls?: TlsFiles;
  /** Absent: DEFAULT_SERVER_TIMEOUTS. */
  readonly timeouts?: ServerTimeouts;
  /** Absent: no rule. */
  readonly slowBody?: SlowBodyRule;
  /** Absent: no limits. */
  readonly rateLimits?: RateLimits;
  /** Browser origins allowed across origins; absent or empty: none. */
  readonly corsOrigins?: readonly string[];
  /** Origins the dashboard may fetch from besides its own (Content-Security-Policy connect-src). */
  readonly connectSources?: readonly string[];
  /** false when a listener of its own serves /metrics (then this app answers 404 there); default true, behind authentication. */
  readonly metricsOnMainListener?: boolean;
}

async function readPem(setting: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`configuration: ${setting} ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The settings of `config`, with the TLS certificate and key read from their files.
 *
 * @example
 * const transport = await readTransportSettings(loadConfig({ tlsCert: 'cert.pem', tlsKey: 'key.pem' }));
 */
export async function readTransportSettings(config: ServiceConfig): Promise<TransportSettings> {
  const tls = config.tlsCert === null || config.tlsKey === null ? undefined : { cert: await readPem('tlsCert', config.tlsCert), key: await readPem('tlsKey', config.tlsKey) };
  return {
    ...(tls === undefined ? {} : { tls }),
    timeouts: { headersTimeoutMs: config.headersTimeoutMs, requestTimeoutMs: config.requestTimeoutMs, keepAliveTimeoutMs: config.keepAliveTimeoutMs, idleTimeoutMs: config.idleTimeoutMs },
    slowBody: { minBytesPerSecond: config.minBodyBytesPerSecond, graceMs: config.slowBodyGraceMs },
    rateLimits: { perMinute: config.rateLimitPerMinute, ingestPerMinute: config.ingestRateLimitPerMinute, ipPerMinute: config.ipRateLimitPerMinute },
    corsOrigins: config.corsOrigins,
    metricsOnMainListener: config.metricsPort === null,
  };
}
