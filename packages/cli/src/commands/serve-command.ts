import { loadConfig, startService } from '@bothub/server';
import { installedDashboardDir } from '../installed-dashboard-dir.js';

export interface ServeOptions {
  host?: string;
  port?: string;
  dataDir?: string;
  databaseUrl?: string;
  config?: string;
  /** Development mode: no authentication, loopback only. */
  dev?: boolean;
  /** PEM certificate and key files: HTTPS with HTTP/2 and HTTP/1.1. */
  tlsCert?: string;
  tlsKey?: string;
  /** A separate listener for /metrics (and /healthz) without authentication. */
  metricsPort?: string;
}

/**
 * The one-time notice of the admin key created at the first start: the only time the secret is shown.
 *
 * @example
 * out(firstAdminKeyNotice('bh_…'));
 */
export function firstAdminKeyNotice(secret: string): string {
  return [
    '',
    '==================== FIRST ADMIN API KEY (shown once) ====================',
    secret,
    'An admin of every project. Only its hash is stored: save it now (e.g. in a',
    'secret manager). Send it as "Authorization: Bearer <key>"; create narrower',
    'keys with POST /api/v1/keys and revoke this one when you no longer need it.',
    '==========================================================================',
    '',
  ].join('\n');
}

/**
 * `bothub serve`: starts the monitoring service (SQLite in --data-dir, or PostgreSQL with --database-url /
 * BOTHUB_DATABASE_URL) and runs until SIGINT or SIGTERM, then shuts down cleanly.
 */
export async function serveCommand(options: ServeOptions, out: (text: string) => void): Promise<number> {
  const flags: Record<string, unknown> = {};
  if (options.host !== undefined) flags.host = options.host;
  if (options.port !== undefined) flags.port = options.port;
  if (options.dataDir !== undefined) flags.dataDir = options.dataDir;
  if (options.databaseUrl !== undefined) flags.databaseUrl = options.databaseUrl;
  if (options.dev === true) flags.auth = 'development';
  if (options.tlsCert !== undefined) flags.tlsCert = options.tlsCert;
  if (options.tlsKey !== undefined) flags.tlsKey = options.tlsKey;
  if (options.metricsPort !== undefined) flags.metricsPort = options.metricsPort;
  let config = loadConfig(flags, process.env, options.config);
  // Unless the environment or the configuration file names one, serve the installed dashboard's build.
  const dashboardDir = config.dashboardDir === null ? installedDashboardDir() : null;
  if (dashboardDir !== null) config = loadConfig({ ...flags, dashboardDir }, process.env, options.config);
  const service = await startService(config);
  out(`Bothub is listening on ${service.url} (storage: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}); dashboard at ${service.url}/, API docs at ${service.url}/docs`);
  if (config.auth === 'development') out('Development mode: authentication is OFF, every request is an admin (listening on loopback only).');
  if (service.firstAdminKey !== null) out(firstAdminKeyNotice(service.firstAdminKey));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out('Shutting down…');
  await service.close();
  return 0;
}
