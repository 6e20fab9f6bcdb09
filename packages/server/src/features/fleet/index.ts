export { createFleetService } from './service.js';
export type { FleetDeps, FleetEntry, FleetService } from './service.js';
export { fleetRoutes } from './routes.js';
