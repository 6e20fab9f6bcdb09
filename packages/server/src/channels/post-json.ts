/**
 * One outbound JSON POST that cannot be steered to an internal address: the URL is checked by the SSRF guard and the
 * socket then connects to the very address that was checked (the request's DNS lookup is pinned to it), so a DNS
 * answer that changes between check and connect (DNS rebinding) changes nothing. No redirects are followed.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkOutboundUrl } from './check-outbound-url.js';
import type { LookupAll, OutboundPolicy } from './check-outbound-url.js';

export interface PostJsonOptions {
  readonly policy: OutboundPolicy;
  /** The whole exchange, connect to last byte of the answer. */
  readonly timeoutMs: number;
  /** DNS resolution, for tests; the system resolver by default. */
  readonly lookup?: LookupAll;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The answer's text, at most the first 64 KiB. */
  readonly body: string;
}

/** The request took longer than its timeout (connecting, waiting for the answer or reading it). */
export class OutboundTimeout extends Error {
  constructor(url: string, timeoutMs: number) {
    super(`POST ${url} timed out after ${timeoutMs} ms`);
    this.name = 'OutboundTimeout';
  }
}

const MAX_RESPONSE_BYTES = 64 * 1024;

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * POSTs `body` (JSON text, sent as is so a signature over it stays valid) after checking the URL.
 * Throws `OutboundUrlRefused` when the policy refuses the URL, `OutboundTimeout` after `timeoutMs`, and the socket's
 * error when the connection fails; any HTTP status is an answer, not an error.
 *
 * @example
 * const response = await postJson('https://hooks.slack.com/services/T/B/X', JSON.stringify({ text: 'hi' }), {}, { policy: { allowPrivate: [] }, timeoutMs: 10_000 });
 * if (response.status === 429) console.log(response.headers['retry-after']);
 */
export async function postJson(url: string, body: string, headers: Readonly<Record<string, string>>, options: PostJsonOptions): Promise<HttpResponse> {
  const checked = await checkOutboundUrl(url, options.policy, options.lookup);
  const payload = Buffer.from(body, 'utf8');
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { 'user-agent': 'Bothub', ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
    lookup: pinnedLookup(checked.address, checked.family),
    // A pooled socket could have been opened to another address of the host; each delivery opens its own.
    agent: false,
  };
  const send = checked.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = send(checked.url, requestOptions, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_RESPONSE_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8') });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new OutboundTimeout(checked.url.href, options.timeoutMs)), options.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(payload);
  });
}
