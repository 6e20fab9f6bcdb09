export { createQueryService, DEFAULT_METRICS_LIMIT } from './service.js';
export type { MetricsFilter, QueryDeps, QueryService } from './service.js';
export { STATUS_SEVERITY, summarizeHealth } from './summarize-health.js';
export type { MetricStatus, ModelHealth, MonitorHealth } from './summarize-health.js';
export { queryRoutes } from './routes.js';
