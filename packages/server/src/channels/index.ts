/** The notification channels: senders, payloads, signatures, the SSRF guard, retry backoff and the per-channel rate limit. */
export { ChannelMisconfigured } from './send-outcome.js';
export type { SendOutcome } from './send-outcome.js';
export { checkOutboundHost, checkOutboundUrl, OutboundUrlRefused } from './check-outbound-url.js';
export type { CheckedHost, LookupAll, OutboundPolicy, ResolvedAddress } from './check-outbound-url.js';
export { createChannelRateLimiter } from './channel-rate-limiter.js';
export type { ChannelRateLimiter, RateDecision } from './channel-rate-limiter.js';
export { nextRetryDelayMs } from './delivery-backoff.js';
export type { BackoffOptions } from './delivery-backoff.js';
export { OutboundTimeout, postJson } from './post-json.js';
export type { HttpResponse, PostJsonOptions } from './post-json.js';
export { PAGERDUTY_EVENTS_URL, renderPagerDutyEvent } from './render-pagerduty-event.js';
export type { PagerDutyEvent } from './render-pagerduty-event.js';
export { renderSlackMessage } from './render-slack-message.js';
export type { SlackMessage } from './render-slack-message.js';
export { DEFAULT_SEND_TIMEOUT_MS, sendNotification } from './send-notification.js';
export type { ChannelSecrets, SendDeps } from './send-notification.js';
export { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER, verifyWebhookSignature, webhookHeaders } from './sign-webhook.js';
export type { SignatureCheck } from './sign-webhook.js';
