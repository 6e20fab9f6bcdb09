export { createIngestionService, DEFAULT_VERSION_ALIAS } from './service.js';
export type { BatchResult, IngestionDeps, IngestionService } from './service.js';
export { ingestionRoutes } from './routes.js';
