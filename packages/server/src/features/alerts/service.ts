/**
 * Alerts and incidents as people see them: lists, one alert with its deliveries, and the actions (acknowledge,
 * resolve, feedback), each written with the notifications it causes.
 */
import { acknowledgeAlert, recordFeedback, resolveAlert } from '@bothub/core';
import type { Alert, AlertAction, Incident, Model, Severity, Version } from '@bothub/core';
import { ApiError } from '../../http/errors.js';
import type { Delivery } from '../../storage/alert-store.js';
import type { Store } from '../../storage/store.js';
import type { RegistryService } from '../registry/index.js';
import { commitAlertChanges } from './commit-alert-changes.js';
import type { AlertChangeListener } from './commit-alert-changes.js';

export interface AlertDeps {
  readonly store: Store;
  readonly clock: () => number;
  readonly registry: Pick<RegistryService, 'requireModel'>;
  /** Told when notifications were queued: the delivery job's wake. */
  readonly wakeDeliveries?: () => void;
  /** Told of each alert state change people make (acknowledge, resolve). */
  readonly onAlertChanged?: AlertChangeListener;
}

export interface AlertListFilter {
  readonly status?: Alert['status'];
  readonly model?: string;
  readonly project?: string;
  readonly severity?: Severity;
  readonly rule?: string;
  readonly limit: number;
  readonly before?: string;
}

export interface IncidentListFilter {
  readonly model?: string;
  readonly project?: string;
  readonly status?: Incident['status'];
  readonly limit: number;
  readonly before?: string;
}

/** A delivery as the API shows it: the notification itself is the alert's, so it is left out. */
export type DeliveryView = Omit<Delivery, 'notification' | 'alertId'> & { readonly channel: string | null };

export interface AlertService {
  list(filter: AlertListFilter): Promise<{ alerts: Alert[]; next: string | null }>;
  /** The alert with every notification queued for it and how each went. */
  get(id: string): Promise<Alert & { deliveries: DeliveryView[] }>;
  acknowledge(id: string, by: string, note?: string): Promise<Alert>;
  resolve(id: string, by: string, note?: string): Promise<Alert>;
  feedback(id: string, verdict: 'real' | 'false', by: string, note?: string): Promise<Alert>;
  /** Resolves (by "system") every open alert of a rule that is being deleted or switched off; resolves with how many. */
  closeRuleAlerts(ruleId: string, note: string): Promise<number>;
  listIncidents(filter: IncidentListFilter): Promise<{ incidents: Incident[]; next: string | null }>;
  getIncident(id: string): Promise<Incident>;
}

/** Open alerts of one rule resolved at once when it goes (each rule has at most one per series). */
const MAX_OPEN_ALERTS_CLOSED = 10_000;

/**
 * @example
 * const alerts = createAlertService({ store, clock: Date.now, registry, wakeDeliveries: () => deliveries.wake() });
 * await alerts.acknowledge(alertId, 'ana@example.com', 'looking into it');
 */
export function createAlertService(deps: AlertDeps): AlertService {
  const { store } = deps;

  async function modelIdOf(model: string | undefined, project: string | undefined): Promise<string | undefined> {
    return model === undefined ? undefined : (await deps.registry.requireModel(project, model)).id;
  }

  async function requireAlert(id: string): Promise<{ alert: Alert; revision: number }> {
    const stored = await store.alerts.getAlert(id);
    if (stored === null) throw new ApiError('alert_not_found', { alert: id });
    return stored;
  }

  async function modelOf(alert: Alert): Promise<Model> {
    const model = (await store.listModels()).find((m) => m.id === alert.modelId);
    if (!model) throw new ApiError('model_not_found', { modelId: alert.modelId });
    return model;
  }

  /** The rule's version, else that of the window the alert last fired in. */
  async function versionOf(alert: Alert): Promise<Version | null> {
    if (alert.versionId !== null) return store.getVersionById(alert.versionId);
    const windowId = alert.evidence.windowId;
    const window = windowId === null ? null : await store.getWindow(alert.modelId, windowId);
    return window === null ? null : store.getVersionById(window.window.versionId);
  }

  async function act(id: string, step: (alert: Alert, now: number) => AlertAction): Promise<Alert> {
    const stored = await requireAlert(id);
    const now = deps.clock();
    let action: AlertAction;
    try {
      action = step(stored.alert, now);
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('invalid_transition', { alert: id, status: stored.alert.status }, error.message);
      throw error;
    }
    const version = action.notify === null ? null : await versionOf(action.alert);
    const queued = await commitAlertChanges(store, { changes: [{ alert: action.alert, revision: stored.revision, notify: action.notify }], model: await modelOf(action.alert), version, now }, deps.onAlertChanged);
    if (queued > 0) deps.wakeDeliveries?.();
    return action.alert;
  }

  return {
    async list(filter) {
      const modelId = await modelIdOf(filter.model, filter.project);
      const page = await store.alerts.listAlerts({
        limit: filter.limit,
        ...(filter.before === undefined ? {} : { before: filter.before }),
        ...(filter.status === undefined ? {} : { status: filter.status }),
        ...(filter.severity === undefined ? {} : { severity: filter.severity }),
        ...(filter.rule === undefined ? {} : { ruleId: filter.rule }),
        ...(modelId === undefined ? {} : { modelId }),
      });
      return { alerts: [...page.alerts], next: page.next };
    },

    async get(id) {
      const { alert } = await requireAlert(id);
      const deliveries = await store.alerts.listDeliveries(id);
      const names = new Map((await store.alerts.listChannels()).map(({ channel }) => [channel.id, channel.name]));
      return {
        ...alert,
        deliveries: deliveries.map((d) => ({
          id: d.id,
          channelId: d.channelId,
          channel: names.get(d.channelId) ?? null,
          event: d.event,
          idempotencyKey: d.idempotencyKey,
          status: d.status,
          attempts: d.attempts,
          nextAttemptAt: d.nextAttemptAt,
          lastError: d.lastError,
          createdAt: d.createdAt,
          sentAt: d.sentAt,
        })),
      };
    },

    acknowledge: (id, by, note) => act(id, (alert, now) => acknowledgeAlert(alert, by, now, note)),
    resolve: (id, by, note) => act(id, (alert, now) => resolveAlert(alert, by, now, note)),
    feedback: (id, verdict, by, note) => act(id, (alert, now) => recordFeedback(alert, verdict, by, now, note)),

    async closeRuleAlerts(ruleId, note) {
      let closed = 0;
      for (const status of ['firing', 'acknowledged'] as const) {
        const { alerts } = await store.alerts.listAlerts({ ruleId, status, limit: MAX_OPEN_ALERTS_CLOSED });
        for (const alert of alerts) {
          await act(alert.id, (current, now) => resolveAlert(current, 'system', now, note));
          closed++;
        }
      }
      return closed;
    },

    async listIncidents(filter) {
      const modelId = await modelIdOf(filter.model, filter.project);
      const page = await store.alerts.listIncidents({
        limit: filter.limit,
        ...(filter.before === undefined ? {} : { before: filter.before }),
        ...(filter.status === undefined ? {} : { status: filter.status }),
        ...(modelId === undefined ? {} : { modelId }),
      });
      return { incidents: [...page.incidents], next: page.next };
    },

    async getIncident(id) {
      const incident = await store.alerts.getIncident(id);
      if (incident === null) throw new ApiError('incident_not_found', { incident: id });
      return incident;
    },
  };
}
