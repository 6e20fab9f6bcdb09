import { describe, expect, it } from 'vitest';
import { pagerDutyEventProblems } from '../testing/channel-payload-problems.js';
import { SAMPLE_ALERT, sampleNotification } from '../testing/sample-notification.js';
import { renderPagerDutyEvent } from './render-pagerduty-event.js';

const KEY = 'R0UT1NGKEY0123456789ABCDEFGHIJKL';

describe('renderPagerDutyEvent', () => {
  it('triggers with the alert id as dedup_key and the documented payload fields', () => {
    const event = renderPagerDutyEvent(KEY, sampleNotification());
    expect(pagerDutyEventProblems(event)).toEqual([]);
    expect(event).toMatchObject({
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'alt_01',
      payload: {
        summary: '[critical] credit: drift.share 0.625 above 0.5',
        source: 'bothub/default/credit',
        severity: 'critical',
        timestamp: '2026-01-01T10:00:00.000Z',
        component: 'credit',
        group: 'default',
        class: 'drift.share',
      },
      client: 'Bothub',
      client_url: 'https://bothub.example.com/models/credit/windows/win_07',
      links: [{ href: 'https://bothub.example.com/models/credit/windows/win_07', text: 'View in Bothub' }],
    });
    if (event.event_action !== 'trigger') throw new Error('not a trigger');
    expect(event.payload.custom_details).toMatchObject({ Model: 'credit', Version: 'v3', 'Value vs threshold': '0.625 vs 0.5', evidence: SAMPLE_ALERT.evidence });
  });

  it('maps firing and renotify to trigger, acknowledged to acknowledge and resolved to resolve, all on one dedup_key', () => {
    const events = (['firing', 'renotify', 'acknowledged', 'resolved'] as const).map((e) => renderPagerDutyEvent(KEY, sampleNotification({ event: e })));
    expect(events.map((e) => e.event_action)).toEqual(['trigger', 'trigger', 'acknowledge', 'resolve']);
    expect(new Set(events.map((e) => e.dedup_key))).toEqual(new Set(['alt_01']));
    expect(events[2]).toEqual({ routing_key: KEY, event_action: 'acknowledge', dedup_key: 'alt_01' });
    for (const event of events) expect(pagerDutyEventProblems(event)).toEqual([]);
  });

  it('keeps the summary within 1024 characters and maps every severity', () => {
    const long = { ...SAMPLE_ALERT, severity: 'info' as const, evidence: { ...SAMPLE_ALERT.evidence, reason: 'r'.repeat(2000) } };
    const event = renderPagerDutyEvent(KEY, sampleNotification({ alert: long }));
    if (event.event_action !== 'trigger') throw new Error('not a trigger');
    expect(event.payload.summary).toHaveLength(1024);
    expect(event.payload.severity).toBe('info');
    expect(pagerDutyEventProblems(event)).toEqual([]);
  });
});
