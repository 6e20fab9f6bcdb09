export { createAlertRuleService, PREVIEW_MAX_POINTS } from './service.js';
export type { AlertRuleDeps, AlertRuleService, RuleChanges, RulePrecisionReport } from './service.js';
export { alertRuleRoutes } from './routes.js';
