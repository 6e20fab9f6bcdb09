import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Notification } from '@bothub/core';
import { pagerDutyEventProblems, slackMessageProblems } from '../testing/channel-payload-problems.js';
import { SAMPLE_ALERT, sampleNotification } from '../testing/sample-notification.js';
import { startHttpReceiver } from '../testing/start-http-receiver.js';
import type { HttpReceiver, ReceivedRequest } from '../testing/start-http-receiver.js';
import { startSmtpReceiver } from '../testing/start-smtp-receiver.js';
import { sendNotification } from './send-notification.js';
import type { SendDeps } from './send-notification.js';
import { verifyWebhookSignature } from './sign-webhook.js';

const NOW = Date.UTC(2026, 0, 1, 10, 0, 5);
const SECRET = 'whsec-0123456789abcdef';
const DEPS: SendDeps = { policy: { allowPrivate: ['127.0.0.1'] }, now: () => NOW, timeoutMs: 5000 };

let receiver: HttpReceiver;

beforeEach(async () => {
  receiver = await startHttpReceiver();
});

afterEach(async () => {
  await receiver.close();
});

function channel(kind: Channel['kind'], overrides: Partial<Channel> = {}): Channel {
  return {
    id: `chn_${kind}`,
    name: kind,
    kind,
    severities: ['warning', 'critical'],
    rateLimitPerMinute: 30,
    enabled: true,
    url: `${receiver.origin}/${kind}`,
    hasSecret: false,
    routingKey: null,
    smtp: null,
    command: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function lastRequest(): ReceivedRequest {
  const request = receiver.requests.at(-1);
  if (request === undefined) throw new Error('the receiver got no request');
  return request;
}

describe('sendNotification over HTTP', () => {
  it('posts a Slack message that passes Slack\'s documented block limits', async () => {
    receiver.answer({ status: 200, body: 'ok' });
    expect(await sendNotification(channel('slack'), {}, sampleNotification(), DEPS)).toEqual({ ok: true, status: 200 });
    const request = lastRequest();
    expect(request.path).toBe('/slack');
    expect(request.headers['content-type']).toBe('application/json');
    expect(slackMessageProblems(JSON.parse(request.body))).toEqual([]);
  });

  it('sends PagerDuty Events v2 trigger, acknowledge and resolve with one dedup_key, to the channel URL', async () => {
    // PagerDuty's documented answer to an accepted event.
    receiver.answer({ status: 202, headers: { 'content-type': 'application/json' }, body: '{"status":"success","message":"Event processed","dedup_key":"alt_01"}' });
    const pagerduty = channel('pagerduty', { routingKey: 'R0UT1NGKEY0123456789ABCDEFGHIJKL' });
    const at = Date.UTC(2026, 0, 1, 11);
    const notifications: Notification[] = [
      sampleNotification(),
      sampleNotification({ event: 'acknowledged', alert: { ...SAMPLE_ALERT, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: 'alice' } }),
      sampleNotification({ event: 'resolved', alert: { ...SAMPLE_ALERT, status: 'resolved', resolvedAt: at, resolvedBy: 'system' } }),
    ];
    for (const notification of notifications) expect(await sendNotification(pagerduty, {}, notification, DEPS)).toEqual({ ok: true, status: 202 });
    const events = receiver.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);
    expect(events.map((event) => pagerDutyEventProblems(event))).toEqual([[], [], []]);
    expect(events.map((event) => event.event_action)).toEqual(['trigger', 'acknowledge', 'resolve']);
    expect(events.map((event) => event.dedup_key)).toEqual(['alt_01', 'alt_01', 'alt_01']);
    expect(events.map((event) => event.routing_key)).toEqual(Array(3).fill('R0UT1NGKEY0123456789ABCDEFGHIJKL'));
    expect(receiver.requests.map((request) => request.path)).toEqual(['/pagerduty', '/pagerduty', '/pagerduty']);
  });

  it('signs a generic webhook so that verifyWebhookSignature accepts it, with the notification as the body', async () => {
    const notification = sampleNotification();
    expect(await sendNotification(channel('webhook', { hasSecret: true }), { secret: SECRET }, notification, DEPS)).toEqual({ ok: true, status: 200 });
    const request = lastRequest();
    expect(JSON.parse(request.body)).toEqual(notification);
    expect(request.headers['bothub-idempotency-key']).toBe('alt_01:firing:1');
    expect(request.headers['bothub-timestamp']).toBe(String(Math.floor(NOW / 1000)));
    const check = verifyWebhookSignature(SECRET, request.headers['bothub-timestamp'] as string, request.body, request.headers['bothub-signature'] as string, { now: NOW + 2000 });
    expect(check).toEqual({ ok: true });
    expect(verifyWebhookSignature('another-secret-0000', request.headers['bothub-timestamp'] as string, request.body, request.headers['bothub-signature'] as string, { now: NOW })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('posts the retrain request (model, version, evidence, alert, key), signed like a webhook', async () => {
    const notification = sampleNotification();
    expect(await sendNotification(channel('retrain'), { secret: SECRET }, notification, DEPS)).toEqual({ ok: true, status: 200 });
    const request = lastRequest();
    expect(JSON.parse(request.body)).toEqual({
      event: 'firing',
      model: notification.model,
      version: notification.version,
      evidence: notification.alert.evidence,
      alert: notification.alert,
      idempotencyKey: 'alt_01:firing:1',
      url: notification.url,
    });
    expect(verifyWebhookSignature(SECRET, request.headers['bothub-timestamp'] as string, request.body, request.headers['bothub-signature'] as string, { now: NOW })).toEqual({ ok: true });
  });

  it('retries a 429 after its Retry-After, retries a 500, and gives up on a 400', async () => {
    receiver.answer({ status: 429, headers: { 'retry-after': '17' }, body: 'rate_limited' }, { status: 500, body: 'boom' }, { status: 400, body: 'invalid_payload' });
    const webhook = channel('webhook');
    expect(await sendNotification(webhook, {}, sampleNotification(), DEPS)).toEqual({ ok: false, retryable: true, error: 'HTTP 429: rate_limited', retryAfterMs: 17_000 });
    expect(await sendNotification(webhook, {}, sampleNotification(), DEPS)).toEqual({ ok: false, retryable: true, error: 'HTTP 500: boom' });
    expect(await sendNotification(webhook, {}, sampleNotification(), DEPS)).toEqual({ ok: false, retryable: false, error: 'HTTP 400: invalid_payload' });
    expect(receiver.requests).toHaveLength(3);
  });

  it('retries after a timeout when the receiver never answers, and when nothing listens', async () => {
    receiver.answer('hang');
    const outcome = await sendNotification(channel('slack'), {}, sampleNotification(), { ...DEPS, timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, retryable: true });
    if (outcome.ok) throw new Error('sent');
    expect(outcome.error).toContain('timed out after 200 ms');
    const closed = await startHttpReceiver();
    const port = closed.port;
    await closed.close();
    expect(await sendNotification(channel('webhook', { url: `http://127.0.0.1:${port}/gone` }), {}, sampleNotification(), DEPS)).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('ECONNREFUSED') as unknown });
  });

  it('refuses a loopback URL without the administrator\'s allowance, for good, and sends nothing', async () => {
    const outcome = await sendNotification(channel('webhook'), {}, sampleNotification(), { ...DEPS, policy: { allowPrivate: [] } });
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('127.0.0.1 is in the loopback range') as unknown });
    expect(receiver.requests).toHaveLength(0);
  });

  it('gives up on a channel missing what its kind needs', async () => {
    expect(await sendNotification(channel('slack', { url: null }), {}, sampleNotification(), DEPS)).toEqual({ ok: false, retryable: false, error: 'Channel slack (slack) has no url.' });
    expect(await sendNotification(channel('pagerduty'), {}, sampleNotification(), DEPS)).toEqual({ ok: false, retryable: false, error: 'Channel pagerduty (pagerduty) has no routing key.' });
    expect(await sendNotification(channel('email'), {}, sampleNotification(), DEPS)).toMatchObject({ ok: false, retryable: false });
    expect(await sendNotification(channel('retrain', { url: null }), {}, sampleNotification(), DEPS)).toMatchObject({ ok: false, retryable: false });
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('sendNotification by e-mail and command', () => {
  it('sends e-mail through a local SMTP server', async () => {
    const smtp = await startSmtpReceiver({ login: { user: 'bothub', password: 'pw' } });
    try {
      const email = channel('email', { url: null, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'bothub', from: 'bothub@example.com', to: ['oncall@example.com'] } });
      expect(await sendNotification(email, { smtpPassword: 'pw' }, sampleNotification(), DEPS)).toEqual({ ok: true });
      expect(smtp.mails.map((mail) => mail.to)).toEqual([['oncall@example.com']]);
      expect(smtp.mails[0]?.raw).toContain('Subject: [Bothub][critical] credit: drift.share 0.625 above 0.5');
    } finally {
      await smtp.close();
    }
  });

  it('runs the retrain command with the notification on stdin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bothub-send-'));
    try {
      const script = join(dir, 'save-stdin.mjs');
      const out = join(dir, 'stdin.json');
      await writeFile(script, "import { writeFileSync, readFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], readFileSync(0));\n");
      const notification = sampleNotification();
      expect(await sendNotification(channel('retrain', { url: null, command: [process.execPath, script, out] }), {}, notification, DEPS)).toEqual({ ok: true });
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(notification);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
