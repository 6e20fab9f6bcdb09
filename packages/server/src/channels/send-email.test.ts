import { afterEach, describe, expect, it } from 'vitest';
import { sampleNotification } from '../testing/sample-notification.js';
import { startSmtpReceiver } from '../testing/start-smtp-receiver.js';
import type { SmtpReceiver } from '../testing/start-smtp-receiver.js';
import { renderEmail } from './render-email.js';
import { sendEmail } from './send-email.js';
import type { SmtpSettings } from './send-email.js';

const LOOPBACK = { allowPrivate: ['127.0.0.1'] };
let smtp: SmtpReceiver | undefined;

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

function settings(port: number, overrides: Partial<SmtpSettings> = {}): SmtpSettings {
  return { host: '127.0.0.1', port, secure: false, user: null, from: 'bothub@example.com', to: ['oncall@example.com', 'ml@example.com'], ...overrides };
}

/** The value of one header of a raw message (folded lines joined). */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

describe('sendEmail', () => {
  it('delivers to every recipient with the subject, text and HTML bodies, and headers from the idempotency key', async () => {
    smtp = await startSmtpReceiver();
    const notification = sampleNotification();
    expect(await sendEmail(settings(smtp.port), undefined, notification, { policy: LOOPBACK, timeoutMs: 5000 })).toEqual({ ok: true });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('bothub@example.com');
    expect(mail.to).toEqual(['oncall@example.com', 'ml@example.com']);
    expect(header(mail.raw, 'Subject')).toBe('[Bothub][critical] credit: drift.share 0.625 above 0.5');
    expect(header(mail.raw, 'To')).toBe('oncall@example.com, ml@example.com');
    expect(header(mail.raw, 'Message-ID')).toBe(renderEmail(notification).messageId);
    expect(header(mail.raw, 'References')).toBe(renderEmail(notification).references);
    expect(header(mail.raw, 'X-Bothub-Idempotency-Key')).toBe('alt_01:firing:1');
    expect(mail.raw).toContain('Content-Type: text/plain');
    expect(mail.raw).toContain('Content-Type: text/html');
    expect(mail.raw).toContain('Value vs threshold: 0.625 vs 0.5');
  });

  it('logs in with the channel user and its secret password', async () => {
    smtp = await startSmtpReceiver({ login: { user: 'bothub', password: 's3cret' } });
    expect(await sendEmail(settings(smtp.port, { user: 'bothub' }), 's3cret', sampleNotification(), { policy: LOOPBACK, timeoutMs: 5000 })).toEqual({ ok: true });
    expect(smtp.mails[0]?.user).toBe('bothub');
    const refused = await sendEmail(settings(smtp.port, { user: 'bothub' }), 'wrong', sampleNotification(), { policy: LOOPBACK, timeoutMs: 5000 });
    expect(refused).toMatchObject({ ok: false, retryable: false });
  });

  it('gives up on a permanent refusal (5xx) and retries a transient one (4xx)', async () => {
    smtp = await startSmtpReceiver({ refuseRecipients: 550 });
    expect(await sendEmail(settings(smtp.port), undefined, sampleNotification(), { policy: LOOPBACK, timeoutMs: 5000 })).toMatchObject({ ok: false, retryable: false });
    await smtp.close();
    smtp = await startSmtpReceiver({ refuseRecipients: 451 });
    expect(await sendEmail(settings(smtp.port), undefined, sampleNotification(), { policy: LOOPBACK, timeoutMs: 5000 })).toMatchObject({ ok: false, retryable: true });
  });

  it('checks the SMTP host with the SSRF policy', async () => {
    smtp = await startSmtpReceiver();
    const outcome = await sendEmail(settings(smtp.port), undefined, sampleNotification(), { policy: { allowPrivate: [] }, timeoutMs: 5000 });
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    if (outcome.ok) throw new Error('sent');
    expect(outcome.error).toContain('127.0.0.1');
    expect(smtp.mails).toHaveLength(0);
  });

  it('retries when the server is down', async () => {
    smtp = await startSmtpReceiver();
    const { port } = smtp;
    await smtp.close();
    smtp = undefined;
    expect(await sendEmail(settings(port), undefined, sampleNotification(), { policy: LOOPBACK, timeoutMs: 5000 })).toMatchObject({ ok: false, retryable: true });
  });
});
