/**
 * /metrics scraped by a real Prometheus server (Debian's `prometheus`): the service runs as main.ts starts it (SQLite
 * in a temporary directory, the window job in its worker pool), a drifted window is evaluated by the real monitors,
 * and the drift gauge Prometheus stored equals what the REST API answers. The dashboard's expressions and the
 * example alert rules (deploy/prometheus/bothub-alerts.yml) are run by the same server.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { startService } from '../../main.js';
import type { RunningService } from '../../main.js';
import { findOnPath } from '../../testing/find-on-path.js';
import { pollUntil } from '../../testing/poll-until.js';
import { startPrometheus } from '../../testing/start-prometheus.js';
import type { RunningPrometheus } from '../../testing/start-prometheus.js';

const binary = findOnPath('prometheus');
const inCi = process.env.CI === 'true';
const DEADLINE_MS = 60_000;
const MODEL = {
  name: 'churn',
  task: 'regression',
  features: [
    { name: 'age', type: 'numerical' },
    { name: 'plan', type: 'categorical', categories: ['basic', 'pro'] },
  ],
  prediction: { type: 'numerical' },
  window: { kind: 'count', size: 200 },
};

const row = (i: number, shift: number): { features: { age: number; plan: string }; prediction: number } => ({ features: { age: 20 + ((i * 7) % 40) + shift, plan: i % 3 === 0 ? 'pro' : 'basic' }, prediction: i % 2 });

let dir: string;
let service: RunningService | undefined;
let prometheus: RunningPrometheus | undefined;

/** The REST API, over TCP like any client. */
async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${service!.url}/api/v1${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

// On a laptop without the binary the suite is skipped; in CI a missing binary is a failure (.ci/run installs it).
const title = 'Prometheus scraping /metrics';
describe.skipIf(binary === null && !inCi)(binary === null ? `${title} (skipped: no prometheus on PATH; apt-get install prometheus)` : title, () => {
  beforeAll(async () => {
    if (binary === null) throw new Error('prometheus is not on PATH: CI installs Debian\'s prometheus package in .ci/run');
    dir = await mkdtemp(join(tmpdir(), 'bothub-prometheus-e2e-'));
    service = await startService(loadConfig({ port: 0, dataDir: dir, logLevel: 'silent', auth: 'development' }, {}));
    prometheus = await startPrometheus(binary, new URL(service.url).host, { ruleFiles: [fileURLToPath(new URL('../../../../../deploy/prometheus/bothub-alerts.yml', import.meta.url))] });
  }, DEADLINE_MS);

  afterAll(async () => {
    await prometheus?.close();
    await service?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores the drift gauge of an evaluated window with the value the REST API answers', async () => {
    await api('POST', '/models', MODEL);
    await api('POST', '/models/churn/versions', { version: '1', aliases: ['production'] });
    await api('POST', '/models/churn/versions/1/reference', { records: Array.from({ length: 400 }, (_, i) => row(i, 0)) });
    await api('POST', '/models/churn/predictions', { records: Array.from({ length: 200 }, (_, i) => ({ id: `drift-${i}`, ...row(i, 40) })) });

    type Points = { points: { value: number | null; status: string }[] };
    const point = await pollUntil('window evaluated', DEADLINE_MS, async () => (await api<Points>('GET', '/models/churn/metrics?metric=drift.statistic&feature=age')).points.at(-1));
    expect(point.status).toBe('warning');
    expect(point.value).not.toBeNull();

    const [sample] = await pollUntil('drift gauge scraped', DEADLINE_MS, async () => {
      const samples = await prometheus!.query('bothub_feature_drift_statistic{project="default",model="churn",version="1",feature="age"}');
      return samples.length > 0 ? samples : undefined;
    });
    expect(Number(sample!.value[1])).toBe(point.value);
    expect(sample!.metric).toMatchObject({ job: 'bothub', project: 'default', model: 'churn', version: '1', feature: 'age' });

    const [share] = await prometheus!.query('bothub_dataset_drift_share{model="churn"}');
    const { points: shares } = await api<Points>('GET', '/models/churn/metrics?metric=drift.share');
    expect(Number(share!.value[1])).toBe(shares.at(-1)!.value);
    const [evaluations] = await prometheus!.query('bothub_window_evaluations_total{outcome="evaluated"}');
    expect(Number(evaluations!.value[1])).toBe(1);
    const [accepted] = await prometheus!.query('bothub_ingested_records_total{model="churn",kind="prediction",outcome="accepted"}');
    expect(Number(accepted!.value[1])).toBe(200);
  }, DEADLINE_MS * 2);

  it('runs every dashboard expression through Prometheus\'s PromQL engine', async () => {
    const dashboard = JSON.parse(await readFile(new URL('../../../../../deploy/grafana/bothub-dashboard.json', import.meta.url), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
    for (const expr of exprs) {
      const promql = expr.replaceAll('$__rate_interval', '1m').replaceAll('$project', 'default').replaceAll('$model', 'churn').replaceAll('$version', '.*');
      await expect(prometheus!.query(promql), promql).resolves.toBeInstanceOf(Array);
    }
    // The dataset drifted as a whole (drift.dataset critical): the drift monitor's status is 2.
    const { points: dataset } = await api<{ points: { status: string }[] }>('GET', '/models/churn/metrics?metric=drift.dataset');
    expect(dataset.at(-1)?.status).toBe('critical');
    const [status] = await prometheus!.query('max by (monitor) (bothub_monitor_status{project="default",model="churn",monitor="drift"})');
    expect(status?.value[1]).toBe('2');
  });

  it('evaluates the example alert rules: the drift alert goes pending', async () => {
    const [alert] = await pollUntil('drift alert pending', DEADLINE_MS, async () => {
      const samples = await prometheus!.query('ALERTS{alertname="BothubDatasetDrift"}');
      return samples.length > 0 ? samples : undefined;
    });
    expect(alert!.metric).toMatchObject({ alertstate: 'pending', project: 'default', model: 'churn', version: '1', severity: 'warning' });
    const rules = (await (await fetch(`${prometheus!.url}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] } };
    const health = rules.data.groups.flatMap((group) => group.rules.map((rule) => [rule.name, rule.health, rule.lastError ?? '']));
    expect(health).toHaveLength(4);
    expect(health).toEqual(health.map(([name]) => [name, 'ok', '']));
  });
});
