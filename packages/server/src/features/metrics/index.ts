export { metricsRoutes, registerRequestMetrics } from './routes.js';
export { createServiceMetrics, DEFAULT_FEATURE_CAP } from './service-metrics.js';
export type { DeliveryMetricOutcome, EvaluationOutcome, IngestCounts, ServiceMetrics, ServiceMetricsOptions, StoreGauges } from './service-metrics.js';
export { MODEL_GAUGES, modelSeries } from './model-series.js';
export type { ModelGaugeKey, ModelSample } from './model-series.js';
export { readStoreGauges } from './read-store-gauges.js';
