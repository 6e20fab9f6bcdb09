export { createEventService, DEFAULT_MAX_EVENT_STREAMS } from './service.js';
export type { BothubEvent, BothubEvents, EventDeps, EventService, EventStream } from './service.js';
export { eventRoutes } from './routes.js';
export type { EventRouteOptions } from './routes.js';
