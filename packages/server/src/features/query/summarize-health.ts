/**
 * A model's health from the newest point of each of its metrics: the worst status per monitor (metric family) and
 * overall. The query service's health view and the fleet view both answer with it.
 */
import type { METRIC_STATUSES, MetricPoint } from '@bothub/core';

export type MetricStatus = (typeof METRIC_STATUSES)[number];

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

/** Ranks statuses for "worst of": no data is the least news, critical the most. */
export const STATUS_SEVERITY: Readonly<Record<MetricStatus, number>> = { insufficient_data: 0, ok: 1, warning: 2, critical: 3 };

/** `drift.statistic` → `drift`. */
function monitorOf(metric: string): string {
  const dot = metric.indexOf('.');
  return dot === -1 ? metric : metric.slice(0, dot);
}

/**
 * @example
 * const health = summarizeHealth('churn', await store.latestMetrics(model.id));
 * console.log(health.status); // 'warning'
 */
export function summarizeHealth(model: string, latestPoints: readonly MetricPoint[]): ModelHealth {
  const families = new Map<string, MetricPoint[]>();
  for (const point of latestPoints) {
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
      if (STATUS_SEVERITY[point.status] > STATUS_SEVERITY[status]) status = point.status;
      updatedAt = Math.max(updatedAt, point.time);
    }
    monitors.push({ monitor, status, updatedAt, counts, alerts: points.filter((point) => STATUS_SEVERITY[point.status] >= STATUS_SEVERITY.warning) });
  }
  const status = monitors.reduce<MetricStatus>((worst, entry) => (STATUS_SEVERITY[entry.status] > STATUS_SEVERITY[worst] ? entry.status : worst), 'insufficient_data');
  return { model, status, monitors };
}
