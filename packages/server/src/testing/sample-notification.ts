/**
 * A notification as the delivery job builds one (a drift alert of the model `credit`), for channel tests; each field
 * can be overridden.
 */
import type { Alert, Notification } from '@bothub/core';

export const SAMPLE_ALERT: Alert = {
  id: 'alt_01',
  ruleId: 'rul_01',
  modelId: 'mdl_01',
  versionId: 'ver_01',
  segment: null,
  feature: null,
  severity: 'critical',
  status: 'firing',
  incidentId: null,
  firstFiredAt: Date.UTC(2026, 0, 1, 10),
  lastFiredAt: Date.UTC(2026, 0, 1, 10),
  fireCount: 1,
  clearWindows: 0,
  lastNotifiedAt: Date.UTC(2026, 0, 1, 10),
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  evidence: {
    windowId: 'win_07',
    time: Date.UTC(2026, 0, 1, 10),
    metric: 'drift.share',
    feature: null,
    value: 0.625,
    threshold: 0.5,
    reason: 'drift.share 0.625 above 0.5',
    topFeatures: [
      { feature: 'income', effectSize: 0.81, drifted: true },
      { feature: 'age', effectSize: 0.42, drifted: true },
      { feature: 'region', effectSize: 0.05, drifted: false },
    ],
    link: '/models/credit/windows/win_07',
  },
  feedback: null,
  events: [{ at: Date.UTC(2026, 0, 1, 10), action: 'fired', by: 'system', note: null }],
};

/**
 * @example
 * const resolved = sampleNotification({ event: 'resolved', alert: { ...SAMPLE_ALERT, status: 'resolved', resolvedAt: t, resolvedBy: 'system' } });
 */
export function sampleNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    idempotencyKey: `${overrides.alert?.id ?? SAMPLE_ALERT.id}:${overrides.event ?? 'firing'}:1`,
    event: 'firing',
    alert: SAMPLE_ALERT,
    rule: { id: 'rul_01', name: 'Dataset drift' },
    model: { id: 'mdl_01', name: 'credit', project: 'default' },
    version: { id: 'ver_01', version: 'v3' },
    url: 'https://bothub.example.com/models/credit/windows/win_07',
    sentAt: Date.UTC(2026, 0, 1, 10, 0, 5),
    ...overrides,
  };
}
