import type { AlertRule } from '@bothub/core';

/**
 * A stored AlertRule for tests: rule r1 of model m1 on drift.statistic of every feature ("*"), all versions together,
 * the all-segments series, a static threshold above 0.2, severity warning, auto-resolve after 3 clear windows,
 * cooldown 60 minutes, re-notify after 240; any field given by the caller replaces the default.
 * @example makeAlertRule({ condition: { kind: 'n_of_m', direction: 'above', value: 0.2, n: 3, m: 5 } });
 */
export function makeAlertRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    modelId: 'm1',
    name: 'Feature drift',
    description: null,
    versionId: null,
    segment: null,
    metric: 'drift.statistic',
    feature: '*',
    condition: { kind: 'threshold', direction: 'above', value: 0.2 },
    severity: 'warning',
    channels: null,
    enabled: true,
    autoResolveWindows: 3,
    cooldownMinutes: 60,
    renotifyMinutes: 240,
    isDefault: false,
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
    ...overrides,
  };
}
