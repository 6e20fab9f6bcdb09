export { createQueryService, DEFAULT_METRICS_LIMIT } from './service.js';
export type { MetricsFilter, ModelHealth, MonitorHealth, QueryDeps, QueryService } from './service.js';
export { queryRoutes } from './routes.js';
