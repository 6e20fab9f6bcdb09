/**
 * Where the installed @bothub/dashboard package keeps its build, for the service to serve at `/`. The server never
 * imports the dashboard; the command line finds it and passes the directory on.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The dashboard's build directory (`dist` beside its package.json; it may not be built yet), or null when the package
 * is not installed.
 *
 * @example
 * const dashboardDir = installedDashboardDir(); // '/…/node_modules/@bothub/dashboard/dist'
 */
export function installedDashboardDir(): string | null {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@bothub/dashboard/package.json')), 'dist');
  } catch {
    return null;
  }
}
