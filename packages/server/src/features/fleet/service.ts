/**
 * The fleet view: every model of a project (or of all) at a glance — health, traffic, label coverage and open alerts —
 * worst first, for the dashboard's landing page.
 */
import type { Model } from '@bothub/core';
import type { Store } from '../../storage/store.js';
import { STATUS_SEVERITY, summarizeHealth } from '../query/index.js';
import type { MetricStatus } from '../query/index.js';

export interface FleetDeps {
  readonly store: Store;
  /** Epoch milliseconds: "the last hour" ends now. */
  readonly clock: () => number;
}

export interface FleetEntry {
  readonly name: string;
  readonly project: string;
  readonly task: Model['task'];
  /** The version the `production` alias points at; null when none. */
  readonly production: string | null;
  /** The worst status of the model's monitors. */
  readonly status: MetricStatus;
  readonly monitors: { readonly monitor: string; readonly status: MetricStatus; readonly updatedAt: number }[];
  readonly traffic: {
    /** Records whose timestamp lies in the last hour. */
    readonly lastHour: number;
    /** Records whose timestamp lies in the last 24 hours. */
    readonly lastDay: number;
    /** Epoch ms the model last received a record; null before any. */
    readonly lastRecordAt: number | null;
  };
  /** The share of the newest evaluated window's records that have a label; null before any. */
  readonly labelCoverage: number | null;
  /** Alerts firing or acknowledged. */
  readonly openAlerts: number;
}

export interface FleetService {
  fleet(project?: string): Promise<FleetEntry[]>;
}

const HOUR_MS = 3_600_000;
const ALERT_PAGE = 500;
const OPEN_STATUSES = ['firing', 'acknowledged'] as const;

/** Counts a model's open alerts by paging the alert list: a model has at most one open alert per rule and series. */
async function countOpenAlerts(store: Store, modelId: string): Promise<number> {
  let count = 0;
  for (const status of OPEN_STATUSES) {
    let before: string | undefined;
    do {
      const page = await store.alerts.listAlerts({ modelId, status, limit: ALERT_PAGE, ...(before === undefined ? {} : { before }) });
      count += page.alerts.length;
      before = page.next ?? undefined;
    } while (before !== undefined);
  }
  return count;
}

/**
 * @example
 * const fleet = createFleetService({ store, clock: Date.now });
 * for (const entry of await fleet.fleet('default')) console.log(entry.name, entry.status, entry.traffic.lastHour);
 */
export function createFleetService(deps: FleetDeps): FleetService {
  const { store } = deps;

  async function entryOf(model: Model, now: number): Promise<FleetEntry> {
    const [points, production, lastHour, lastDay, lastRecordAt, openAlerts] = await Promise.all([
      store.latestMetrics(model.id),
      store.resolveAlias(model.id, 'production'),
      store.countRecordsSince(model.id, now - HOUR_MS),
      store.countRecordsSince(model.id, now - 24 * HOUR_MS),
      store.lastRecordAt(model.id),
      countOpenAlerts(store, model.id),
    ]);
    const health = summarizeHealth(model.name, points);
    const coverage = points.find((point) => point.metric === 'label.coverage' && point.feature === null);
    return {
      name: model.name,
      project: model.project,
      task: model.task,
      production: production?.version ?? null,
      status: health.status,
      monitors: health.monitors.map(({ monitor, status, updatedAt }) => ({ monitor, status, updatedAt })),
      traffic: { lastHour, lastDay, lastRecordAt },
      labelCoverage: coverage?.value ?? null,
      openAlerts,
    };
  }

  return {
    async fleet(project) {
      const now = deps.clock();
      const entries = await Promise.all((await store.listModels(project)).map((model) => entryOf(model, now)));
      return entries.sort((a, b) => STATUS_SEVERITY[b.status] - STATUS_SEVERITY[a.status] || a.name.localeCompare(b.name) || a.project.localeCompare(b.project));
    },
  };
}
