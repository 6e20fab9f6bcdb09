/**
 * What the audit trail keeps of before/after values: never a secret in clear. Members named like a secret (secret,
 * password, token, routing key, API key, authorization) become "[redacted]"; URLs keep only their origin (a Slack or
 * webhook URL carries its credential in the path or query), so the log still tells which service a channel points to.
 */
import type { JsonValue } from './canonical-json.js';

/** The replacement of a redacted value. */
export const REDACTED = '[redacted]';

const SECRET_KEY = /secret|password|token|routingkey|apikey|api_key|authorization|credential|privatekey/i;
const URL_KEY = /url$/i;

function redactUrl(value: string): string {
  try {
    return `${new URL(value).origin}/${REDACTED}`;
  } catch {
    return REDACTED;
  }
}

/**
 * A copy of a JSON value with its secrets redacted (at any depth); other values are kept. Input that is not plain JSON
 * (a Date, a class instance) is first taken through JSON, as the API would answer it.
 *
 * @example
 * redactSecrets({ name: 'ops', url: 'https://hooks.slack.com/services/T/B/x', secret: 's3' });
 * // { name: 'ops', url: 'https://hooks.slack.com/[redacted]', secret: '[redacted]' }
 */
export function redactSecrets(value: unknown): JsonValue {
  if (value === undefined) return null;
  return redact(JSON.parse(JSON.stringify(value)) as JsonValue);
}

function redact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item) => redact(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, member] of Object.entries(value as Record<string, JsonValue>)) {
    if (SECRET_KEY.test(key) && member !== null && typeof member !== 'boolean') out[key] = REDACTED;
    else if (URL_KEY.test(key) && typeof member === 'string') out[key] = redactUrl(member);
    else out[key] = redact(member);
  }
  return out;
}
