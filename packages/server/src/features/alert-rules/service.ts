/**
 * Alert rules: what to watch and when to fire, per model. Each model gets default rules when it is created; a rule
 * can be previewed over the stored history before it is enabled, and its precision and a better threshold learned
 * from people's feedback on its alerts.
 */
import { defaultAlertRules, previewRule, rulePrecision, suggestThreshold } from '@bothub/core';
import type { AlertRule, AlertRuleSpec, Model, RulePrecision, RulePreview, ThresholdSuggestion } from '@bothub/core';
import { ApiError, invalidField } from '../../http/errors.js';
import type { NewAlertRule } from '../../storage/alert-store.js';
import type { Store } from '../../storage/store.js';
import type { AlertService } from '../alerts/index.js';
import type { RegistryService } from '../registry/index.js';
import { checkAlertRule } from './check-alert-rule.js';

export interface AlertRuleDeps {
  readonly store: Store;
  readonly clock: () => number;
  readonly registry: Pick<RegistryService, 'requireModel' | 'requireVersion'>;
  /** Resolves a rule's open alerts when the rule is deleted or switched off (channels hear "resolved"). */
  readonly alerts: Pick<AlertService, 'closeRuleAlerts'>;
}

/** Changes to a stored rule for a preview: any field of a rule spec but its model; null clears an optional one. */
export interface RuleChanges {
  readonly description?: string | null;
  readonly version?: string | null;
  readonly segment?: string | null;
  readonly metric?: string;
  readonly feature?: string | null;
  readonly condition?: AlertRuleSpec['condition'];
  readonly severity?: AlertRuleSpec['severity'];
  readonly channels?: string[] | null;
  readonly autoResolveWindows?: number;
  readonly cooldownMinutes?: number;
  readonly renotifyMinutes?: number;
}

export interface RulePrecisionReport extends RulePrecision {
  readonly ruleId: string;
  /** A threshold learned from the feedback, when there is enough of both verdicts (threshold and n_of_m rules). */
  readonly suggestion: ThresholdSuggestion | null;
}

export interface AlertRuleService {
  create(spec: AlertRuleSpec): Promise<AlertRule>;
  list(filter: { model?: string; project?: string }): Promise<AlertRule[]>;
  get(id: string): Promise<AlertRule>;
  /** Replaces the rule (a rule keeps its model); switching it off resolves its open alerts. */
  update(id: string, spec: AlertRuleSpec): Promise<AlertRule>;
  /** Deletes the rule after resolving its open alerts (they stay, with their history). */
  remove(id: string): Promise<void>;
  /** What the rule, with `changes`, would have done over the stored history. */
  preview(id: string, changes: RuleChanges): Promise<RulePreview & { rule: AlertRule }>;
  precision(id: string): Promise<RulePrecisionReport>;
  /** The default rules of a new model (marked isDefault). */
  createDefaults(model: Model): Promise<AlertRule[]>;
}

const DEFAULTS = { autoResolveWindows: 3, cooldownMinutes: 60, renotifyMinutes: 240 } as const;
/** The newest metric points a preview replays: bounds its time and memory on a long history. */
export const PREVIEW_MAX_POINTS = 50_000;
/** The newest alerts of a rule its precision and suggestion learn from. */
const PRECISION_MAX_ALERTS = 10_000;

/**
 * @example
 * const rules = createAlertRuleService({ store, clock: Date.now, registry, alerts });
 * const rule = await rules.create({ name: 'Income drift', model: 'credit', metric: 'drift.statistic', feature: 'income', condition: { kind: 'threshold', direction: 'above', value: 0.2 }, severity: 'warning' });
 */
export function createAlertRuleService(deps: AlertRuleDeps): AlertRuleService {
  const { store } = deps;

  async function requireRule(id: string): Promise<AlertRule> {
    const rule = await store.alerts.getRule(id);
    if (rule === null) throw new ApiError('rule_not_found', { rule: id });
    return rule;
  }

  async function modelById(id: string): Promise<Model> {
    const model = (await store.listModels()).find((m) => m.id === id);
    if (!model) throw new ApiError('model_not_found', { modelId: id });
    return model;
  }

  /** A version name, alias or id of the model. */
  async function versionIdOf(model: Model, version: string | null | undefined): Promise<string | null> {
    if (version === null || version === undefined) return null;
    const byId = await store.getVersionById(version);
    if (byId?.modelId === model.id) return byId.id;
    return (await deps.registry.requireVersion(model, version)).id;
  }

  async function checked(rule: NewAlertRule, model: Model): Promise<NewAlertRule> {
    checkAlertRule(rule, model, new Set((await store.alerts.listChannels()).map((c) => c.channel.name)));
    return rule;
  }

  async function toNewRule(spec: AlertRuleSpec, model: Model, isDefault: boolean): Promise<NewAlertRule> {
    return checked(
      {
        modelId: model.id,
        name: spec.name,
        description: spec.description ?? null,
        versionId: await versionIdOf(model, spec.version),
        segment: spec.segment ?? null,
        metric: spec.metric,
        feature: spec.feature ?? null,
        condition: spec.condition,
        severity: spec.severity,
        channels: spec.channels === undefined ? null : [...new Set(spec.channels)],
        enabled: spec.enabled ?? true,
        autoResolveWindows: spec.autoResolveWindows ?? DEFAULTS.autoResolveWindows,
        cooldownMinutes: spec.cooldownMinutes ?? DEFAULTS.cooldownMinutes,
        renotifyMinutes: spec.renotifyMinutes ?? DEFAULTS.renotifyMinutes,
        isDefault,
      },
      model,
    );
  }

  async function create(spec: AlertRuleSpec, isDefault: boolean): Promise<AlertRule> {
    const model = await deps.registry.requireModel(spec.project, spec.model);
    return store.alerts.createRule(await toNewRule(spec, model, isDefault));
  }

  return {
    create: (spec) => create(spec, false),

    async list(filter) {
      if (filter.model !== undefined) return store.alerts.listRules({ modelId: (await deps.registry.requireModel(filter.project, filter.model)).id });
      const rules = await store.alerts.listRules();
      if (filter.project === undefined) return rules;
      const inProject = new Set((await store.listModels(filter.project)).map((m) => m.id));
      return rules.filter((r) => inProject.has(r.modelId));
    },

    get: requireRule,

    async update(id, spec) {
      const stored = await requireRule(id);
      const model = await deps.registry.requireModel(spec.project, spec.model);
      if (model.id !== stored.modelId) throw invalidField('body', 'model', 'a rule cannot move to another model: create a rule there');
      const updated = await store.alerts.updateRule(id, await toNewRule(spec, model, stored.isDefault));
      if (updated === null) throw new ApiError('rule_not_found', { rule: id });
      // Nothing will evaluate its alerts any more: left open, they (and a PagerDuty incident) would never resolve.
      if (stored.enabled && !updated.enabled) await deps.alerts.closeRuleAlerts(id, 'rule switched off');
      return updated;
    },

    async remove(id) {
      await requireRule(id);
      // Before the rule goes: its channels are the ones told.
      await deps.alerts.closeRuleAlerts(id, 'rule deleted');
      if (!(await store.alerts.deleteRule(id))) throw new ApiError('rule_not_found', { rule: id });
    },

    async preview(id, changes) {
      const stored = await requireRule(id);
      const model = await modelById(stored.modelId);
      const { version, ...rest } = changes;
      const proposed: AlertRule = {
        ...stored,
        ...rest,
        ...(version === undefined ? {} : { versionId: await versionIdOf(model, version) }),
      };
      await checked(proposed, model);
      const history = await store.queryMetrics(model.id, {
        metric: proposed.metric,
        ...(proposed.versionId === null ? {} : { versionId: proposed.versionId }),
        ...(proposed.segment === '*' ? {} : { segment: proposed.segment }),
        ...(proposed.feature === '*' ? {} : { feature: proposed.feature }),
        latest: PREVIEW_MAX_POINTS,
      });
      const lastRecordAt = await store.lastRecordAt(model.id, proposed.versionId ?? undefined);
      return { rule: proposed, ...previewRule(proposed, history, { lastRecordAt, now: deps.clock() }) };
    },

    async precision(id) {
      const rule = await requireRule(id);
      const { alerts } = await store.alerts.listAlerts({ ruleId: id, limit: PRECISION_MAX_ALERTS });
      return { ruleId: id, ...rulePrecision(alerts), suggestion: suggestThreshold(rule, alerts) };
    },

    async createDefaults(model) {
      const created: AlertRule[] = [];
      for (const spec of defaultAlertRules(model)) created.push(await store.alerts.createRule(await toNewRule(spec, model, true)));
      return created;
    },
  };
}
