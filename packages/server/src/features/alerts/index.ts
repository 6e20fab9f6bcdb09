export { notificationUrl } from './notification-url.js';
export { notificationKey, planDeliveries } from './plan-deliveries.js';
export type { DeliveryContext } from './plan-deliveries.js';
export { commitAlertChanges } from './commit-alert-changes.js';
export type { AlertChange, AlertChangeListener, AlertCommit } from './commit-alert-changes.js';
export { createAlertService } from './service.js';
export type { AlertDeps, AlertListFilter, AlertService, DeliveryView, IncidentListFilter } from './service.js';
export { ACTOR_HEADER, alertRoutes } from './routes.js';
