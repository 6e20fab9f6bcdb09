export { createRegistryService } from './service.js';
export type { ReferenceRejection, RegistryDeps, RegistryService } from './service.js';
export { ModelParamsSchema, ProjectQuerySchema, registryRoutes } from './routes.js';
