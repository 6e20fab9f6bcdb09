import { describe, expect, it } from 'vitest';
import { OutboundUrlRefused } from './check-outbound-url.js';
import { ChannelMisconfigured, outcomeOfError, outcomeOfResponse, parseRetryAfter } from './send-outcome.js';

const NOW = Date.UTC(2026, 0, 1, 10);

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('outcomeOfResponse', () => {
  const answer = (status: number, headers: Record<string, string> = {}, body = '') => outcomeOfResponse({ status, headers, body }, NOW);

  it('takes 2xx as delivered', () => {
    expect(answer(200)).toEqual({ ok: true, status: 200 });
    expect(answer(202)).toEqual({ ok: true, status: 202 });
  });

  it('retries 429 and 5xx, honouring Retry-After, and gives up on other statuses', () => {
    expect(answer(429, { 'retry-after': '7' })).toEqual({ ok: false, retryable: true, error: 'HTTP 429', retryAfterMs: 7000 });
    expect(answer(503, {}, 'down for maintenance\nmore')).toEqual({ ok: false, retryable: true, error: 'HTTP 503: down for maintenance' });
    expect(answer(400, { 'retry-after': '7' }, 'invalid_payload')).toEqual({ ok: false, retryable: false, error: 'HTTP 400: invalid_payload' });
    expect(answer(404)).toMatchObject({ ok: false, retryable: false });
    expect(answer(301)).toMatchObject({ ok: false, retryable: false });
  });
});

describe('outcomeOfError', () => {
  it('gives up on refused URLs and misconfigured channels, retries the rest', () => {
    expect(outcomeOfError(new OutboundUrlRefused('http://10.0.0.1/', '10.0.0.1', 'private', 'refused: private'))).toEqual({ ok: false, retryable: false, error: 'refused: private' });
    expect(outcomeOfError(new ChannelMisconfigured('no url'))).toEqual({ ok: false, retryable: false, error: 'no url' });
    expect(outcomeOfError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toEqual({ ok: false, retryable: true, error: 'connect ECONNREFUSED 127.0.0.1:9' });
    // what Node throws when every address of a host refused the connection
    expect(outcomeOfError(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toEqual({ ok: false, retryable: true, error: 'ECONNREFUSED' });
  });
});
