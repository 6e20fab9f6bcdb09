export { createRegistryService } from './service.js';
export type { RegistryDeps, RegistryService } from './service.js';
export type { ReferenceRange, ReferenceSource } from './reference-profiles.js';
export type { ReferenceRejection } from './validate-reference-records.js';
export { ModelParamsSchema, ProjectQuerySchema, registryRoutes, VersionParamsSchema } from './routes.js';
export { referenceRoutes } from './reference-routes.js';
