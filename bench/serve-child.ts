/**
 * Runs `bothub serve` for the ingestion benchmark in its own process (so the load generator does not share its event
 * loop) and prints its URL on stdout; reports peak memory on exit (with bench/peak-memory-preload.cjs).
 * Arguments: a data directory, or a PostgreSQL URL.
 */
import { loadConfig, startService } from '../packages/server/src/index.js';

const target = process.argv[2] ?? '';
const config = loadConfig(target.startsWith('postgres') ? { port: 0, databaseUrl: target, logLevel: 'warn' } : { port: 0, dataDir: target, logLevel: 'warn' }, {});
const service = await startService(config);
console.log(`URL ${service.url}`);
process.on('SIGTERM', () => {
  void service.close().then(() => process.exit(0));
});
