/**
 * Webhook signatures: Bothub signs `<timestamp>.<body>` with HMAC-SHA256 and the channel's secret, so a receiver can
 * check that a request came from Bothub, unaltered, and recently (the timestamp is signed too, so an old request
 * cannot be replayed outside the tolerance). Headers:
 *   Bothub-Timestamp: 1767225600                 (Unix seconds)
 *   Bothub-Idempotency-Key: <key>                (the same on every retry of one delivery: de-duplicate on it)
 *   Bothub-Signature: v1=<hex HMAC-SHA256 of "1767225600.<body>">
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Bothub-Signature';
export const TIMESTAMP_HEADER = 'Bothub-Timestamp';
export const IDEMPOTENCY_HEADER = 'Bothub-Idempotency-Key';

/**
 * The `v1=` signature of a body at a timestamp (Unix seconds, as the header's text).
 *
 * @example
 * signWebhook('a-secret-of-16-chars+', '1767225600', '{"event":"firing"}'); // 'v1=3f…'
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The headers of one webhook request: timestamp and idempotency key always, the signature when the channel has a
 * secret.
 *
 * @example
 * const body = JSON.stringify(notification);
 * const headers = webhookHeaders(body, { secret, idempotencyKey: notification.idempotencyKey, now: Date.now() });
 */
export function webhookHeaders(body: string, options: { readonly secret?: string | undefined; readonly idempotencyKey: string; readonly now: number }): Record<string, string> {
  const timestamp = String(Math.floor(options.now / 1000));
  const headers: Record<string, string> = { [TIMESTAMP_HEADER]: timestamp, [IDEMPOTENCY_HEADER]: options.idempotencyKey };
  if (options.secret !== undefined) headers[SIGNATURE_HEADER] = signWebhook(options.secret, timestamp, body);
  return headers;
}

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a received webhook: `body` exactly as received (the raw text, before any JSON parsing), the
 * `Bothub-Timestamp` and `Bothub-Signature` header values. `header` may hold several `v1=` signatures separated by
 * commas (while a secret is being rotated); one match is enough. Compared in constant time.
 *
 * @example
 * const check = verifyWebhookSignature(secret, req.headers['bothub-timestamp'], rawBody, req.headers['bothub-signature']);
 * if (!check.ok) return reply.code(401).send({ error: check.reason });
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | undefined,
  body: string,
  header: string | undefined,
  options: { readonly toleranceSeconds?: number; readonly now?: number } = {},
): SignatureCheck {
  const { toleranceSeconds = 300, now = Date.now() } = options;
  if (timestamp === undefined || header === undefined || !/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const signatures = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => Buffer.from(part.slice(3), 'hex'));
  if (signatures.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body).slice(3), 'hex');
  const matches = signatures.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected));
  return matches ? { ok: true } : { ok: false, reason: 'mismatch' };
}
