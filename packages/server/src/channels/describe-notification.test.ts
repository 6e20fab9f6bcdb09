import { describe, expect, it } from 'vitest';
import { SAMPLE_ALERT, sampleNotification } from '../testing/sample-notification.js';
import { formatMetricValue, metricLabel, notificationFacts, notificationHeadline, stateChangeNote } from './describe-notification.js';

describe('describe-notification', () => {
  it('formats values: counts whole, others to 4 significant digits, missing as n/a', () => {
    expect([formatMetricValue(12345), formatMetricValue(0.312345), formatMetricValue(-1.23456e-7), formatMetricValue(null)]).toEqual(['12345', '0.3123', '-1.235e-7', 'n/a']);
  });

  it('prefixes the headline with the state change, except for a new firing', () => {
    expect(notificationHeadline(sampleNotification())).toBe('credit: drift.share 0.625 above 0.5');
    expect(notificationHeadline(sampleNotification({ event: 'renotify' }))).toBe('Still firing: credit: drift.share 0.625 above 0.5');
    expect(stateChangeNote(sampleNotification({ event: 'renotify' }))).toBeNull();
  });

  it('names the feature with the metric, the project when not the default, and every version when none', () => {
    const alert = { ...SAMPLE_ALERT, segment: 'north', evidence: { ...SAMPLE_ALERT.evidence, metric: 'drift.statistic', feature: 'income', windowId: null } };
    const notification = sampleNotification({ alert, model: { id: 'm', name: 'credit', project: 'risk' }, version: null });
    expect(metricLabel(notification)).toBe('drift.statistic (income)');
    expect(Object.fromEntries(notificationFacts(notification).map((fact) => [fact.label, fact.value]))).toMatchObject({
      Model: 'risk/credit',
      Version: 'all versions',
      Segment: 'north',
      Window: 'none (2026-01-01T10:00:00.000Z)',
    });
  });
});
