import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from '../testing/start-http-receiver.js';
import type { HttpReceiver } from '../testing/start-http-receiver.js';
import { OutboundUrlRefused } from './check-outbound-url.js';
import type { LookupAll } from './check-outbound-url.js';
import { OutboundTimeout, postJson } from './post-json.js';

const LOOPBACK = { allowPrivate: ['127.0.0.1'] };
let receiver: HttpReceiver;

beforeEach(async () => {
  receiver = await startHttpReceiver({ status: 201, headers: { 'x-answer': 'yes' }, body: '{"ok":true}' });
});

afterEach(async () => {
  await receiver.close();
});

describe('postJson', () => {
  it('posts the body as is, with the given headers, and answers status, headers and body', async () => {
    const response = await postJson(`${receiver.origin}/hook?x=1`, '{"a": 1}', { 'x-extra': 'e' }, { policy: LOOPBACK, timeoutMs: 5000 });
    expect(response).toMatchObject({ status: 201, body: '{"ok":true}', headers: { 'x-answer': 'yes' } });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ method: 'POST', path: '/hook?x=1', body: '{"a": 1}', headers: { 'content-type': 'application/json', 'x-extra': 'e', 'content-length': '8' } });
  });

  it('connects to the address it checked, whatever a second DNS answer would say (no rebinding)', async () => {
    const answers = ['127.0.0.1', '127.0.0.2'];
    const calls: string[] = [];
    // The first answer passes the check; a rebinding resolver then points the name elsewhere (127.0.0.2: nothing listens).
    const rebinding: LookupAll = (hostname) => {
      calls.push(hostname);
      const address = answers.shift() ?? '127.0.0.2';
      return Promise.resolve([{ address, family: 4 }]);
    };
    const response = await postJson(`http://receiver.test:${receiver.port}/hook`, '{}', {}, { policy: LOOPBACK, timeoutMs: 5000, lookup: rebinding });
    expect(response.status).toBe(201);
    expect(calls).toEqual(['receiver.test']);
    expect(receiver.requests[0]?.headers.host).toBe(`receiver.test:${receiver.port}`);
  });

  it('refuses loopback unless the policy allows it, and sends nothing', async () => {
    await expect(postJson(`${receiver.origin}/hook`, '{}', {}, { policy: { allowPrivate: [] }, timeoutMs: 5000 })).rejects.toBeInstanceOf(OutboundUrlRefused);
    const viaName: LookupAll = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    await expect(postJson(`http://localhost:${receiver.port}/`, '{}', {}, { policy: { allowPrivate: [] }, timeoutMs: 5000, lookup: viaName })).rejects.toMatchObject({ rule: 'loopback', address: '127.0.0.1' });
    expect(receiver.requests).toHaveLength(0);
  });

  it('gives up after the timeout when the receiver never answers', async () => {
    receiver.answer('hang');
    await expect(postJson(`${receiver.origin}/slow`, '{}', {}, { policy: LOOPBACK, timeoutMs: 200 })).rejects.toBeInstanceOf(OutboundTimeout);
    expect(receiver.requests).toHaveLength(1);
  });

  it('gives up after the timeout when the body of the answer never ends', async () => {
    const trickle = createServer((_req, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = trickle.address() as AddressInfo;
      await expect(postJson(`http://127.0.0.1:${port}/`, '{}', {}, { policy: LOOPBACK, timeoutMs: 200 })).rejects.toBeInstanceOf(OutboundTimeout);
    } finally {
      trickle.closeAllConnections();
      trickle.close();
    }
  });

  it('does not follow redirects', async () => {
    receiver.answer({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const response = await postJson(`${receiver.origin}/`, '{}', {}, { policy: LOOPBACK, timeoutMs: 5000 });
    expect(response.status).toBe(302);
    expect(receiver.requests).toHaveLength(1);
  });

  it('keeps only the first 64 KiB of a long answer', async () => {
    receiver.answer({ status: 500, body: 'e'.repeat(200_000) });
    const response = await postJson(`${receiver.origin}/`, '{}', {}, { policy: LOOPBACK, timeoutMs: 5000 });
    expect(response.body).toHaveLength(64 * 1024);
  });
});
