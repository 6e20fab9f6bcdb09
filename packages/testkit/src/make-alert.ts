import type { Alert } from '@bothub/core';

/**
 * A stored Alert for tests: alert a1 of rule r1 on model m1, feature income, firing since epoch ms 0 with
 * drift.statistic 0.31 above 0.2 in window w0; any field given by the caller replaces the default (`evidence` whole).
 * @example makeAlert({ id: 'a2', evidence: { ...makeAlert().evidence, value: 0.5 }, feedback: { verdict: 'real', by: 'ana', at: 0, note: null } });
 */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'a1',
    ruleId: 'r1',
    modelId: 'm1',
    versionId: null,
    segment: null,
    feature: 'income',
    severity: 'warning',
    status: 'firing',
    incidentId: null,
    firstFiredAt: 0,
    lastFiredAt: 0,
    fireCount: 1,
    clearWindows: 0,
    lastNotifiedAt: 0,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    evidence: {
      windowId: 'w0',
      time: 0,
      metric: 'drift.statistic',
      feature: 'income',
      value: 0.31,
      threshold: 0.2,
      reason: 'drift.statistic of income 0.31 above 0.2',
      topFeatures: [{ feature: 'income', effectSize: 0.8, drifted: true }],
      link: '/models/credit/windows/w0',
    },
    feedback: null,
    events: [{ at: 0, action: 'fired', by: 'system', note: 'drift.statistic of income 0.31 above 0.2' }],
    ...overrides,
  };
}
