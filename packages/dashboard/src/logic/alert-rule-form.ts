import type { AlertRuleSpec, Condition } from '@bothub/core';
import { AlertRuleSpecSchema, ConditionSchema } from '@bothub/core';
import { numberOrText, schemaErrors } from './schema-errors.js';

export const CONDITION_KINDS = ['threshold', 'n_of_m', 'relative_to_reference', 'dynamic', 'absence'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** An alert rule as a form holds it: every input as text. */
export interface AlertRuleForm {
  name: string;
  description: string;
  metric: string;
  feature: string;
  segment: string;
  version: string;
  severity: string;
  kind: ConditionKind;
  direction: string;
  value: string;
  n: string;
  m: string;
  change: string;
  method: string;
  percentile: string;
  k: string;
  lookback: string;
  minHistory: string;
  minutes: string;
  autoResolveWindows: string;
  cooldownMinutes: string;
  renotifyMinutes: string;
  enabled: boolean;
}

/** A new rule's form: drift share above 0.5, warning. */
export const EMPTY_ALERT_RULE_FORM: AlertRuleForm = {
  name: '',
  description: '',
  metric: 'drift.share',
  feature: '',
  segment: '',
  version: '',
  severity: 'warning',
  kind: 'threshold',
  direction: 'above',
  value: '0.5',
  n: '3',
  m: '5',
  change: '0.1',
  method: 'sigma',
  percentile: '',
  k: '3',
  lookback: '50',
  minHistory: '10',
  minutes: '60',
  autoResolveWindows: '3',
  cooldownMinutes: '60',
  renotifyMinutes: '240',
  enabled: true,
};

const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const num = (s: string): number => numberOrText(s) as number;
const optionalNum = (s: string): number | undefined => numberOrText(s) as number | undefined;

function conditionOf(form: AlertRuleForm): Condition {
  const direction = form.direction as 'above' | 'below';
  switch (form.kind) {
    case 'threshold':
      return dropUndefined({ kind: 'threshold', direction, value: num(form.value) }) as Condition;
    case 'n_of_m':
      return dropUndefined({ kind: 'n_of_m', direction, value: num(form.value), n: num(form.n), m: num(form.m) }) as Condition;
    case 'relative_to_reference':
      return dropUndefined({ kind: 'relative_to_reference', direction, change: num(form.change) }) as Condition;
    case 'dynamic': {
      const method = form.method as 'percentile' | 'sigma';
      const band = method === 'percentile' ? { percentile: optionalNum(form.percentile) } : { k: optionalNum(form.k) };
      return dropUndefined({ kind: 'dynamic', method, direction: form.direction as 'above' | 'below' | 'outside', ...band, lookback: num(form.lookback), minHistory: num(form.minHistory) }) as Condition;
    }
    case 'absence':
      return dropUndefined({ kind: 'absence', minutes: num(form.minutes) }) as Condition;
  }
}

function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The rule spec a form describes, and the first error per form field (the same checks as the service: core's
 * AlertRuleSpecSchema, the condition against the schema of its kind). Save only when `errors` is empty.
 *
 * @example
 * const { spec, errors } = alertRuleFromForm({ ...EMPTY_ALERT_RULE_FORM, name: 'drift' }, 'credit');
 */
export function alertRuleFromForm(form: AlertRuleForm, model: string, project?: string): { spec: AlertRuleSpec; errors: Record<string, string> } {
  const spec = dropUndefined({
    name: form.name.trim(),
    model,
    project,
    description: text(form.description),
    version: text(form.version),
    segment: text(form.segment),
    metric: form.metric.trim(),
    feature: text(form.feature),
    condition: conditionOf(form),
    severity: form.severity,
    enabled: form.enabled,
    autoResolveWindows: optionalNum(form.autoResolveWindows),
    cooldownMinutes: optionalNum(form.cooldownMinutes),
    renotifyMinutes: optionalNum(form.renotifyMinutes),
  }) as AlertRuleSpec;
  // The condition is checked on its own, against its kind's schema: checked in the union, a bad condition gives an
  // error per kind it does not match, and TypeBox stops listing errors before reaching the other fields.
  const errors = schemaErrors(AlertRuleSpecSchema, { ...spec, condition: { kind: 'absence', minutes: 1 } });
  const variant = ConditionSchema.anyOf.find((schema) => schema.properties.kind.const === form.kind);
  if (variant) for (const [field, message] of Object.entries(schemaErrors(variant, spec.condition))) errors[field] ??= message;
  if (spec.condition.kind === 'n_of_m' && typeof spec.condition.n === 'number' && typeof spec.condition.m === 'number' && spec.condition.n > spec.condition.m) {
    if (!('n' in errors)) errors.n = 'must not be more than m';
  }
  return { spec, errors };
}

/**
 * The form of a stored rule, for editing.
 *
 * @example
 * setForm(formFromAlertRule(rule));
 */
export function formFromAlertRule(rule: {
  name: string;
  description: string | null;
  metric: string;
  feature: string | null;
  segment: string | null;
  severity: string;
  condition: Condition;
  enabled: boolean;
  autoResolveWindows: number;
  cooldownMinutes: number;
  renotifyMinutes: number;
}): AlertRuleForm {
  const c = rule.condition;
  const s = (v: number | undefined): string => (v === undefined ? '' : String(v));
  return {
    ...EMPTY_ALERT_RULE_FORM,
    name: rule.name,
    description: rule.description ?? '',
    metric: rule.metric,
    feature: rule.feature ?? '',
    segment: rule.segment ?? '',
    severity: rule.severity,
    kind: c.kind,
    ...('direction' in c ? { direction: c.direction } : {}),
    ...('value' in c ? { value: s(c.value) } : {}),
    ...(c.kind === 'n_of_m' ? { n: s(c.n), m: s(c.m) } : {}),
    ...(c.kind === 'relative_to_reference' ? { change: s(c.change) } : {}),
    ...(c.kind === 'dynamic' ? { method: c.method, percentile: s(c.percentile), k: s(c.k), lookback: s(c.lookback), minHistory: s(c.minHistory) } : {}),
    ...(c.kind === 'absence' ? { minutes: s(c.minutes) } : {}),
    enabled: rule.enabled,
    autoResolveWindows: String(rule.autoResolveWindows),
    cooldownMinutes: String(rule.cooldownMinutes),
    renotifyMinutes: String(rule.renotifyMinutes),
  };
}

/**
 * A condition in words, for the rules table.
 *
 * @example
 * conditionText({ kind: 'n_of_m', direction: 'above', value: 0.2, n: 3, m: 5 }); // 'above 0.2 in 3 of 5 windows'
 */
export function conditionText(c: Condition): string {
  switch (c.kind) {
    case 'threshold':
      return `${c.direction} ${c.value}`;
    case 'n_of_m':
      return `${c.direction} ${c.value} in ${c.n} of ${c.m} windows`;
    case 'relative_to_reference':
      return `${c.direction} the reference by ${c.change * 100} %`;
    case 'dynamic':
      return `${c.direction} a ${c.method === 'sigma' ? `mean ± ${c.k ?? 3}σ` : `${c.percentile ?? 95}th-percentile`} band of ${c.lookback} windows`;
    case 'absence':
      return `no records for ${c.minutes} min`;
  }
}
