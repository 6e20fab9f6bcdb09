import type { Channel, Notification } from '@bothub/core';
import { notificationUrl } from '../alerts/index.js';

/**
 * The notification `POST /api/v1/channels/{channel}/test` sends: a firing alert of the channel's first severity, with
 * a reason saying it is a test, so receivers see the real payload shape without a real alert.
 *
 * @example
 * const notification = testNotification(channel, Date.now(), 'https://bothub.example.com', randomUUID());
 */
export function testNotification(channel: Channel, now: number, publicUrl: string, id: string): Notification {
  return {
    idempotencyKey: `test:${id}`,
    event: 'firing',
    alert: {
      id: `test-${id}`,
      ruleId: 'test',
      modelId: 'test',
      versionId: null,
      segment: null,
      feature: null,
      severity: channel.severities[0] ?? 'info',
      status: 'firing',
      incidentId: null,
      firstFiredAt: now,
      lastFiredAt: now,
      fireCount: 1,
      clearWindows: 0,
      lastNotifiedAt: now,
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolvedBy: null,
      evidence: { windowId: null, time: now, metric: 'test', feature: null, value: null, threshold: null, reason: `A test notification from Bothub to channel ${channel.name}: it works.`, topFeatures: [], link: '/' },
      feedback: null,
      events: [{ at: now, action: 'fired', by: 'system', note: 'channel test' }],
    },
    rule: { id: 'test', name: 'Channel test' },
    model: { id: 'test', name: 'test', project: 'default' },
    version: null,
    url: notificationUrl(publicUrl, '/'),
    sentAt: now,
  };
}
