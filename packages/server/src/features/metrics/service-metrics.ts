/**
 * The service's Prometheus metrics: one prom-client Registry per service (never the global one, so every app a test
 * builds has its own), the counters and histograms the request path and the jobs feed, and the gauges filled at
 * scrape time from the store (queue depths, the model gauges).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { MODEL_GAUGES } from './model-series.js';
import type { ModelGaugeKey, ModelSample } from './model-series.js';

/** How a claimed window's evaluation ended: stored, stored without monitors (no reference profile yet), taken over by another node after the lease ran out, or failed (retried after the lease). */
export type EvaluationOutcome = 'evaluated' | 'no_reference' | 'superseded' | 'failed';
/** What became of one delivery attempt: sent, rescheduled (retryable failure), given up (dead), or deferred by the channel's rate limit. */
export type DeliveryMetricOutcome = 'sent' | 'retry' | 'dead' | 'deferred';
/** An ingestion batch's per-record outcome counts (the ingestion service's answer). */
export interface IngestCounts {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
}

/** The values read from the store at a scrape. */
export interface StoreGauges {
  readonly pendingWindows: number;
  readonly pendingDeliveries: number;
  readonly models: readonly ModelSample[];
}

export interface ServiceMetricsOptions {
  /** Most feature columns with series per model (the rest are counted in bothub_metrics_series_dropped). Default 100. */
  readonly featureCap?: number;
  /** Adds prom-client's process and Node.js metrics (CPU, memory, event loop lag, GC). They observe the whole process: one registry per process should have them. Default true. */
  readonly processMetrics?: boolean;
}

export interface ServiceMetrics {
  readonly registry: Registry;
  readonly featureCap: number;
  /** Counts a batch's records by outcome. */
  countIngested(model: { readonly project: string; readonly name: string }, kind: 'prediction' | 'label', counts: IngestCounts): void;
  /** One answered request: its route template (never the raw URL; "unmatched" for a 404 without a route). */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
  observeEvaluation(outcome: EvaluationOutcome, seconds: number): void;
  countDelivery(channelKind: string, outcome: DeliveryMetricOutcome): void;
  /** Replaces the scrape-time gauges with what was just read from the store. */
  setStoreGauges(values: StoreGauges): void;
}

export const DEFAULT_FEATURE_CAP = 100;

/**
 * @example
 * const metrics = createServiceMetrics({ featureCap: 100 });
 * metrics.countIngested(model, 'prediction', { accepted: 10, duplicates: 0, rejected: 1 });
 * const text = await metrics.registry.metrics();
 */
export function createServiceMetrics(options: ServiceMetricsOptions = {}): ServiceMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const ingested = new Counter({ name: 'bothub_ingested_records_total', help: 'Records (predictions or labels) received, by model and outcome: accepted, duplicate or rejected.', labelNames: ['project', 'model', 'kind', 'outcome'] as const, registers });
  const requests = new Histogram({
    name: 'bothub_http_request_duration_seconds',
    help: 'HTTP request duration, by method, route template and status class (2xx, 4xx, 5xx).',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const evaluationSeconds = new Histogram({
    name: 'bothub_window_evaluation_duration_seconds',
    help: 'Time to evaluate one claimed window (load its records, run the monitors, store the points), by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers,
  });
  const evaluations = new Counter({ name: 'bothub_window_evaluations_total', help: 'Window evaluations by outcome: evaluated, no_reference, superseded, failed.', labelNames: ['outcome'] as const, registers });
  const deliveries = new Counter({ name: 'bothub_alert_deliveries_total', help: 'Notification delivery attempts by channel kind and outcome: sent, retry, dead, deferred.', labelNames: ['channel_kind', 'outcome'] as const, registers });
  const pendingWindows = new Gauge({ name: 'bothub_pending_windows', help: 'Closed windows waiting for evaluation (read from the store at each scrape).', registers });
  const pendingDeliveries = new Gauge({ name: 'bothub_pending_deliveries', help: 'Notifications waiting to be sent or retried (read from the store at each scrape).', registers });
  const modelGauges = Object.fromEntries(
    Object.entries(MODEL_GAUGES).map(([key, spec]) => [key, new Gauge({ name: spec.name, help: spec.help, labelNames: spec.labels, registers })]),
  ) as Record<ModelGaugeKey, Gauge>;

  return {
    registry,
    featureCap: options.featureCap ?? DEFAULT_FEATURE_CAP,
    countIngested(model, kind, counts) {
      const labels = { project: model.project, model: model.name, kind };
      ingested.inc({ ...labels, outcome: 'accepted' }, counts.accepted);
      ingested.inc({ ...labels, outcome: 'duplicate' }, counts.duplicates);
      ingested.inc({ ...labels, outcome: 'rejected' }, counts.rejected);
    },
    observeRequest(method, route, statusCode, seconds) {
      requests.observe({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds);
    },
    observeEvaluation(outcome, seconds) {
      evaluations.inc({ outcome });
      evaluationSeconds.observe({ outcome }, seconds);
    },
    countDelivery(channelKind, outcome) {
      deliveries.inc({ channel_kind: channelKind, outcome });
    },
    setStoreGauges(values) {
      pendingWindows.set(values.pendingWindows);
      pendingDeliveries.set(values.pendingDeliveries);
      // A model or feature gone since the last scrape must not linger: the model gauges are rebuilt each time.
      for (const gauge of Object.values(modelGauges)) gauge.reset();
      for (const sample of values.models) modelGauges[sample.gauge].set(sample.labels, sample.value);
    },
  };
}
