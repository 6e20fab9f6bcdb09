import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { createBothubClient } from '@bothub/client';
import type { BothubClient } from '@bothub/client';
import { loadConfig, startService } from '@bothub/server';
import type { RunningService } from '@bothub/server';
import { installedDashboardDir } from '../installed-dashboard-dir.js';
import { creditModelSpec, DEMO_WINDOW_SIZE } from './credit-model.js';
import type { DemoPredictionRecord } from './credit-model.js';
import { createDemoTraffic, MINUTE_MS } from './demo-traffic.js';
import { DEMO_TIMELINE } from './demo-timeline.js';
import type { DemoPhase } from './demo-timeline.js';
import { createLabelDelayQueue } from './label-delay-queue.js';

export interface DemoOptions {
  /** Directory of the embedded SQLite database. */
  readonly dataDir: string;
  /** Seed of the reference set and the traffic (default 42). */
  readonly seed?: number;
  /** Demo-minutes per wall-clock minute (default 60: one demo-hour per minute). */
  readonly speed?: number;
  readonly host?: string;
  /** 0 picks a free port (default 8080). */
  readonly port?: number | string;
  /** Stop sending after this many demo-minutes (`finished` then resolves); default: until stop(). */
  readonly durationMinutes?: number;
  /** Epoch ms of demo-minute 0 (default: 7 days ago on the hour, so timestamps stay in the past for hours). */
  readonly epoch?: number;
  /** Wall-clock ms between two status polls of the API (default 2,000). */
  readonly statusIntervalMs?: number;
  /** The dashboard build served at `/` (default: the installed @bothub/dashboard's, as `bothub serve`); null: none. */
  readonly dashboardDir?: string | null;
  /** The service's log level (default warn: the demo prints its own lines). */
  readonly logLevel?: string;
}

export interface DemoStatus {
  readonly model: string;
  readonly phase: DemoPhase['name'];
  /** Demo-minutes since the start, of the latest record sent. */
  readonly minute: number;
  readonly recordsSent: number;
  readonly labelsSent: number;
  /** Windows of all segments together evaluated so far. */
  readonly windowsEvaluated: number;
  readonly alertsFiring: number;
  readonly alertsTotal: number;
}

/** An alert seen for the first time. */
export interface DemoAlert {
  readonly id: string;
  readonly severity: string;
  readonly metric: string;
  readonly segment: string | null;
  readonly feature: string | null;
  /** The evidence's plain-language reason. */
  readonly reason: string;
}

export interface DemoEvents {
  /** A phase of DEMO_TIMELINE begins: the records sent next are its first. */
  phase: [phase: DemoPhase];
  /** A batch of predictions was accepted. */
  records: [records: readonly DemoPredictionRecord[]];
  /** A batch of late labels was accepted. */
  labels: [labels: readonly { id: string; label: boolean; timestamp: number }[]];
  alert: [alert: DemoAlert];
  status: [status: DemoStatus];
  /** Traffic stopped: the duration was reached, demo time caught up with the clock, or stop() was called. */
  end: [reason: 'duration' | 'caught-up' | 'stopped'];
}

export interface RunningDemo {
  /** The service's address, e.g. http://127.0.0.1:8080 (the dashboard is at `${url}/`). */
  readonly url: string;
  /** The demo model's name (credit-demo, or credit-demo-2 … when the data directory already holds one). */
  readonly model: string;
  readonly service: RunningService;
  status(): DemoStatus;
  on<E extends keyof DemoEvents>(event: E, listener: (...args: DemoEvents[E]) => void): () => void;
  /** Settles when the traffic stops: resolves on duration, catch-up or stop(), rejects when a request failed. */
  readonly finished: Promise<DemoEvents['end'][0]>;
  /** Stops the traffic and closes the service. */
  stop(): Promise<void>;
}

const MODEL_NAME = 'credit-demo';
const LABEL_DELAY_MINUTES = 30;
/**
 * Labels go out a whole window at a time: each all-segments count window gets its 500 labels at once, so its
 * accuracy is never measured on a handful of labelled records (which would trip the default performance rule).
 */
const LABEL_BATCH = DEMO_WINDOW_SIZE;
const TICK_MS = 200;
/** At most this many records per tick (and per request), so a high --speed cannot flood the service. */
const MAX_RECORDS_PER_TICK = 2000;
/** The service refuses timestamps more than a day ahead of its clock; stop a little before. */
const MAX_AHEAD_MS = 23 * 60 * MINUTE_MS;
const REFERENCE_SIZE = 5000;

async function freeModelName(client: BothubClient): Promise<string> {
  const { models } = await client.get('/api/v1/models');
  const taken = new Set(models.map((m) => m.name));
  let name = MODEL_NAME;
  for (let n = 2; taken.has(name); n++) name = `${MODEL_NAME}-${n}`;
  return name;
}

async function registerModel(client: BothubClient, name: string, reference: readonly unknown[]): Promise<void> {
  await client.post('/api/v1/models', { body: creditModelSpec(name) });
  await client.post('/api/v1/models/{model}/versions', { params: { path: { model: name } }, body: { version: '1', aliases: ['production'] } });
  await client.post('/api/v1/models/{model}/versions/{version}/reference', {
    params: { path: { model: name, version: '1' } },
    body: { records: [...reference] },
  });
}

/**
 * Starts the service in-process on an embedded SQLite database, registers a credit-default model with its reference,
 * and streams its traffic through the public REST API: predictions in demo time (`speed` demo-minutes per wall
 * minute), labels 30 demo-minutes late, and the phases of DEMO_TIMELINE (a feature shift at demo-minute 45,
 * performance decay at 90, recovery at 180).
 * @example
 * const demo = await startDemo({ dataDir, port: 0, speed: 600 });
 * demo.on('alert', (alert) => console.log(alert.reason));
 * await demo.stop();
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const seed = options.seed ?? 42;
  const speed = options.speed ?? 60;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`startDemo: speed must be a number above 0, got ${String(speed)}`);
  // A local demo: development mode (no keys to paste), which the service allows on a loopback host only.
  const flags: Record<string, unknown> = { dataDir: options.dataDir, logLevel: options.logLevel ?? 'warn', auth: 'development' };
  if (options.host !== undefined) flags.host = options.host;
  if (options.port !== undefined) flags.port = options.port;
  const dashboardDir = options.dashboardDir === undefined ? installedDashboardDir() : options.dashboardDir;
  if (dashboardDir !== null) flags.dashboardDir = dashboardDir;
  // Only flags: the demo runs on the embedded default, whatever BOTHUB_* variables say.
  const config = loadConfig(flags, {});
  const epoch = options.epoch ?? Math.floor((Date.now() - 7 * 24 * 60 * MINUTE_MS) / (60 * MINUTE_MS)) * 60 * MINUTE_MS;
  const traffic = createDemoTraffic({ seed, epoch, referenceSize: REFERENCE_SIZE });

  const service = await startService(config);
  const client = createBothubClient({ baseUrl: service.url });
  let model: string;
  try {
    model = await freeModelName(client);
    await registerModel(client, model, traffic.reference);
  } catch (error) {
    await service.close();
    throw error;
  }

  const events = new EventEmitter<DemoEvents>();
  const labels = createLabelDelayQueue<{ id: string; label: boolean }>();
  const abort = new AbortController();
  const seenAlerts = new Set<string>();
  let status: DemoStatus = { model, phase: DEMO_TIMELINE[0]!.name, minute: 0, recordsSent: 0, labelsSent: 0, windowsEvaluated: 0, alertsFiring: 0, alertsTotal: 0 };
  let lastPointTime = -1;
  const update = (changes: Partial<DemoStatus>): void => {
    status = { ...status, ...changes };
  };

  async function sendRecords(records: DemoPredictionRecord[]): Promise<void> {
    if (records.length === 0) return;
    const answer = await client.post('/api/v1/models/{model}/predictions', { params: { path: { model } }, body: { records } });
    const rejected = answer.results.find((r) => r.status === 'rejected');
    if (rejected) throw new Error(`the service rejected demo record ${String(rejected.id)}: ${JSON.stringify(rejected)}`);
    update({ recordsSent: status.recordsSent + records.length, minute: (records[records.length - 1]!.timestamp - epoch) / MINUTE_MS });
    events.emit('records', records);
  }

  async function sendLabels(due: { id: string; label: boolean }[], timestamp: number): Promise<void> {
    if (due.length === 0) return;
    const batch = due.map((l) => ({ ...l, timestamp }));
    await client.post('/api/v1/models/{model}/labels', { params: { path: { model } }, body: { labels: batch } });
    update({ labelsSent: status.labelsSent + batch.length });
    events.emit('labels', batch);
  }

  async function pollStatus(): Promise<void> {
    const { points } = await client.get('/api/v1/models/{model}/metrics', {
      params: { path: { model }, query: { metric: 'volume.count', from: String(lastPointTime + 1) } },
    });
    for (const p of points) lastPointTime = Math.max(lastPointTime, p.time);
    const { alerts } = await client.get('/api/v1/alerts', { params: { query: { model, limit: 100 } } });
    for (const a of [...alerts].reverse()) {
      if (seenAlerts.has(a.id)) continue;
      seenAlerts.add(a.id);
      events.emit('alert', { id: a.id, severity: a.severity, metric: a.evidence.metric, segment: a.segment, feature: a.feature, reason: a.evidence.reason });
    }
    update({
      windowsEvaluated: status.windowsEvaluated + points.length,
      alertsFiring: alerts.filter((a) => a.status === 'firing').length,
      alertsTotal: seenAlerts.size,
    });
    events.emit('status', status);
  }

  async function run(): Promise<DemoEvents['end'][0]> {
    // Let the caller attach its listeners first: the first phase starts at once.
    await nextTurn();
    let wallStart = performance.now();
    const end = options.durationMinutes === undefined ? Infinity : epoch + options.durationMinutes * MINUTE_MS;
    let phase: DemoPhase | null = null;
    let pendingLabels: { id: string; label: boolean }[] = [];
    for (;;) {
      if (abort.signal.aborted) return 'stopped';
      const target = Math.min(end, epoch + (performance.now() - wallStart) * speed);
      let batch: DemoPredictionRecord[] = [];
      while (traffic.nextTime() <= target && batch.length < MAX_RECORDS_PER_TICK) {
        const item = traffic.next();
        if (item.phase !== phase) {
          await sendRecords(batch);
          batch = [];
          phase = item.phase;
          update({ phase: phase.name });
          events.emit('phase', phase);
        }
        batch.push(item.record);
        labels.push(item.label, item.record.timestamp + LABEL_DELAY_MINUTES * MINUTE_MS);
      }
      await sendRecords(batch);
      const demoNow = Math.min(target, traffic.nextTime());
      // Behind (the tick's cap reached, the service slow to answer): demo time waits rather than racing to catch up.
      if (traffic.nextTime() <= target) wallStart = performance.now() - (demoNow - epoch) / speed;
      pendingLabels.push(...labels.takeDue(demoNow));
      const ended = traffic.nextTime() > end;
      const whole = pendingLabels.length - (pendingLabels.length % LABEL_BATCH);
      if (whole > 0) {
        await sendLabels(pendingLabels.slice(0, whole), demoNow);
        pendingLabels = pendingLabels.slice(whole);
      }
      if (ended) return 'duration';
      if (demoNow > Date.now() + MAX_AHEAD_MS) return 'caught-up';
      try {
        await sleep(TICK_MS, undefined, { signal: abort.signal });
      } catch {
        return 'stopped';
      }
    }
  }

  // The status is read from the API (as any client would) until stop(), also once the traffic has ended.
  const polling = (async () => {
    await nextTurn();
    while (!abort.signal.aborted) {
      try {
        await pollStatus();
      } catch {
        // A failed poll (the service busy or closing) is retried at the next one; the traffic reports real failures.
      }
      try {
        await sleep(options.statusIntervalMs ?? 2000, undefined, { signal: abort.signal });
      } catch {
        return;
      }
    }
  })();

  const finished = run().then((reason) => {
    events.emit('end', reason);
    return reason;
  });
  // The caller may only await stop(); a failure is still reported through `finished`.
  finished.catch(() => undefined);

  let stopping: Promise<void> | null = null;
  return {
    url: service.url,
    model,
    service,
    status: () => status,
    on(event, listener) {
      events.on(event, listener as never);
      return () => {
        events.off(event, listener as never);
      };
    },
    finished,
    stop() {
      stopping ??= (async () => {
        abort.abort();
        await finished.catch(() => undefined);
        await polling;
        await service.close();
      })();
      return stopping;
    },
  };
}
