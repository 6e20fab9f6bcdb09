import { formatShare } from '@bothub/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlertRule, RulePreview } from '../api/bothub.js';
import { bothub } from '../api/bothub.js';
import { Field } from '../components/field.js';
import { ErrorMessage } from '../components/query-state.js';
import type { AlertRuleForm, ConditionKind } from '../logic/alert-rule-form.js';
import { alertRuleFromForm, CONDITION_KINDS, EMPTY_ALERT_RULE_FORM, formFromAlertRule } from '../logic/alert-rule-form.js';

const METRICS = ['drift.share', 'drift.dataset', 'drift.statistic', 'drift.multivariate', 'quality.missing_share', 'quality.out_of_range_share', 'quality.unseen_share', 'performance.rocAuc', 'performance.accuracy', 'performance.f1', 'performance.rmse', 'label.coverage', 'anomaly.share', 'fairness.disparateImpact', 'volume.count'];

/**
 * The form to create a rule (no `rule`) or edit one: checked against core's schema before saving; a saved rule can
 * be previewed with the form's changes over the stored history.
 *
 * @example
 * <AlertRuleEditor model="credit" rule={rule} onDone={() => setEditing(null)} />
 */
export function AlertRuleEditor({
  model,
  project,
  rule,
  features,
  onDone,
}: {
  readonly model: string;
  readonly project: string | undefined;
  readonly rule: AlertRule | null;
  readonly features: readonly string[];
  readonly onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<AlertRuleForm>(rule ? formFromAlertRule(rule) : EMPTY_ALERT_RULE_FORM);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const update = (patch: Partial<AlertRuleForm>) => setForm((f) => ({ ...f, ...patch }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['rules', model] });

  const save = useMutation({
    mutationFn: async () => {
      const { spec } = alertRuleFromForm(form, model, project);
      if (rule) return bothub.put('/api/v1/alert-rules/{rule}', { params: { path: { rule: rule.id } }, body: spec as never });
      return bothub.post('/api/v1/alert-rules', { body: spec as never });
    },
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const remove = useMutation({
    mutationFn: () => bothub.delete('/api/v1/alert-rules/{rule}', { params: { path: { rule: rule!.id } } }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const previewRule = useMutation({
    mutationFn: () => {
      const { spec } = alertRuleFromForm(form, model, project);
      // A preview takes the rule's changes, not its identity (name, model) or its switch.
      const changes = Object.fromEntries(Object.entries(spec).filter(([key]) => !['name', 'model', 'project', 'enabled'].includes(key)));
      return bothub.post('/api/v1/alert-rules/{rule}/preview', { params: { path: { rule: rule!.id } }, body: changes as never });
    },
    onSuccess: setPreview,
  });
  const check = (): boolean => {
    const found = alertRuleFromForm(form, model, project).errors;
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const text = (key: keyof AlertRuleForm, label: string, hint?: string) => (
    <Field label={label} error={errors[key]} {...(hint === undefined ? {} : { hint })}>
      {(props) => <input {...props} value={form[key] as string} onChange={(e) => update({ [key]: e.target.value })} />}
    </Field>
  );
  const directions = form.kind === 'dynamic' ? ['above', 'below', 'outside'] : ['above', 'below'];

  return (
    <form
      className="card form"
      aria-label={rule ? `Edit rule ${rule.name}` : 'New alert rule'}
      onSubmit={(e) => {
        e.preventDefault();
        if (check()) save.mutate();
      }}
    >
      <h3>{rule ? `Edit ${rule.name}` : 'New alert rule'}</h3>
      <div className="form-grid">
        {text('name', 'Name')}
        <Field label="Metric" error={errors.metric}>
          {(props) => (
            <>
              <input {...props} list="metric-names" value={form.metric} onChange={(e) => update({ metric: e.target.value })} />
              <datalist id="metric-names">
                {METRICS.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Feature" error={errors.feature} hint="empty: none; * for every feature">
          {(props) => (
            <>
              <input {...props} list="feature-names" value={form.feature} onChange={(e) => update({ feature: e.target.value })} />
              <datalist id="feature-names">
                {['*', ...features].map((f) => (
                  <option key={f} value={f} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {text('segment', 'Segment', 'empty: all segments; * for each')}
        <Field label="Severity" error={errors.severity}>
          {(props) => (
            <select {...props} value={form.severity} onChange={(e) => update({ severity: e.target.value })}>
              <option>info</option>
              <option>warning</option>
              <option>critical</option>
            </select>
          )}
        </Field>
        <Field label="Condition" error={errors.kind}>
          {(props) => (
            <select {...props} value={form.kind} onChange={(e) => update({ kind: e.target.value as ConditionKind })}>
              {CONDITION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.kind !== 'absence' && (
          <Field label="Direction" error={errors.direction}>
            {(props) => (
              <select {...props} value={form.direction} onChange={(e) => update({ direction: e.target.value })}>
                {directions.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            )}
          </Field>
        )}
        {(form.kind === 'threshold' || form.kind === 'n_of_m') && text('value', 'Value')}
        {form.kind === 'n_of_m' && text('n', 'n (windows crossing)')}
        {form.kind === 'n_of_m' && text('m', 'm (of the last)')}
        {form.kind === 'relative_to_reference' && text('change', 'Relative change', 'e.g. 0.1 = 10 %')}
        {form.kind === 'dynamic' && (
          <Field label="Band" error={errors.method}>
            {(props) => (
              <select {...props} value={form.method} onChange={(e) => update({ method: e.target.value })}>
                <option value="sigma">mean ± k·σ</option>
                <option value="percentile">percentile</option>
              </select>
            )}
          </Field>
        )}
        {form.kind === 'dynamic' && form.method === 'sigma' && text('k', 'k')}
        {form.kind === 'dynamic' && form.method === 'percentile' && text('percentile', 'Percentile')}
        {form.kind === 'dynamic' && text('lookback', 'Lookback (windows)')}
        {form.kind === 'dynamic' && text('minHistory', 'Minimum history (windows)')}
        {form.kind === 'absence' && text('minutes', 'Minutes without records')}
        {text('autoResolveWindows', 'Auto-resolve after clear windows')}
        {text('cooldownMinutes', 'Cooldown (minutes)')}
        {text('renotifyMinutes', 'Re-notify after (minutes, 0 never)')}
        <div className="field">
          <label>
            <input type="checkbox" checked={form.enabled} onChange={(e) => update({ enabled: e.target.checked })} /> Enabled
          </label>
        </div>
      </div>
      {Object.keys(errors).length > 0 && (
        <p className="error" role="alert">
          Fix the marked fields before saving.
        </p>
      )}
      {save.error && <ErrorMessage error={save.error} />}
      {remove.error && <ErrorMessage error={remove.error} />}
      {previewRule.error && <ErrorMessage error={previewRule.error} />}
      {preview && (
        <p role="status">
          Over the stored history this rule would have fired in {preview.firings.length} of {preview.windowsEvaluated} windows ({formatShare(preview.firingShare)}) and opened {preview.alertsOpened} alert(s).
        </p>
      )}
      <div className="buttons">
        <button type="submit" disabled={save.isPending}>
          {rule ? 'Save rule' : 'Create rule'}
        </button>
        {rule && (
          <button type="button" onClick={() => check() && previewRule.mutate()} disabled={previewRule.isPending}>
            Preview
          </button>
        )}
        {rule && (
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Delete
          </button>
        )}
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
