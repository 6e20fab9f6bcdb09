/**
 * The monitoring service end to end, with one command: `npm run example:service`.
 * Starts `bothub serve` in-process on a free port with a temporary SQLite directory, registers the credit model,
 * uploads its reference, streams 4,000 predictions — 2,000 like the reference, then 2,000 with the drift of
 * examples/data/credit-current.csv — sends the labels late, and reads the metric history back over the REST API.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadConfig, startService } from '../packages/server/src/index.js';

type Row = Record<string, string>;
const WINDOW = 500;

const readCsv = (name: string): Row[] => parse<Row>(readFileSync(join(import.meta.dirname, 'data', name)), { columns: true, skip_empty_lines: true });
const toRecord = (row: Row, id: string) => ({
  id,
  features: {
    age: Number(row.age),
    income: Number(row.income),
    credit_score: Number(row.credit_score),
    loan_amount: Number(row.loan_amount),
    employment: row.employment,
    region: row.region,
    gender: row.gender,
  },
  prediction: Number(row.score) >= 0.5,
  score: Number(row.score),
});

const dataDir = mkdtempSync(join(tmpdir(), 'bothub-example-'));
const service = await startService(loadConfig({ port: 0, dataDir, logLevel: 'warn' }, {}));
const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${service.url}/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

try {
  console.log(`Service on ${service.url} (SQLite in a temporary directory)`);
  await api('POST', '/models', {
    name: 'credit',
    task: 'binary_classification',
    features: [
      { name: 'age', type: 'numerical', range: { min: 18, max: 80 } },
      { name: 'income', type: 'numerical' },
      { name: 'credit_score', type: 'numerical', range: { min: 300, max: 850 } },
      { name: 'loan_amount', type: 'numerical' },
      { name: 'employment', type: 'categorical' },
      { name: 'region', type: 'categorical' },
      { name: 'gender', type: 'categorical' },
    ],
    prediction: { type: 'boolean' },
    label: { type: 'boolean' },
    score: true,
    protected: { field: 'gender', privileged: 'male' },
    window: { kind: 'count', size: WINDOW },
  });
  await api('POST', '/models/credit/versions', { version: '1', aliases: ['production'] });
  const reference = readCsv('credit-reference.csv');
  const current = readCsv('credit-current.csv');
  await api('POST', '/models/credit/versions/1/reference', {
    records: reference.slice(0, 1000).map((row, i) => ({ ...toRecord(row, `ref-${i}`), label: row.repaid === '1' })),
  });
  console.log('Registered model "credit" version 1 (alias production) and uploaded 1,000 reference rows.');

  // Traffic: first like the reference, then drifted (lower incomes, more applicants from the west, a noisier model).
  const traffic = [...reference.slice(1000, 3000), ...current];
  for (let start = 0; start < traffic.length; start += 250) {
    const batch = traffic.slice(start, start + 250).map((row, i) => toRecord(row, `p-${start + i}`));
    await api('POST', '/models/credit/predictions', { records: batch });
  }
  // Ground truth arrives later, by id.
  await api('POST', '/models/credit/labels', { labels: traffic.map((row, i) => ({ id: `p-${i}`, label: row.repaid === '1' })) });
  console.log(`Sent ${traffic.length} predictions in batches of 250, then their labels.`);

  // Evaluation runs off the request path; wait until every window has been evaluated (with its labels).
  for (let attempt = 0; attempt < 100; attempt++) {
    await service.evaluator.runOnce();
    const page = (await api('GET', '/models/credit/windows?limit=50')) as { windows: { status: string; segment: string | null }[] };
    const all = page.windows.filter((w) => w.segment === null);
    if (all.length === traffic.length / WINDOW && all.every((w) => w.status === 'evaluated')) break;
  }

  const series = async (metric: string, feature?: string): Promise<{ time: number; value: number | null; status: string }[]> => {
    const query = new URLSearchParams({ metric, ...(feature ? { feature } : {}) });
    return ((await api('GET', `/models/credit/metrics?${query.toString()}`)) as { points: { time: number; value: number | null; status: string }[] }).points;
  };
  const income = await series('drift.statistic', 'income');
  const share = await series('drift.share');
  const auc = await series('performance.rocAuc');
  console.log(`\nWindows of ${WINDOW} records (all segments):`);
  console.table(
    income.map((p, i) => ({
      window: i + 1,
      'income drift (CvM)': p.value?.toFixed(2) ?? '—',
      'income status': p.status,
      'drifted share': share[i]?.value?.toFixed(2) ?? '—',
      'ROC AUC': auc[i]?.value?.toFixed(3) ?? '—',
    })),
  );
  const health = (await api('GET', '/models/credit/health')) as Record<string, unknown>;
  console.log('\nHealth now:', JSON.stringify(health, null, 1).slice(0, 800));
} finally {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
}
