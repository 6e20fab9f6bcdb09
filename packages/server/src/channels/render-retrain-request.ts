/**
 * The body a retraining webhook receives: what to retrain (model, version) and why (the evidence), with the alert for
 * context and the idempotency key, so a pipeline started twice by a retried delivery can tell.
 */
import type { Alert, Evidence, Notification, NotificationEvent } from '@bothub/core';

export interface RetrainRequest {
  readonly event: NotificationEvent;
  readonly model: Notification['model'];
  readonly version: Notification['version'];
  readonly evidence: Evidence;
  readonly alert: Alert;
  readonly idempotencyKey: string;
  /** The dashboard view of the evidence. */
  readonly url: string;
}

/**
 * @example
 * const body = JSON.stringify(renderRetrainRequest(notification));
 * await postJson(channel.url, body, webhookHeaders(body, { secret, idempotencyKey: notification.idempotencyKey, now }), options);
 */
export function renderRetrainRequest(notification: Notification): RetrainRequest {
  return {
    event: notification.event,
    model: notification.model,
    version: notification.version,
    evidence: notification.alert.evidence,
    alert: notification.alert,
    idempotencyKey: notification.idempotencyKey,
    url: notification.url,
  };
}
