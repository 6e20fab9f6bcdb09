/**
 * What one delivery attempt came to, and how an HTTP answer or a thrown error maps to it: 2xx delivered; 429, 5xx,
 * network errors and timeouts worth retrying (honouring Retry-After); any other status, a refused URL or a channel
 * without the settings its kind needs not worth retrying.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { OutboundUrlRefused } from './check-outbound-url.js';

export type SendOutcome =
  | { readonly ok: true; readonly status?: number }
  | { readonly ok: false; readonly retryable: boolean; readonly error: string; readonly retryAfterMs?: number };

/** A channel whose settings cannot work (no URL, no routing key …): retrying will not help. */
export class ChannelMisconfigured extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelMisconfigured';
  }
}

/**
 * Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`; undefined when absent
 * or unreadable.
 *
 * @example
 * parseRetryAfter('120', Date.now()); // 120000
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form names a weekday and a month; Date.parse alone would take '-5' for a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The first line of an answer's body, cut short: enough to say why a receiver refused. */
function bodyHint(body: string): string {
  const line = body.trim().split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * @example
 * outcomeOfResponse({ status: 429, headers: { 'retry-after': '30' }, body: '' }, Date.now());
 * // { ok: false, retryable: true, error: 'HTTP 429', retryAfterMs: 30000 }
 */
export function outcomeOfResponse(response: { readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: string }, now: number): SendOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true, status };
  const hint = bodyHint(response.body);
  const error = hint === '' ? `HTTP ${status}` : `HTTP ${status}: ${hint}`;
  const retryable = status === 429 || status >= 500;
  const retryAfterMs = retryable ? parseRetryAfter(response.headers['retry-after'], now) : undefined;
  return retryAfterMs === undefined ? { ok: false, retryable, error } : { ok: false, retryable, error, retryAfterMs };
}

/**
 * A thrown error as an outcome: a refused URL or a misconfigured channel is final, anything else (connection refused,
 * DNS failure, timeout) is worth retrying.
 *
 * @example
 * outcomeOfError(new OutboundUrlRefused('http://10.0.0.1/', '10.0.0.1', 'private', 'refused')); // { ok: false, retryable: false, … }
 */
export function outcomeOfError(error: unknown): SendOutcome {
  // Node's connection errors over several addresses are AggregateErrors with an empty message and only a code.
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error && error.message !== '' ? error.message : typeof code === 'string' ? code : String(error);
  const retryable = !(error instanceof OutboundUrlRefused || error instanceof ChannelMisconfigured);
  return { ok: false, retryable, error: message };
}
