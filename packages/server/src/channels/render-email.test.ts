import { describe, expect, it } from 'vitest';
import { SAMPLE_ALERT, sampleNotification } from '../testing/sample-notification.js';
import { renderEmail } from './render-email.js';

describe('renderEmail', () => {
  it('writes the subject, a text body and an HTML body with the same facts', () => {
    const email = renderEmail(sampleNotification());
    expect(email.subject).toBe('[Bothub][critical] credit: drift.share 0.625 above 0.5');
    expect(email.text).toContain('Value vs threshold: 0.625 vs 0.5');
    expect(email.text).toContain('  - income: effect size 0.81 (drifted)');
    expect(email.text).toContain('View in Bothub: https://bothub.example.com/models/credit/windows/win_07');
    expect(email.html).toContain('<tr><th align="left">Value vs threshold</th><td>0.625 vs 0.5</td></tr>');
    expect(email.html).toContain('<a href="https://bothub.example.com/models/credit/windows/win_07">View in Bothub</a>');
  });

  it('derives the Message-ID from the idempotency key, and threads every message of one alert', () => {
    const firing = renderEmail(sampleNotification());
    expect(renderEmail(sampleNotification()).messageId).toBe(firing.messageId);
    expect(firing.messageId).toMatch(/^<[0-9a-f]{40}@bothub\.invalid>$/);
    const resolved = renderEmail(sampleNotification({ event: 'resolved', alert: { ...SAMPLE_ALERT, status: 'resolved', resolvedAt: Date.UTC(2026, 0, 1, 12), resolvedBy: 'bob' } }));
    expect(resolved.messageId).not.toBe(firing.messageId);
    expect(resolved.references).toBe(firing.references);
    expect(resolved.subject).toBe('[Bothub][critical] Resolved: credit: drift.share 0.625 above 0.5');
    expect(resolved.text).toContain('Resolved by bob at 2026-01-01T12:00:00.000Z');
  });

  it('escapes HTML in names and reasons', () => {
    const alert = { ...SAMPLE_ALERT, evidence: { ...SAMPLE_ALERT.evidence, reason: '<script>alert(1)</script>', topFeatures: [{ feature: 'a&b', effectSize: 1, drifted: true }] } };
    const { html } = renderEmail(sampleNotification({ alert }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<li>a&amp;b: effect size 1 (drifted)</li>');
  });
});
