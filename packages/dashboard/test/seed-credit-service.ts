/**
 * A running service with data for the dashboard's browser test and its screenshots: the credit model of
 * examples/data (count windows of 500), its reference, 1,000 predictions like the reference then 2,000 drifted ones
 * (examples/data/credit-current.csv), their labels, every window evaluated and the default rules' alerts fired.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadConfig, startService } from '../../server/src/index.js';
import type { RunningService } from '../../server/src/index.js';

type Row = Record<string, string>;
const WINDOW = 500;
const DATA = fileURLToPath(new URL('../../../examples/data/', import.meta.url));

const readCsv = (name: string): Row[] => parse<Row>(readFileSync(join(DATA, name)), { columns: true, skip_empty_lines: true });
const toRecord = (row: Row, id: string, timestamp: number) => ({
  id,
  timestamp: new Date(timestamp).toISOString(),
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

export interface SeededService {
  readonly service: RunningService;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * @example
 * const seeded = await startSeededService(distDir);
 * // open `${seeded.url}/` in a browser
 * await seeded.close();
 */
export async function startSeededService(dashboardDir: string): Promise<SeededService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bothub-dashboard-'));
  const service = await startService(loadConfig({ host: '127.0.0.1', port: 0, dataDir, logLevel: 'warn', dashboardDir, auth: 'development' }, {}));
  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${service.url}/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json: unknown = response.status === 204 ? null : await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    await api('POST', '/models', {
      name: 'credit',
      task: 'binary_classification',
      description: 'Credit default: will the applicant repay?',
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
      // The MMD permutation test is most of a window's evaluation time and adds nothing the page tests look at.
      monitors: { multivariateDrift: false },
    });
    await api('POST', '/models/credit/versions', { version: '1', aliases: ['production'] });
    const reference = readCsv('credit-reference.csv');
    const current = readCsv('credit-current.csv');
    await api('POST', '/models/credit/versions/1/reference', {
      records: reference.slice(0, 1000).map((row, i) => ({ ...toRecord(row, `ref-${i}`, Date.now()), label: row.repaid === '1' })),
    });
    const traffic = [...reference.slice(1000, 2000), ...current];
    // One record a minute, ending now: the windows spread over the last hours, as live traffic would.
    const start = Date.now() - traffic.length * 60_000;
    for (let from = 0; from < traffic.length; from += 250) {
      await api('POST', '/models/credit/predictions', { records: traffic.slice(from, from + 250).map((row, i) => toRecord(row, `p-${from + i}`, start + (from + i) * 60_000)) });
    }
    await api('POST', '/models/credit/labels', { labels: traffic.map((row, i) => ({ id: `p-${i}`, label: row.repaid === '1' })) });
    for (let attempt = 0; attempt < 200; attempt++) {
      await service.evaluator.runOnce();
      const page = (await api('GET', '/models/credit/windows?limit=100')) as { windows: { status: string; segment: string | null; labelled: number }[] };
      const all = page.windows.filter((w) => w.segment === null);
      const alerts = (await api('GET', '/alerts?model=credit')) as { alerts: unknown[] };
      if (all.length === traffic.length / WINDOW && all.every((w) => w.status === 'evaluated' && w.labelled > 0) && alerts.alerts.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    service,
    url: service.url,
    close: async () => {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
