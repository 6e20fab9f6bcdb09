export { createFirstAdminKey, createKeyService } from './key-service.js';
export type { ApiKeyView, KeyService, NewApiKey } from './key-service.js';
export { keyRoutes } from './key-routes.js';
