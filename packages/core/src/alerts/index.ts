export {
  AlertEventSchema,
  AlertRuleSchema,
  AlertRuleSpecSchema,
  AlertSchema,
  ALERT_STATUSES,
  CHANNEL_KINDS,
  ChannelSchema,
  ChannelSpecSchema,
  ConditionSchema,
  EvidenceSchema,
  IncidentSchema,
  NOTIFICATION_EVENTS,
  NotificationSchema,
  SEVERITIES,
} from './alert-schema.js';
export type { Alert, AlertEvent, AlertRule, AlertRuleSpec, Channel, ChannelSpec, Condition, Evidence, Incident, Notification, NotificationEvent, Severity } from './alert-schema.js';
export { acknowledgeAlert } from './acknowledge-alert.js';
export type { AlertAction } from './acknowledge-alert.js';
export { alertKeyOf } from './alert-key-of.js';
export type { AlertKey } from './alert-key-of.js';
export { buildEvidence } from './build-evidence.js';
export type { EvidenceInput } from './build-evidence.js';
export { defaultAlertRules } from './default-alert-rules.js';
export { evaluateCondition } from './evaluate-condition.js';
export type { ConditionContext, ConditionResult } from './evaluate-condition.js';
export { groupIncident } from './group-incident.js';
export { nextAlertState } from './next-alert-state.js';
export type { AlertStateContext, AlertTransition } from './next-alert-state.js';
export { previewRule } from './preview-rule.js';
export type { RulePreview, RulePreviewFiring, RulePreviewOptions } from './preview-rule.js';
export { recordFeedback } from './record-feedback.js';
export { resolveAlert } from './resolve-alert.js';
export { rulePrecision } from './rule-precision.js';
export type { RulePrecision } from './rule-precision.js';
export { selectRuleSeries } from './select-rule-series.js';
export { seriesKeyOf } from './series-key-of.js';
export { suggestThreshold } from './suggest-threshold.js';
export type { SuggestThresholdOptions, ThresholdSuggestion } from './suggest-threshold.js';
