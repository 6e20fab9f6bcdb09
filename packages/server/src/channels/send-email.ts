/**
 * Sends a notification by e-mail over SMTP (nodemailer). The SMTP host goes through the same SSRF guard as channel
 * URLs and the connection is made to the checked address (the TLS server name stays the host's name, so certificates
 * are still verified against it).
 */
import { createTransport } from 'nodemailer';
import type { Channel, Notification } from '@bothub/core';
import { checkOutboundHost } from './check-outbound-url.js';
import type { LookupAll, OutboundPolicy } from './check-outbound-url.js';
import { renderEmail } from './render-email.js';
import { outcomeOfError } from './send-outcome.js';
import type { SendOutcome } from './send-outcome.js';
import { IDEMPOTENCY_HEADER } from './sign-webhook.js';

export type SmtpSettings = NonNullable<Channel['smtp']>;

export interface SendEmailOptions {
  readonly policy: OutboundPolicy;
  /** Each wait: connecting, the greeting, an idle socket. */
  readonly timeoutMs: number;
  readonly lookup?: LookupAll;
}

/** Failures that the same message would meet again: the server's own word (`permanent`), or bad credentials or settings. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EMESSAGE', 'EREQUIRETLS']);

interface SmtpError {
  readonly code?: string;
  readonly permanent?: boolean;
  readonly responseCode?: number;
}

function isPermanent(error: SmtpError): boolean {
  if (error.permanent !== undefined) return error.permanent;
  return error.code !== undefined && PERMANENT_CODES.has(error.code);
}

/**
 * @example
 * const outcome = await sendEmail(channel.smtp, secrets.smtpPassword, notification, { policy, timeoutMs: 10_000 });
 */
export async function sendEmail(smtp: SmtpSettings, password: string | undefined, notification: Notification, options: SendEmailOptions): Promise<SendOutcome> {
  try {
    const checked = await checkOutboundHost(smtp.host, options.policy, options.lookup);
    const email = renderEmail(notification);
    const transport = createTransport({
      host: checked.address,
      port: smtp.port,
      secure: smtp.secure,
      ...(checked.address === checked.hostname ? {} : { servername: checked.hostname }),
      ...(smtp.user === null ? {} : { auth: { user: smtp.user, pass: password ?? '' } }),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    });
    try {
      await transport.sendMail({
        from: smtp.from,
        to: [...smtp.to],
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        references: email.references,
        headers: { [`X-${IDEMPOTENCY_HEADER}`]: notification.idempotencyKey },
      });
    } finally {
      transport.close();
    }
    return { ok: true };
  } catch (error) {
    const outcome = outcomeOfError(error);
    return !outcome.ok && outcome.retryable && isPermanent(error as SmtpError) ? { ...outcome, retryable: false } : outcome;
  }
}
