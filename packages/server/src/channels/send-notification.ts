/**
 * One delivery attempt of one notification to one channel, whatever its kind, answered as a `SendOutcome`: delivered,
 * or failed and worth retrying (with the receiver's Retry-After when it gave one), or failed for good. It never throws.
 */
import type { Channel, Notification } from '@bothub/core';
import type { LookupAll, OutboundPolicy } from './check-outbound-url.js';
import { postJson } from './post-json.js';
import { PAGERDUTY_EVENTS_URL, renderPagerDutyEvent } from './render-pagerduty-event.js';
import { renderRetrainRequest } from './render-retrain-request.js';
import { renderSlackMessage } from './render-slack-message.js';
import { runRetrainCommand } from './run-retrain-command.js';
import { sendEmail } from './send-email.js';
import { ChannelMisconfigured, outcomeOfError, outcomeOfResponse } from './send-outcome.js';
import type { SendOutcome } from './send-outcome.js';
import { webhookHeaders } from './sign-webhook.js';

/** The write-only settings a channel keeps out of its public shape. */
export interface ChannelSecrets {
  /** webhook, retrain: the HMAC-SHA256 signing secret. */
  readonly secret?: string | undefined;
  readonly smtpPassword?: string | undefined;
}

export interface SendDeps {
  readonly policy: OutboundPolicy;
  /** Epoch ms: the signature's timestamp and the base of an HTTP-date Retry-After. */
  readonly now: () => number;
  /** One HTTP request or SMTP wait; default 10 s. */
  readonly timeoutMs?: number;
  /** A retrain command's run; default 60 s. */
  readonly commandTimeoutMs?: number;
  /** DNS resolution, for tests; the system resolver by default. */
  readonly lookup?: LookupAll;
}

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

function required<T>(value: T | null | undefined, channel: Channel, what: string): T {
  if (value === null || value === undefined) throw new ChannelMisconfigured(`Channel ${channel.name} (${channel.kind}) has no ${what}.`);
  return value;
}

async function post(url: string, body: string, headers: Readonly<Record<string, string>>, deps: SendDeps): Promise<SendOutcome> {
  const response = await postJson(url, body, headers, { policy: deps.policy, timeoutMs: deps.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS, ...(deps.lookup ? { lookup: deps.lookup } : {}) });
  return outcomeOfResponse(response, deps.now());
}

function signedPost(url: string, body: string, secrets: ChannelSecrets, notification: Notification, deps: SendDeps): Promise<SendOutcome> {
  return post(url, body, webhookHeaders(body, { secret: secrets.secret, idempotencyKey: notification.idempotencyKey, now: deps.now() }), deps);
}

async function attempt(channel: Channel, secrets: ChannelSecrets, notification: Notification, deps: SendDeps): Promise<SendOutcome> {
  switch (channel.kind) {
    case 'slack':
      return post(required(channel.url, channel, 'url'), JSON.stringify(renderSlackMessage(notification)), {}, deps);
    case 'pagerduty':
      return post(channel.url ?? PAGERDUTY_EVENTS_URL, JSON.stringify(renderPagerDutyEvent(required(channel.routingKey, channel, 'routing key'), notification)), {}, deps);
    case 'webhook':
      return signedPost(required(channel.url, channel, 'url'), JSON.stringify(notification), secrets, notification, deps);
    case 'email':
      return sendEmail(required(channel.smtp, channel, 'SMTP settings'), secrets.smtpPassword, notification, {
        policy: deps.policy,
        timeoutMs: deps.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
        ...(deps.lookup ? { lookup: deps.lookup } : {}),
      });
    case 'retrain':
      if (channel.url !== null) return signedPost(channel.url, JSON.stringify(renderRetrainRequest(notification)), secrets, notification, deps);
      return runRetrainCommand(required(channel.command, channel, 'url or command'), notification, deps.commandTimeoutMs === undefined ? {} : { timeoutMs: deps.commandTimeoutMs });
  }
}

/**
 * @example
 * const outcome = await sendNotification(channel, { secret }, notification, { policy: { allowPrivate: [] }, now: Date.now });
 * if (!outcome.ok && outcome.retryable) scheduleRetry(Math.max(outcome.retryAfterMs ?? 0, nextRetryDelayMs(attempts)));
 */
export async function sendNotification(channel: Channel, secrets: ChannelSecrets, notification: Notification, deps: SendDeps): Promise<SendOutcome> {
  try {
    return await attempt(channel, secrets, notification, deps);
  } catch (error) {
    return outcomeOfError(error);
  }
}
