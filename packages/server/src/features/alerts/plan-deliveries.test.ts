import { describe, expect, it } from 'vitest';
import type { Channel } from '@bothub/core';
import { makeAlert, makeAlertRule, makeModel } from '@bothub/testkit';
import { notificationKey, planDeliveries } from './plan-deliveries.js';

function channel(name: string, overrides: Partial<Channel> = {}): Channel {
  return { id: `c-${name}`, name, kind: 'webhook', severities: ['warning'], rateLimitPerMinute: 30, enabled: true, url: 'https://example.com', hasSecret: true, routingKey: null, smtp: null, command: null, createdAt: '', ...overrides };
}

describe('planDeliveries', () => {
  const model = makeModel({ id: 'm1', features: [] });
  const channels = [channel('ops'), channel('pager', { severities: ['critical'] }), channel('off', { enabled: false }), channel('all', { severities: ['info', 'warning', 'critical'] })];

  it('queues one delivery per channel subscribed to the severity, or per channel the rule names, enabled only', () => {
    const alert = makeAlert({ fireCount: 3 });
    const bySeverity = planDeliveries(alert, 'renotify', { rule: makeAlertRule(), model, version: null, channels, now: 5000 });
    expect(bySeverity.map((d) => d.channelId)).toEqual(['c-ops', 'c-all']);
    expect(bySeverity[0]).toMatchObject({ alertId: 'a1', event: 'renotify', idempotencyKey: 'a1:renotify:3', createdAt: 5000 });
    expect(bySeverity[0]!.notification).toEqual({
      idempotencyKey: 'a1:renotify:3',
      event: 'renotify',
      alert,
      rule: { id: 'r1', name: 'Feature drift' },
      model: { id: 'm1', name: model.name, project: model.project },
      version: null,
      url: '/models/credit/windows/w0',
      sentAt: 5000,
    });
    const named = planDeliveries(alert, 'firing', { rule: makeAlertRule({ channels: ['pager', 'off', 'gone'] }), model, version: null, channels, now: 0 });
    expect(named.map((d) => d.channelId)).toEqual(['c-pager']);
    const orphan = planDeliveries(alert, 'resolved', { rule: null, model, version: { id: 'v1', modelId: 'm1', version: '3', aliases: [], metadata: {}, reference: null, createdAt: '' }, channels, now: 0 });
    expect(orphan.map((d) => d.notification.rule.name)).toEqual(['(deleted rule)', '(deleted rule)']);
    expect(orphan[0]!.notification.version).toEqual({ id: 'v1', version: '3' });
  });

  it('keys each state change once: firing and renotify by fire count, acknowledged and resolved by name', () => {
    const alert = makeAlert({ id: 'x', fireCount: 7 });
    expect(['firing', 'renotify', 'acknowledged', 'resolved'].map((e) => notificationKey(alert, e as never))).toEqual(['x:firing:7', 'x:renotify:7', 'x:acknowledged:acknowledged', 'x:resolved:resolved']);
  });
});
