import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature, webhookHeaders } from './sign-webhook.js';

const SECRET = 'whsec-0123456789abcdef';
const NOW = Date.UTC(2026, 0, 1, 10);
const BODY = '{"event":"firing","alert":{"id":"alt_01"}}';

describe('signWebhook and verifyWebhookSignature', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, as the docs tell receivers in any language', () => {
    const expected = createHmac('sha256', SECRET).update(`1767261600.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, '1767261600', BODY)).toBe(`v1=${expected}`);
  });

  it('builds the three headers, and a receiver accepts them', () => {
    const headers = webhookHeaders(BODY, { secret: SECRET, idempotencyKey: 'alt_01:firing:1', now: NOW });
    expect(headers).toEqual({ 'Bothub-Timestamp': String(NOW / 1000), 'Bothub-Idempotency-Key': 'alt_01:firing:1', 'Bothub-Signature': signWebhook(SECRET, String(NOW / 1000), BODY) });
    expect(verifyWebhookSignature(SECRET, headers['Bothub-Timestamp'], BODY, headers['Bothub-Signature'], { now: NOW + 1000 })).toEqual({ ok: true });
  });

  it('sends no signature header without a secret', () => {
    expect(Object.keys(webhookHeaders(BODY, { idempotencyKey: 'k', now: NOW }))).toEqual(['Bothub-Timestamp', 'Bothub-Idempotency-Key']);
  });

  it('refuses a changed body, a changed timestamp and another secret', () => {
    const timestamp = String(NOW / 1000);
    const signature = signWebhook(SECRET, timestamp, BODY);
    expect(verifyWebhookSignature(SECRET, timestamp, BODY.replace('firing', 'resolved'), signature, { now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(SECRET, String(NOW / 1000 + 1), BODY, signature, { now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature('another-secret-of-16', timestamp, BODY, signature, { now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a request older (or newer) than the tolerance: a captured request cannot be replayed later', () => {
    const timestamp = String(NOW / 1000);
    const signature = signWebhook(SECRET, timestamp, BODY);
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, signature, { now: NOW + 300_000 })).toEqual({ ok: true });
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, signature, { now: NOW + 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, signature, { now: NOW - 301_000 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, signature, { now: NOW + 3_600_000, toleranceSeconds: 7200 })).toEqual({ ok: true });
  });

  it('accepts any one of several signatures (a secret being rotated)', () => {
    const timestamp = String(NOW / 1000);
    const header = `${signWebhook('the-old-secret-0000', timestamp, BODY)}, ${signWebhook(SECRET, timestamp, BODY)}`;
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, header, { now: NOW })).toEqual({ ok: true });
  });

  it.each([
    [undefined, 'v1=00'],
    ['1767261600', undefined],
    ['not-a-time', 'v1=00'],
    ['1767261600', 'sha256=abcd'],
  ])('calls timestamp %s with signature %s malformed', (timestamp, header) => {
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, header, { now: NOW })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a signature of the wrong length or not hex without throwing', () => {
    const timestamp = String(NOW / 1000);
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, 'v1=abcd', { now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, 'v1=zz-not-hex', { now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
  });
});
