/**
 * The alerting shapes, declared once with TypeBox: rules (what to watch and when to fire), alerts (one problem, with
 * its lifecycle and evidence), incidents (alerts of one model that fire together), channels (where notifications go)
 * and notifications (what a channel is asked to send). Request validation, TypeScript types and the OpenAPI document
 * all come from here.
 */
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { SlugSchema } from '../registry/model-schema.js';

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export const ALERT_STATUSES = ['firing', 'acknowledged', 'resolved'] as const;
export const CHANNEL_KINDS = ['slack', 'pagerduty', 'webhook', 'email', 'retrain'] as const;
/** The state changes a channel is told about. `renotify`: still firing after the rule's re-notify interval. */
export const NOTIFICATION_EVENTS = ['firing', 'renotify', 'acknowledged', 'resolved'] as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Above or below a value; `outside` for dynamic bands (mean ± k·σ) fires on either side. */
const Direction = Type.Enum(['above', 'below'] as const);

export const ConditionSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('threshold'), direction: Direction, value: Type.Number({ description: 'Fires when the latest value is above (below) this.' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('n_of_m'),
      direction: Direction,
      value: Type.Number(),
      n: Type.Integer({ minimum: 1, description: 'Fires when at least n of the last m windows cross the value.' }),
      m: Type.Integer({ minimum: 1, maximum: 1000 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('relative_to_reference'),
      direction: Direction,
      change: Type.Number({ exclusiveMinimum: 0, description: 'Relative change from the reference value (the metric point\'s `threshold`, e.g. reference performance), e.g. 0.1 = 10 %.' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('dynamic'),
      method: Type.Enum(['percentile', 'sigma'] as const),
      direction: Type.Enum(['above', 'below', 'outside'] as const),
      percentile: Type.Optional(Type.Number({ minimum: 50, maximum: 100, description: 'method percentile: the band edge; default 95 (5 for direction below).' })),
      k: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'method sigma: mean ± k·σ; default 3.' })),
      lookback: Type.Integer({ minimum: 2, maximum: 10000, description: 'Windows of history (before the latest) the band is learned from.' }),
      minHistory: Type.Integer({ minimum: 2, description: 'Fewer windows of history than this and the rule does not fire (insufficient history).' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('absence'), minutes: Type.Integer({ minimum: 1, description: 'Fires when the model has received no record for this long.' }) },
    { additionalProperties: false },
  ),
]);

/** The body of `POST /api/v1/alert-rules` (and, whole, of PUT). Unknown fields are rejected. */
export const AlertRuleSpecSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    model: SlugSchema,
    project: Type.Optional(SlugSchema),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** A version id or alias; omitted: every version. */
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** A segment value; omitted: the all-segments series; "*": each segment separately. */
    segment: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    metric: Type.String({ minLength: 1, maxLength: 200, description: 'A metric of the history, e.g. drift.statistic, drift.share, performance.rocAuc, label.coverage, anomaly.share, fairness.disparateImpact, volume.count.' }),
    /** A feature name; "*": each feature separately; omitted: the metric has no feature. */
    feature: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    condition: ConditionSchema,
    severity: Type.Enum(SEVERITIES),
    /** Channel names notified; omitted: every channel subscribed to the severity. */
    channels: Type.Optional(Type.Array(SlugSchema, { maxItems: 20 })),
    enabled: Type.Optional(Type.Boolean({ default: true })),
    autoResolveWindows: Type.Optional(Type.Integer({ minimum: 1, default: 3, description: 'Resolve when the condition has been clear for this many windows in a row.' })),
    cooldownMinutes: Type.Optional(Type.Integer({ minimum: 0, default: 60, description: 'After a resolve, the same alert is not re-opened for this long (it stays resolved and a new firing updates nothing).' })),
    renotifyMinutes: Type.Optional(Type.Integer({ minimum: 0, default: 240, description: 'A still-firing alert is notified again after this long; 0: never.' })),
  },
  { additionalProperties: false },
);

export const AlertRuleSchema = Type.Object({
  id: Type.String(),
  modelId: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  versionId: Nullable(Type.String()),
  segment: Nullable(Type.String()),
  metric: Type.String(),
  feature: Nullable(Type.String()),
  condition: ConditionSchema,
  severity: Type.Enum(SEVERITIES),
  channels: Nullable(Type.Array(Type.String())),
  enabled: Type.Boolean(),
  autoResolveWindows: Type.Integer(),
  cooldownMinutes: Type.Integer(),
  renotifyMinutes: Type.Integer(),
  /** True for the rules Bothub creates with a model (they can be changed or switched off). */
  isDefault: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** What an alert shows as the reason it fired. */
export const EvidenceSchema = Type.Object({
  windowId: Nullable(Type.String()),
  time: Type.Number({ description: 'Epoch ms of the window (or of the check, for absence).' }),
  metric: Type.String(),
  feature: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  /** The value the condition compared with (static value, learned band edge, reference ± change). */
  threshold: Nullable(Type.Number()),
  /** Plain-language reason, e.g. "drift.statistic of income 0.31 above 0.2 in 3 of the last 5 windows". */
  reason: Type.String(),
  /** The window's most drifting features by effect size, largest first (at most 10). */
  topFeatures: Type.Array(Type.Object({ feature: Type.String(), effectSize: Type.Number(), drifted: Type.Boolean() })),
  /** Path of the dashboard view, relative to the service's public URL, e.g. /models/credit/windows/<id>. */
  link: Type.String(),
});

export const AlertEventSchema = Type.Object({
  at: Type.Number(),
  action: Type.Enum(['fired', 'updated', 'renotified', 'acknowledged', 'resolved', 'reopened', 'feedback'] as const),
  /** Who: "system", or the caller's identity. */
  by: Type.String(),
  note: Nullable(Type.String()),
});

export const AlertSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  modelId: Type.String(),
  versionId: Nullable(Type.String()),
  segment: Nullable(Type.String()),
  feature: Nullable(Type.String()),
  severity: Type.Enum(SEVERITIES),
  status: Type.Enum(ALERT_STATUSES),
  incidentId: Nullable(Type.String()),
  firstFiredAt: Type.Number(),
  lastFiredAt: Type.Number(),
  fireCount: Type.Integer(),
  /** Windows in a row the condition has been clear (towards auto-resolve). */
  clearWindows: Type.Integer(),
  lastNotifiedAt: Nullable(Type.Number()),
  acknowledgedAt: Nullable(Type.Number()),
  acknowledgedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.Number()),
  resolvedBy: Nullable(Type.String()),
  evidence: EvidenceSchema,
  feedback: Nullable(Type.Object({ verdict: Type.Enum(['real', 'false'] as const), by: Type.String(), at: Type.Number(), note: Nullable(Type.String()) })),
  events: Type.Array(AlertEventSchema),
});

export const IncidentSchema = Type.Object({
  id: Type.String(),
  modelId: Type.String(),
  windowId: Nullable(Type.String()),
  openedAt: Type.Number(),
  status: Type.Enum(['open', 'resolved'] as const),
  alertIds: Type.Array(Type.String()),
  /** What changed, largest effect first. */
  changes: Type.Array(Type.Object({ alertId: Type.String(), metric: Type.String(), feature: Nullable(Type.String()), value: Nullable(Type.Number()), effectSize: Nullable(Type.Number()) })),
});

/** The body of `POST /api/v1/channels`. Secrets (webhook signing secret, SMTP password) are write-only: never returned. */
export const ChannelSpecSchema = Type.Object(
  {
    name: SlugSchema,
    kind: Type.Enum(CHANNEL_KINDS),
    /** Severities this channel receives when a rule names no channels. */
    severities: Type.Array(Type.Enum(SEVERITIES), { minItems: 1, maxItems: 3 }),
    /** At most this many deliveries a minute; the rest wait (queued, not dropped). */
    rateLimitPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 30 })),
    enabled: Type.Optional(Type.Boolean({ default: true })),
    /** slack, webhook, retrain (webhook form): the URL posted to. */
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    /** webhook, retrain: HMAC-SHA256 signing secret. */
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
    /** pagerduty: the Events API v2 integration (routing) key; url defaults to PagerDuty's enqueue endpoint. */
    routingKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** email: SMTP server and addresses. */
    smtp: Type.Optional(
      Type.Object(
        {
          host: Type.String({ minLength: 1, maxLength: 255 }),
          port: Type.Integer({ minimum: 1, maximum: 65535 }),
          secure: Type.Optional(Type.Boolean()),
          user: Type.Optional(Type.String({ maxLength: 200 })),
          password: Type.Optional(Type.String({ maxLength: 200 })),
          from: Type.String({ minLength: 3, maxLength: 320 }),
          to: Type.Array(Type.String({ minLength: 3, maxLength: 320 }), { minItems: 1, maxItems: 50 }),
        },
        { additionalProperties: false },
      ),
    ),
    /** retrain (command form): a command configured by an administrator, run with the notification as JSON on stdin. */
    command: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const ChannelSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum(CHANNEL_KINDS),
  severities: Type.Array(Type.Enum(SEVERITIES)),
  rateLimitPerMinute: Type.Integer(),
  enabled: Type.Boolean(),
  url: Nullable(Type.String()),
  hasSecret: Type.Boolean(),
  routingKey: Nullable(Type.String()),
  smtp: Nullable(Type.Object({ host: Type.String(), port: Type.Integer(), secure: Type.Boolean(), user: Nullable(Type.String()), from: Type.String(), to: Type.Array(Type.String()) })),
  command: Nullable(Type.Array(Type.String())),
  createdAt: Type.String(),
});

/** What a channel is asked to send: one state change of one alert. */
export const NotificationSchema = Type.Object({
  /** Unique per (alert, state change): receivers de-duplicate on it; PagerDuty gets the alert id as dedup_key. */
  idempotencyKey: Type.String(),
  event: Type.Enum(NOTIFICATION_EVENTS),
  alert: AlertSchema,
  rule: Type.Object({ id: Type.String(), name: Type.String() }),
  model: Type.Object({ id: Type.String(), name: Type.String(), project: Type.String() }),
  version: Nullable(Type.Object({ id: Type.String(), version: Type.String() })),
  /** Absolute dashboard URL of the evidence (the service's public URL + evidence.link). */
  url: Type.String(),
  sentAt: Type.Number(),
});

export type Severity = (typeof SEVERITIES)[number];
export type Condition = Static<typeof ConditionSchema>;
export type AlertRuleSpec = Static<typeof AlertRuleSpecSchema>;
export type AlertRule = Static<typeof AlertRuleSchema>;
export type Evidence = Static<typeof EvidenceSchema>;
export type AlertEvent = Static<typeof AlertEventSchema>;
export type Alert = Static<typeof AlertSchema>;
export type Incident = Static<typeof IncidentSchema>;
export type ChannelSpec = Static<typeof ChannelSpecSchema>;
export type Channel = Static<typeof ChannelSchema>;
export type Notification = Static<typeof NotificationSchema>;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
