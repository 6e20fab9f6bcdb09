import { describe, expect, it } from 'vitest';
import { alertRuleFromForm, conditionText, EMPTY_ALERT_RULE_FORM, formFromAlertRule } from './alert-rule-form.js';

describe('alertRuleFromForm', () => {
  it('turns a valid form into the spec the service takes', () => {
    const { spec, errors } = alertRuleFromForm({ ...EMPTY_ALERT_RULE_FORM, name: 'income drift', metric: 'drift.statistic', feature: 'income', value: '0.2' }, 'credit');
    expect(errors).toEqual({});
    expect(spec).toEqual({
      name: 'income drift',
      model: 'credit',
      metric: 'drift.statistic',
      feature: 'income',
      condition: { kind: 'threshold', direction: 'above', value: 0.2 },
      severity: 'warning',
      enabled: true,
      autoResolveWindows: 3,
      cooldownMinutes: 60,
      renotifyMinutes: 240,
    });
  });

  it('names each bad field with the schema\'s message', () => {
    const { errors } = alertRuleFromForm({ ...EMPTY_ALERT_RULE_FORM, name: '', value: 'high', autoResolveWindows: '0', severity: 'loud' }, 'credit');
    expect(errors.name).toMatch(/fewer than 1/);
    expect(errors.value).toBe('must be number');
    expect(errors.autoResolveWindows).toMatch(/>= 1/);
    expect(errors.severity).toBeDefined();
  });

  it('checks the condition of the chosen kind only', () => {
    const form = { ...EMPTY_ALERT_RULE_FORM, name: 'r', kind: 'n_of_m' as const, n: '6', m: '5' };
    expect(alertRuleFromForm(form, 'credit').errors).toEqual({ n: 'must not be more than m' });
    expect(alertRuleFromForm({ ...form, m: '' }, 'credit').errors.m).toBe('is required');
    expect(alertRuleFromForm({ ...EMPTY_ALERT_RULE_FORM, name: 'r', kind: 'relative_to_reference', change: '0' }, 'credit').errors.change).toBeDefined();
    expect(alertRuleFromForm({ ...EMPTY_ALERT_RULE_FORM, name: 'r', kind: 'absence', minutes: '1.5' }, 'credit').errors.minutes).toBeDefined();
  });

  it('builds dynamic bands with only the parameter of their method', () => {
    const { spec, errors } = alertRuleFromForm({ ...EMPTY_ALERT_RULE_FORM, name: 'r', kind: 'dynamic', method: 'sigma', direction: 'outside', k: '2.5' }, 'credit');
    expect(errors).toEqual({});
    expect(spec.condition).toEqual({ kind: 'dynamic', method: 'sigma', direction: 'outside', k: 2.5, lookback: 50, minHistory: 10 });
  });

  it('round-trips a stored rule through the form', () => {
    const rule = {
      name: 'auc',
      description: null,
      metric: 'performance.rocAuc',
      feature: null,
      segment: 'north',
      severity: 'critical',
      condition: { kind: 'relative_to_reference' as const, direction: 'below' as const, change: 0.1 },
      enabled: false,
      autoResolveWindows: 2,
      cooldownMinutes: 0,
      renotifyMinutes: 0,
    };
    const { spec, errors } = alertRuleFromForm(formFromAlertRule(rule), 'credit');
    expect(errors).toEqual({});
    expect(spec).toMatchObject({ name: 'auc', segment: 'north', severity: 'critical', condition: rule.condition, enabled: false, autoResolveWindows: 2, cooldownMinutes: 0, renotifyMinutes: 0 });
  });
});

describe('conditionText', () => {
  it('says each kind in words', () => {
    expect(conditionText({ kind: 'threshold', direction: 'above', value: 0.5 })).toBe('above 0.5');
    expect(conditionText({ kind: 'n_of_m', direction: 'above', value: 0.2, n: 3, m: 5 })).toBe('above 0.2 in 3 of 5 windows');
    expect(conditionText({ kind: 'relative_to_reference', direction: 'below', change: 0.1 })).toBe('below the reference by 10 %');
    expect(conditionText({ kind: 'dynamic', method: 'sigma', direction: 'outside', lookback: 50, minHistory: 10 })).toBe('outside a mean ± 3σ band of 50 windows');
    expect(conditionText({ kind: 'absence', minutes: 30 })).toBe('no records for 30 min');
  });
});
