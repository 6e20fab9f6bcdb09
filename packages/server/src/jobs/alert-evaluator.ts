/**
 * The alert job: after a window is evaluated it runs the model's enabled rules on the series that window added to
 * (selectRuleSeries → evaluateCondition → buildEvidence → nextAlertState), groups the alerts that fired together into
 * one incident, and writes the changes with their deliveries in one transaction. Absence rules ("no data for an
 * hour") have no window to wait for: `checkAbsence` runs them on a schedule against each model's last record time.
 *
 * Several nodes may run it: each alert write names the revision it was computed from, so a node that lost a race
 * reads again and recomputes (or, for absence checks, leaves it to the node that won).
 */
import { randomUUID } from 'node:crypto';
import { alertKeyOf, buildEvidence, evaluateCondition, groupIncident, nextAlertState, selectRuleSeries, seriesKeyOf } from '@bothub/core';
import type { AlertRule, ConditionResult, Incident, MetricPoint, Model, Window } from '@bothub/core';
import { commitAlertChanges } from '../features/alerts/index.js';
import type { AlertChange, AlertChangeListener } from '../features/alerts/index.js';
import type { Store } from '../storage/store.js';
import { StoreConflictError } from '../storage/store-errors.js';

export interface AlertEvaluatorDeps {
  readonly store: Store;
  /** Epoch ms of each evaluation (alert times, cooldowns, re-notify intervals, absence). */
  readonly clock: () => number;
  readonly log: { error(obj: object, msg: string): void; debug?(obj: object, msg: string): void };
  /** Told when notifications were queued: the delivery job's wake. */
  readonly onQueued?: () => void;
  /** Told of each alert state change (fired, re-notified, resolved). */
  readonly onAlertChanged?: AlertChangeListener;
  /** New alert and incident ids; random UUIDs by default. */
  readonly newId?: () => string;
}

export interface AlertEvaluator {
  /** Runs the model's rules on the series `points` (the window's evaluation) added to. */
  evaluateWindow(window: Window, points: readonly MetricPoint[]): Promise<void>;
  /** Runs every enabled absence rule now. */
  checkAbsence(): Promise<void>;
}

/** A window re-read and recomputed this many times when another writer changed its alerts meanwhile. */
const CONFLICT_ATTEMPTS = 3;

/** How many of a series' latest values a condition reads (null values are skipped by the query, so this is exact). */
function valuesNeeded(rule: AlertRule): number {
  const c = rule.condition;
  return c.kind === 'n_of_m' ? c.m : c.kind === 'dynamic' ? c.lookback + 1 : 1;
}

function isAlertConflict(error: unknown): boolean {
  return error instanceof StoreConflictError && error.entity === 'alert';
}

/**
 * @example
 * const alerts = createAlertEvaluator({ store, clock: Date.now, log, onQueued: () => deliveries.wake() });
 * const evaluator = createWindowEvaluator({ ...deps, onEvaluated: (window, points) => alerts.evaluateWindow(window, points) });
 */
export function createAlertEvaluator(deps: AlertEvaluatorDeps): AlertEvaluator {
  const { store } = deps;
  const newId = deps.newId ?? randomUUID;
  const models = new Map<string, Model>();

  async function modelOf(modelId: string): Promise<Model | null> {
    if (!models.has(modelId)) for (const m of await store.listModels()) models.set(m.id, m);
    return models.get(modelId) ?? null;
  }

  /** One step of one rule's alert for one series; null when nothing is to be written. */
  async function step(rule: AlertRule, seriesKey: string, point: MetricPoint | null, result: ConditionResult, evidenceOf: () => Parameters<typeof buildEvidence>[0], now: number): Promise<AlertChange | null> {
    const current = await store.alerts.latestAlert(rule.id, seriesKey);
    // Without an open alert only a firing changes anything: quiet series skip building evidence.
    if (result.state !== 'firing' && (current === null || current.alert.status === 'resolved')) return null;
    const next = nextAlertState(current?.alert ?? null, result, { rule, key: alertKeyOf(rule, point), now, evidence: buildEvidence(evidenceOf()), newId });
    if (!next.changed || next.alert === null) return null;
    return { alert: next.alert, revision: next.alert.id === current?.alert.id ? current.revision : null, notify: next.notify };
  }

  async function evaluateWindowOnce(window: Window, points: readonly MetricPoint[]): Promise<void> {
    const rules = (await store.alerts.listRules({ modelId: window.modelId, enabled: true })).filter((r) => r.condition.kind !== 'absence');
    if (rules.length === 0) return;
    const model = await modelOf(window.modelId);
    if (!model) return;
    const now = deps.clock();
    const changes: AlertChange[] = [];
    for (const rule of rules) {
      for (const [seriesKey, series] of selectRuleSeries(rule, points)) {
        const latest = series.at(-1)!;
        // No value in this window: the condition cannot be decided and nothing changes (evaluateCondition's rule).
        if (latest.value === null) continue;
        const history = await store.queryMetrics(model.id, {
          metric: rule.metric,
          feature: latest.feature,
          segment: latest.segment,
          ...(rule.versionId === null ? {} : { versionId: rule.versionId }),
          withValue: true,
          latest: valuesNeeded(rule),
        });
        // A window evaluated again after newer ones of its series (a late label) must not step their alert again.
        if (history.at(-1)?.windowId !== window.id) continue;
        const result = evaluateCondition(rule, history, { now, lastRecordAt: null });
        const evidence = () => ({ rule, result, windowId: window.id, time: latest.time, feature: latest.feature, windowPoints: points, modelName: model.name });
        const change = await step(rule, seriesKey, latest, result, evidence, now);
        if (change) changes.push(change);
      }
    }
    if (changes.length === 0) return;
    let incident: Incident | null = null;
    const fired = changes.filter((c) => c.notify === 'firing');
    if (fired.length > 0) {
      const grouped = groupIncident(model.id, window.id, fired.map((c) => c.alert), await store.alerts.openIncident(model.id, window.id), now, newId);
      incident = grouped;
      for (const [i, change] of changes.entries()) if (change.notify === 'firing') changes[i] = { ...change, alert: { ...change.alert, incidentId: grouped.id } };
    }
    const version = await store.getVersionById(window.versionId);
    const queued = await commitAlertChanges(store, { changes, incident, model, version, now }, deps.onAlertChanged);
    deps.log.debug?.({ window: window.id, changes: changes.length, queued }, 'alerts evaluated');
    if (queued > 0) deps.onQueued?.();
  }

  async function checkRule(rule: AlertRule, now: number): Promise<void> {
    const model = await modelOf(rule.modelId);
    if (!model) return;
    const lastRecordAt = await store.lastRecordAt(rule.modelId, rule.versionId ?? undefined);
    const result = evaluateCondition(rule, [], { now, lastRecordAt });
    const evidence = () => ({ rule, result, windowId: null, time: now, feature: null, windowPoints: [], modelName: model.name });
    const change = await step(rule, seriesKeyOf(alertKeyOf(rule, null)), null, result, evidence, now);
    if (!change) return;
    const version = rule.versionId === null ? null : await store.getVersionById(rule.versionId);
    if ((await commitAlertChanges(store, { changes: [change], model, version, now }, deps.onAlertChanged)) > 0) deps.onQueued?.();
  }

  return {
    async evaluateWindow(window, points) {
      for (let attempt = 1; ; attempt++) {
        try {
          await evaluateWindowOnce(window, points);
          return;
        } catch (error) {
          if (!isAlertConflict(error) || attempt >= CONFLICT_ATTEMPTS) throw error;
        }
      }
    },

    async checkAbsence() {
      const now = deps.clock();
      const rules = (await store.alerts.listRules({ enabled: true })).filter((r) => r.condition.kind === 'absence');
      for (const rule of rules) {
        try {
          await checkRule(rule, now);
        } catch (error) {
          // Another node checked the same rule at the same moment and wrote first: its result stands.
          if (isAlertConflict(error)) continue;
          deps.log.error({ err: error, rule: rule.id }, 'absence check failed');
        }
      }
    },
  };
}
