import { connect as connectHttp2 } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { connect as connectTcp } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { startTestApps } from '../testing/test-app.js';

const start = startTestApps();

async function listen(app: Awaited<ReturnType<typeof start>>['app']): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

describe('transport guards', () => {
  it('answers 429 rate_limited with Retry-After once a caller passes its limit', async () => {
    const { app } = await start({ transport: { rateLimits: { perMinute: 2, ingestPerMinute: 0, ipPerMinute: 0 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject({ method: 'GET', url: '/api/v1/models' })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await app.inject({ method: 'GET', url: '/api/v1/models' });
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts per address before authentication', async () => {
    const { app } = await start({ transport: { rateLimits: { perMinute: 0, ingestPerMinute: 0, ipPerMinute: 1 } } });
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.1' })).statusCode).toBe(429);
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });

  it('sends CORS headers to listed origins only', async () => {
    const { app } = await start({ transport: { corsOrigins: ['https://ml.example.com'] } });
    const preflight = (origin: string) =>
      app.inject({ method: 'OPTIONS', url: '/api/v1/models', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const allowed = await preflight('https://ml.example.com');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://ml.example.com');
    expect(String(allowed.headers['access-control-allow-headers'])).toContain('authorization');
    const other = await app.inject({ method: 'GET', url: '/api/v1/models', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends no CORS headers when no origin is listed', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/api/v1/models', headers: { origin: 'https://ml.example.com' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sets the security headers on the dashboard and the API', async () => {
    const { app } = await start();
    for (const url of ['/', '/api/v1/models']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('cuts a client that sends its body one byte at a time, and answers a normal one', async () => {
    const { app } = await start({ transport: { slowBody: { minBytesPerSecond: 200, graceMs: 500, checkEveryMs: 50 } } });
    const port = await listen(app);
    const body = JSON.stringify({ name: 'trickle', task: 'regression', features: [{ name: 'x', type: 'numerical' }], prediction: { type: 'numerical' } });
    const startedAt = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connectTcp(port, '127.0.0.1');
      let received = '';
      let sent = 0;
      const trickle = setInterval(() => {
        if (sent < body.length && !socket.destroyed) socket.write(body[sent++]!);
      }, 100);
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      socket.on('close', () => {
        clearInterval(trickle);
        resolve(received);
      });
      socket.on('error', reject);
      socket.write(`POST /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"request_timeout"');
    // Cut after the grace period, long before the body could have arrived (about 12 s at this pace).
    expect(Date.now() - startedAt).toBeLessThan(body.length * 100);
    const normal = await fetch(`http://127.0.0.1:${port}/api/v1/models`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(normal.status).toBe(201);
  });
});

describe('TLS', () => {
  it('serves HTTPS over HTTP/2 and HTTP/1.1 with a certificate', async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048, algorithm: 'sha256' });
    const { app } = await start({ transport: { tls: { cert: pems.cert, key: pems.private } } });
    const port = await listen(app);

    const overHttp2 = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const session = connectHttp2(`https://127.0.0.1:${port}`, { ca: pems.cert, servername: 'localhost' });
      session.on('error', reject);
      const stream = session.request({ ':path': '/healthz' });
      let status = 0;
      let body = '';
      stream.on('response', (headers) => (status = Number(headers[':status'])));
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        session.close();
        resolve({ status, body });
      });
      stream.on('error', reject);
      stream.end();
    });
    expect(overHttp2.status).toBe(200);
    expect(JSON.parse(overHttp2.body)).toMatchObject({ status: 'ok' });

    const overHttp1 = await new Promise<{ status: number; hsts: unknown }>((resolve, reject) => {
      const request = httpsRequest({ host: '127.0.0.1', port, path: '/healthz', ca: pems.cert, servername: 'localhost' }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, hsts: response.headers['strict-transport-security'] }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(overHttp1.status).toBe(200);
    expect(String(overHttp1.hsts)).toContain('max-age=');
  });
});
