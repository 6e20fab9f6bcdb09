/**
 * Reads of the monitoring results: windows, the metric history and the current health of each monitor.
 */
import type { MetricPoint, Model, Window } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import { parseTime } from '../../http/parse-time-query.js';
import type { Store, WindowPage } from '../../storage/store.js';
import { summarizeHealth } from './summarize-health.js';
import type { ModelHealth } from './summarize-health.js';

export interface QueryDeps {
  readonly store: Store;
  /** Resolves a version name or alias to the version's id, or throws `version_not_found`. */
  readonly resolveVersion: (model: Model, versionOrAlias: string) => Promise<{ id: string }>;
}

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

export interface QueryService {
  listWindows(model: Model, options: { limit: number; before?: string }): Promise<WindowPage>;
  getWindow(model: Model, windowId: string): Promise<{ window: Window; results: unknown; points: MetricPoint[] }>;
  queryMetrics(model: Model, filter: MetricsFilter): Promise<MetricPoint[]>;
  health(model: Model): Promise<ModelHealth>;
}

export const DEFAULT_METRICS_LIMIT = 1000;

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
      return summarizeHealth(model.name, await store.latestMetrics(model.id));
    },
  };
}
