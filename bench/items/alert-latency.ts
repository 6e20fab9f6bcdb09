/**
 * Alerting through the real service (a child process on SQLite) to a real webhook receiver on loopback:
 * - latency: from the answer to the batch that closes a drifting window to the signed webhook request arriving at the
 *   receiver (windows of 1,000 records, 20 features, every default monitor; drifting and calm windows alternate, so
 *   every drifting window opens a new alert). Target: p99 < 2 s.
 * - outage: the receiver is down for BOTHUB_BENCH_OUTAGE_SECONDS (default 600) while alerts fire and resolve; once it
 *   is back, every notification arrives, each once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notification } from '../../packages/core/src/index.js';
import { createRandom, sampleStandardNormal } from '../../packages/stats/src/random.js';
import { startHttpReceiver, startHttpReceiverOn } from '../../packages/server/src/testing/start-http-receiver.js';
import type { HttpReceiver } from '../../packages/server/src/testing/start-http-receiver.js';
import type { BenchItem } from '../bench-item.js';
import { startServiceProcess, stopServiceProcess } from '../ingest-load.js';

const WINDOWS = Number(process.env.BOTHUB_BENCH_ALERT_WINDOWS ?? 200);
const OUTAGE_SECONDS = Number(process.env.BOTHUB_BENCH_OUTAGE_SECONDS ?? 600);
const OUTAGE_WINDOWS = 20;
const WINDOW_SIZE = 1000;
const FEATURES = 20;
/** Window i's records are stamped in minute i: a notification's evidence.time (the window's end) names its window. */
const BASE_TIME = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
/** Longest a notification may take before the bench counts it missing and moves on. */
const NOTIFICATION_WAIT_MS = 10_000;
/** After the outage: the longest backoff (300 s, full jitter) plus a margin. */
const RECOVERY_WAIT_MS = 360_000;
const SECRET = 'bench-signing-secret-0123';

async function post(url: string, body: unknown): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

function makeRecords(rng: ReturnType<typeof createRandom>, prefix: string, window: number, drifted: boolean): object[] {
  return Array.from({ length: WINDOW_SIZE }, (_, i) => {
    const features: Record<string, number | string> = {};
    for (let f = 0; f < FEATURES; f++) {
      // A drifting window moves the first feature by 3 standard deviations.
      features[f < 15 ? `num_${f}` : `cat_${f}`] = f < 15 ? Math.round((sampleStandardNormal(rng) + (drifted && f === 0 ? 3 : 0)) * 1e4) / 1e4 : `level_${rng.nextInt(8)}`;
    }
    const score = Math.round(rng.nextFloat() * 1e4) / 1e4;
    return { id: `${prefix}-${window}-${i}`, timestamp: BASE_TIME + window * MINUTE + Math.min(i, MINUTE - 1), features, prediction: score >= 0.5, score };
  });
}

/** Model (windows of 1,000, 20 features) with a reference, a webhook channel to the receiver and a rule on the first feature's drift; returns the rule's id. */
async function setUp(url: string, receiverOrigin: string, rng: ReturnType<typeof createRandom>): Promise<string> {
  const features = Array.from({ length: FEATURES }, (_, i) => (i < 15 ? { name: `num_${i}`, type: 'numerical' } : { name: `cat_${i}`, type: 'categorical' }));
  await post(`${url}/api/v1/models`, { name: 'bench', task: 'binary_classification', features, prediction: { type: 'boolean' }, score: true, window: { kind: 'count', size: WINDOW_SIZE } });
  await post(`${url}/api/v1/models/bench/versions`, { version: '1', aliases: ['production'] });
  await post(`${url}/api/v1/models/bench/versions/1/reference`, { records: makeRecords(rng, 'ref', 0, false).concat(makeRecords(rng, 'ref', 1, false)) });
  await post(`${url}/api/v1/channels`, { name: 'bench', kind: 'webhook', severities: ['info'], url: `${receiverOrigin}/hook`, secret: SECRET, rateLimitPerMinute: 1000 });
  // Every drifting window opens a new alert: resolved after one calm window, no cooldown. The effect size (W₁ / reference
  // std) is about 3 for the 3 sd shift and about 0.05 for a calm window of 1,000.
  const rule = await post(`${url}/api/v1/alert-rules`, {
    name: 'First feature drift',
    model: 'bench',
    metric: 'drift.effect_size',
    feature: 'num_0',
    condition: { kind: 'threshold', direction: 'above', value: 1 },
    severity: 'critical',
    channels: ['bench'],
    autoResolveWindows: 1,
    cooldownMinutes: 0,
    renotifyMinutes: 0,
  });
  return ((await rule.json()) as { id: string }).id;
}

function notifications(receiver: HttpReceiver): (Notification & { at: number })[] {
  return receiver.requests.map((r) => ({ ...(JSON.parse(r.body) as Notification), at: r.at }));
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return condition();
}

async function withService<T>(receiverOrigin: string, run: (url: string, ruleId: string) => Promise<T>): Promise<T & { peakMemoryMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bothub-bench-alerts-'));
  const { url, child, stderr } = await startServiceProcess(dir, { allowPrivateChannelHosts: ['127.0.0.1'] });
  try {
    const ruleId = await setUp(url, receiverOrigin, createRandom(3));
    const result = await run(url, ruleId);
    return { ...result, peakMemoryMb: await stopServiceProcess(child, stderr) };
  } finally {
    if (!child.killed) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const latency: BenchItem = {
  name: `Drifting window closed → webhook received, SQLite, windows of 1,000, 20 features, all default monitors, ${WINDOWS} windows`,
  targets: {},
  repeats: 1,
  warmUp: false,
  makeData: () => ({}),
  ours: async () => {
    const receiver = await startHttpReceiver();
    try {
      return await withService(receiver.origin, async (url) => {
        const rng = createRandom(11);
        const latencies: number[] = [];
        let missing = 0;
        for (let w = 0; w < WINDOWS; w++) {
          const drifted = w % 2 === 1;
          const body = { records: makeRecords(rng, 'live', w, drifted) };
          const before = receiver.requests.length;
          await post(`${url}/api/v1/models/bench/predictions`, body);
          const answered = performance.now();
          // Each window changes the alert (a drifting one fires, the calm one after it resolves): wait for that request.
          if (w === 0) continue;
          if (!(await until(() => receiver.requests.length > before, NOTIFICATION_WAIT_MS))) {
            missing++;
            continue;
          }
          const notification = notifications(receiver)[before]!;
          const window = Math.floor((notification.alert.evidence.time - BASE_TIME) / MINUTE);
          if (drifted && notification.event === 'firing' && window === w) latencies.push(notification.at - answered);
        }
        const all = notifications(receiver);
        const keys = new Set(all.map((n) => n.idempotencyKey));
        const firings = all.filter((n) => n.event === 'firing').length;
        latencies.sort((a, b) => a - b);
        const [p50, p99, max] = [quantile(latencies, 0.5), quantile(latencies, 0.99), latencies.at(-1) ?? Number.NaN];
        console.log(`  ${latencies.length} firing windows: batch answer → webhook received p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms; ${all.length} requests, ${missing} missing`);
        return {
          checks: [
            { label: 'p99 < 2 s', ok: p99 < 2000 },
            { label: 'every drifting window notified once', ok: firings === Math.floor(WINDOWS / 2) && latencies.length === firings && missing === 0 },
            { label: 'no notification twice', ok: keys.size === all.length },
          ],
        };
      });
    } finally {
      await receiver.close();
    }
  },
};

const outage: BenchItem = {
  name: `Webhook receiver down for ${OUTAGE_SECONDS} s while ${OUTAGE_WINDOWS / 2} alerts fire and resolve, then back: every notification delivered, each once`,
  targets: {},
  repeats: 1,
  warmUp: false,
  makeData: () => ({}),
  ours: async () => {
    const first = await startHttpReceiver();
    const port = first.port;
    await first.close();
    let back: HttpReceiver | undefined;
    try {
      return await withService(`http://127.0.0.1:${port}`, async (url, ruleId) => {
        const rng = createRandom(13);
        const down = performance.now();
        for (let w = 0; w < OUTAGE_WINDOWS; w++) await post(`${url}/api/v1/models/bench/predictions`, { records: makeRecords(rng, 'outage', w, w % 2 === 0) });
        const expected = async (): Promise<number> => {
          const { alerts } = (await (await fetch(`${url}/api/v1/alerts?rule=${ruleId}&limit=500`)).json()) as { alerts: { status: string }[] };
          return alerts.length + alerts.filter((a) => a.status === 'resolved').length;
        };
        // Every alert has fired and resolved (the notifications wait in the queue).
        await until(async () => (await expected()) >= OUTAGE_WINDOWS, 60_000);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_SECONDS * 1000 - (performance.now() - down))));
        back = await startHttpReceiverOn(port);
        const receiver = back;
        const total = await expected();
        const upAt = performance.now();
        const delivered = await until(() => receiver.requests.length >= total, RECOVERY_WAIT_MS);
        // A moment more: a repeat would show up now.
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const all = notifications(receiver);
        const keys = new Set(all.map((n) => n.idempotencyKey));
        console.log(`  ${total} notifications queued during the outage; ${all.length} received (${keys.size} distinct) within ${((performance.now() - upAt) / 1000).toFixed(0)} s of the receiver coming back`);
        return {
          checks: [
            { label: 'every notification delivered after the outage', ok: delivered && keys.size === total && total === OUTAGE_WINDOWS },
            { label: 'each once', ok: all.length === keys.size },
          ],
        };
      });
    } finally {
      await back?.close();
    }
  },
};

export const items: BenchItem[] = [latency, outage];
