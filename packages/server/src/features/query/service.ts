/**
 * Reads of the monitoring results: windows, the metric history and the current health of each monitor.
 */
import type { METRIC_STATUSES, MetricPoint, Model, Window } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import type { Store, WindowPage } from '../../storage/store.js';

export interface QueryDeps {
  readonly store: Store;
  /** Resolves a version name or alias to the version's id, or throws `version_not_found`. */
  readonly resolveVersion: (model: Model, versionOrAlias: string) => Promise<{ id: string }>;
}

type MetricStatus = (typeof METRIC_STATUSES)[number];

export interface MetricsFilter {
  readonly metric?: string;
  readonly feature?: string;
  /** Absent: the all-segments series; `*`: every segment; else one segment. */
  readonly segment?: string;
  readonly version?: string;
  /** Epoch milliseconds or ISO 8601. */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

/** The current state of one monitor (a metric family: drift, quality, performance, anomaly, fairness, label …). */
export interface MonitorHealth {
  readonly monitor: string;
  /** The worst status of the family's newest points. */
  readonly status: MetricStatus;
  /** Epoch ms of the newest point. */
  readonly updatedAt: number;
  readonly counts: Record<MetricStatus, number>;
  /** The newest points at warning or critical. */
  readonly alerts: MetricPoint[];
}

export interface ModelHealth {
  readonly model: string;
  readonly status: MetricStatus;
  readonly monitors: MonitorHealth[];
}

export interface QueryService {
  listWindows(model: Model, options: { limit: number; before?: string }): Promise<WindowPage>;
  getWindow(model: Model, windowId: string): Promise<{ window: Window; results: unknown; points: MetricPoint[] }>;
  queryMetrics(model: Model, filter: MetricsFilter): Promise<MetricPoint[]>;
  health(model: Model): Promise<ModelHealth>;
}

/** Ranks statuses for "worst of": no data is the least news, critical the most. */
const SEVERITY: Record<MetricStatus, number> = { insufficient_data: 0, ok: 1, warning: 2, critical: 3 };
export const DEFAULT_METRICS_LIMIT = 1000;

function parseTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const time = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) throw new ApiError('validation_failed', { in: 'querystring', field, reason: 'expected epoch milliseconds or an ISO 8601 date' }, `querystring.${field}: expected epoch milliseconds or an ISO 8601 date`);
  return time;
}

/** `drift.statistic` → `drift`. */
function monitorOf(metric: string): string {
  const dot = metric.indexOf('.');
  return dot === -1 ? metric : metric.slice(0, dot);
}

/**
 * @example
 * const query = createQueryService({ store, resolveVersion: (model, name) => registry.requireVersion(model, name) });
 * const { status } = await query.health(model);
 */
export function createQueryService(deps: QueryDeps): QueryService {
  const { store } = deps;
  return {
    listWindows: (model, options) => store.listWindows(model.id, options),

    async getWindow(model, windowId) {
      const found = await store.getWindow(model.id, windowId);
      if (found === null) throw new ApiError('window_not_found', { model: model.name, window: windowId });
      return found;
    },

    async queryMetrics(model, filter) {
      const from = parseTime(filter.from, 'from');
      const to = parseTime(filter.to, 'to');
      const versionId = filter.version === undefined ? undefined : (await deps.resolveVersion(model, filter.version)).id;
      const segment = filter.segment === undefined ? null : filter.segment === '*' ? undefined : filter.segment;
      return store.queryMetrics(model.id, {
        ...(filter.metric === undefined ? {} : { metric: filter.metric }),
        ...(filter.feature === undefined ? {} : { feature: filter.feature }),
        ...(segment === undefined ? {} : { segment }),
        ...(versionId === undefined ? {} : { versionId }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        limit: filter.limit ?? DEFAULT_METRICS_LIMIT,
      });
    },

    async health(model) {
      const families = new Map<string, MetricPoint[]>();
      for (const point of await store.latestMetrics(model.id)) {
        const monitor = monitorOf(point.metric);
        const list = families.get(monitor);
        if (list === undefined) families.set(monitor, [point]);
        else list.push(point);
      }
      const monitors: MonitorHealth[] = [];
      for (const [monitor, points] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
        const counts: Record<MetricStatus, number> = { ok: 0, warning: 0, critical: 0, insufficient_data: 0 };
        let status: MetricStatus = 'insufficient_data';
        let updatedAt = -Infinity;
        for (const point of points) {
          counts[point.status]++;
          if (SEVERITY[point.status] > SEVERITY[status]) status = point.status;
          updatedAt = Math.max(updatedAt, point.time);
        }
        monitors.push({ monitor, status, updatedAt, counts, alerts: points.filter((point) => SEVERITY[point.status] >= SEVERITY.warning) });
      }
      const status = monitors.reduce<MetricStatus>((worst, entry) => (SEVERITY[entry.status] > SEVERITY[worst] ? entry.status : worst), 'insufficient_data');
      return { model: model.name, status, monitors };
    },
  };
}
