import { describe, expect, it } from 'vitest';
import { MODEL_GAUGES } from './model-series.js';
import { createServiceMetrics } from './service-metrics.js';

// The Prometheus data model: metric and label names (https://prometheus.io/docs/concepts/data_model/).
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

describe('createServiceMetrics', () => {
  it('registers valid, bothub_-prefixed names with help, on a registry of its own', () => {
    const metrics = createServiceMetrics({ processMetrics: false });
    const registered = metrics.registry.getMetricsAsArray();
    expect(registered.length).toBe(7 + Object.keys(MODEL_GAUGES).length);
    for (const metric of registered) {
      expect(metric.name).toMatch(METRIC_NAME);
      expect(metric.name.startsWith('bothub_')).toBe(true);
      expect(metric.help.length).toBeGreaterThan(10);
    }
    for (const spec of Object.values(MODEL_GAUGES)) for (const label of spec.labels) expect(label).toMatch(LABEL_NAME);
    // A second service (another app in the same test process) registers the same names without a clash.
    expect(createServiceMetrics({ processMetrics: false }).registry).not.toBe(metrics.registry);
  });

  it('adds the process metrics unless told not to', () => {
    const names = (processMetrics: boolean): string[] => createServiceMetrics({ processMetrics }).registry.getMetricsAsArray().map((m) => m.name);
    expect(names(true)).toEqual(expect.arrayContaining(['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']));
    expect(names(false).some((name) => name.startsWith('process_'))).toBe(false);
  });

  it('rebuilds the model gauges at each scrape, so a deleted model leaves no stale series', async () => {
    const metrics = createServiceMetrics({ processMetrics: false });
    const labels = { project: 'default', model: 'gone', version: '1' };
    metrics.setStoreGauges({ pendingWindows: 3, pendingDeliveries: 1, models: [{ gauge: 'anomalyShare', labels, value: 0.1 }] });
    expect(await metrics.registry.metrics()).toContain('bothub_anomaly_share{project="default",model="gone",version="1"} 0.1');
    metrics.setStoreGauges({ pendingWindows: 0, pendingDeliveries: 0, models: [] });
    const text = await metrics.registry.metrics();
    expect(text).not.toContain('model="gone"');
    expect(text).toContain('bothub_pending_windows 0');
  });

  it('counts evaluations and deliveries by outcome, requests by status class', async () => {
    const metrics = createServiceMetrics({ processMetrics: false, featureCap: 5 });
    expect(metrics.featureCap).toBe(5);
    metrics.observeEvaluation('evaluated', 0.2);
    metrics.observeEvaluation('failed', 0.01);
    metrics.countDelivery('slack', 'dead');
    metrics.observeRequest('POST', '/api/v1/models/:model/predictions', 413, 0.003);
    const text = await metrics.registry.metrics();
    expect(text).toContain('bothub_window_evaluations_total{outcome="evaluated"} 1');
    expect(text).toContain('bothub_window_evaluation_duration_seconds_bucket{le="0.25",outcome="evaluated"} 1');
    expect(text).toContain('bothub_alert_deliveries_total{channel_kind="slack",outcome="dead"} 1');
    expect(text).toContain('bothub_http_request_duration_seconds_count{method="POST",route="/api/v1/models/:model/predictions",status_class="4xx"} 1');
  });
});
