/**
 * Runs `bothub serve` for the service benchmarks in its own process (so the load generator does not share its event
 * loop) and prints its URL on stdout; reports peak memory on exit (with bench/peak-memory-preload.cjs).
 * Arguments: a data directory, or a PostgreSQL URL; optionally more settings as a JSON object (e.g. alerting's).
 */
import { loadConfig, startService } from '../packages/server/src/index.js';

const target = process.argv[2] ?? '';
const settings = JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>;
const config = loadConfig({ ...(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target }), port: 0, logLevel: 'warn', ...settings }, {});
const service = await startService(config);
console.log(`URL ${service.url}`);
process.on('SIGTERM', () => {
  void service.close().then(() => process.exit(0));
});
