/**
 * A real Prometheus server for tests: Debian's `prometheus` binary with a generated configuration that scrapes one
 * target every second, its TSDB and configuration in a temporary directory, listening on a free loopback port.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from './poll-until.js';

/** A loopback port free at the time of asking (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('freePort: no TCP address');
  return address.port;
}

/** One series of an instant query's answer. */
export interface PrometheusSample {
  readonly metric: Record<string, string>;
  readonly value: readonly [number, string];
}

export interface RunningPrometheus {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** An instant query through /api/v1/query; throws with Prometheus's error (e.g. a PromQL parse error). */
  query(promql: string): Promise<PrometheusSample[]>;
  /** What the server wrote to stdout and stderr, for a failing test's message. */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its directory. */
  close(): Promise<void>;
}

/**
 * @example
 * const prometheus = await startPrometheus('/usr/bin/prometheus', '127.0.0.1:8080');
 * const samples = await prometheus.query('up');
 * await prometheus.close();
 */
export async function startPrometheus(binary: string, target: string, options: { job?: string; timeoutMs?: number; ruleFiles?: readonly string[] } = {}): Promise<RunningPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'bothub-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  // JSON is YAML: the configuration needs no YAML writer.
  await writeFile(config, JSON.stringify({ global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' }, rule_files: options.ruleFiles ?? [], scrape_configs: [{ job_name: options.job ?? 'bothub', static_configs: [{ targets: [target] }] }] }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  async function close(): Promise<void> {
    if (running) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  }

  try {
    await pollUntil('prometheus ready', options.timeoutMs ?? 30_000, async () => {
      if (!running) throw new Error(`prometheus exited: ${output}`);
      return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
    });
  } catch (error) {
    await close();
    throw error;
  }

  return {
    url,
    async query(promql) {
      const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql }).toString()}`);
      const body = (await response.json()) as { status: string; error?: string; data?: { resultType: string; result: PrometheusSample[] } };
      if (body.status !== 'success' || !body.data) throw new Error(`query ${promql}: ${body.error ?? response.status}`);
      return body.data.resultType === 'vector' ? body.data.result : [];
    },
    output: () => output,
    close,
  };
}
