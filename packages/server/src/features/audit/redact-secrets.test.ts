import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('redacts secrets at any depth and keeps only the origin of URLs', () => {
    const channel = {
      name: 'ops',
      kind: 'webhook',
      url: 'https://hooks.example.com/services/T0/B0/XYZ?token=abc',
      secret: 's3cret',
      hasSecret: true,
      smtp: { host: 'smtp.example.com', password: 'pw', user: 'bot' },
      routingKey: 'rk',
      nested: [{ apiKey: 'k', authorization: 'Bearer x', webhookUrl: 'not a url' }],
    };
    expect(redactSecrets(channel)).toEqual({
      name: 'ops',
      kind: 'webhook',
      url: `https://hooks.example.com/${REDACTED}`,
      secret: REDACTED,
      hasSecret: true,
      smtp: { host: 'smtp.example.com', password: REDACTED, user: 'bot' },
      routingKey: REDACTED,
      nested: [{ apiKey: REDACTED, authorization: REDACTED, webhookUrl: REDACTED }],
    });
    expect(JSON.stringify(redactSecrets(channel))).not.toMatch(/XYZ|s3cret|"pw"|abc/);
  });

  it('takes values through JSON and undefined to null', () => {
    expect(redactSecrets(undefined)).toBeNull();
    expect(redactSecrets({ at: new Date(0), secret: null })).toEqual({ at: '1970-01-01T00:00:00.000Z', secret: null });
  });
});
