import { exportSPKI, importJWK, SignJWT, UnsecuredJWT } from 'jose';
import type { CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider } from '../../../testing/start-oidc-provider.js';
import type { TestOidcProvider } from '../../../testing/start-oidc-provider.js';
import { createJwtVerifier, JwtRejectedError } from './create-jwt-verifier.js';
import type { JwtRejection } from './create-jwt-verifier.js';
import { DEFAULT_JWT_ALGORITHMS } from './oidc-settings.js';
import type { OidcSettings } from './oidc-settings.js';

let provider: TestOidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider('RS256');
});
afterAll(async () => {
  await provider.close();
});

function settingsFor(overrides: Partial<OidcSettings> = {}): OidcSettings {
  return {
    issuer: provider.issuer,
    audience: 'bothub',
    jwksUri: null,
    algorithms: DEFAULT_JWT_ALGORITHMS,
    roleClaim: 'groups',
    roleMapping: { 'ml-admins': { '*': 'admin' }, 'fraud-team': { fraud: 'editor', churn: 'viewer' }, 'fraud-readers': { fraud: 'viewer' } },
    clockToleranceSeconds: 5,
    clientId: 'bothub-dashboard',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<JwtRejection> {
  const error: unknown = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(JwtRejectedError);
  return (error as JwtRejectedError).reason;
}

const now = (): number => Math.floor(Date.now() / 1000);

describe('createJwtVerifier against a local OIDC provider', () => {
  it('accepts a valid token and maps its group claim to roles per project', async () => {
    const verifier = createJwtVerifier(settingsFor());
    const token = await provider.sign({ sub: 'u-17', aud: 'bothub', preferred_username: 'ada', groups: ['fraud-team', 'fraud-readers', 'unmapped'] });
    expect(await verifier.verify(token)).toEqual({ kind: 'oidc', id: 'u-17', name: 'ada', roles: { fraud: 'editor', churn: 'viewer' } });
    const admin = await verifier.verify(await provider.sign({ sub: 'u-1', aud: ['other', 'bothub'], email: 'root@example.com', groups: ['ml-admins'] }));
    expect(admin).toEqual({ kind: 'oidc', id: 'u-1', name: 'root@example.com', roles: { '*': 'admin' } });
  });

  it('reads nested role claims through a dotted path (Keycloak realm_access.roles)', async () => {
    const verifier = createJwtVerifier(settingsFor({ roleClaim: 'realm_access.roles' }));
    const token = await provider.sign({ sub: 'k1', aud: 'bothub', realm_access: { roles: ['ml-admins', 'offline_access'] } });
    expect((await verifier.verify(token)).roles).toEqual({ '*': 'admin' });
  });

  it('authenticates a token without the role claim, with no roles', async () => {
    const verifier = createJwtVerifier(settingsFor());
    const principal = await verifier.verify(await provider.sign({ sub: 'nobody', aud: 'bothub' }));
    expect(principal).toEqual({ kind: 'oidc', id: 'nobody', name: 'nobody', roles: {} });
  });

  it('refuses expired tokens, beyond the clock tolerance only', async () => {
    const verifier = createJwtVerifier(settingsFor({ clockToleranceSeconds: 30 }));
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub', exp: now() - 60 })))).toBe('expired');
    // 10 s past exp is within 30 s of tolerance: accepted.
    expect((await verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub', exp: now() - 10 }))).id).toBe('a');
  });

  it('refuses tokens not valid yet (nbf in the future)', async () => {
    const verifier = createJwtVerifier(settingsFor());
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub', nbf: now() + 600 })))).toBe('not_yet_valid');
  });

  it('refuses tokens for another audience or from another issuer', async () => {
    const verifier = createJwtVerifier(settingsFor());
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'another-api' })))).toBe('wrong_audience');
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub', iss: 'https://evil.example.com' })))).toBe('wrong_issuer');
  });

  it('refuses tokens without exp or sub', async () => {
    const verifier = createJwtVerifier(settingsFor());
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub', exp: undefined })))).toBe('missing_claim');
    expect(await rejection(verifier.verify(await provider.sign({ aud: 'bothub' })))).toBe('missing_claim');
  });

  it('refuses alg none', async () => {
    const verifier = createJwtVerifier(settingsFor());
    const unsigned = new UnsecuredJWT({ sub: 'a', aud: 'bothub', groups: ['ml-admins'] }).setIssuer(provider.issuer).setIssuedAt().setExpirationTime('1h').encode();
    expect(await rejection(verifier.verify(unsigned))).toBe('algorithm_not_allowed');
  });

  it('refuses a token signed with HMAC using the provider\'s public key as the secret', async () => {
    const verifier = createJwtVerifier(settingsFor());
    const key = provider.keys[0]!;
    const publicPem = await exportSPKI((await importJWK(key.publicJwk, 'RS256', { extractable: true })) as CryptoKey);
    // The classic confusion attack: the PEM (or JWK) text that anyone can download, used as an HMAC secret.
    for (const secret of [publicPem, JSON.stringify(key.publicJwk)]) {
      const forged = await new SignJWT({ sub: 'a', aud: 'bothub', groups: ['ml-admins'] })
        .setProtectedHeader({ alg: 'HS256', kid: key.kid })
        .setIssuer(provider.issuer)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret));
      expect(await rejection(verifier.verify(forged))).toBe('algorithm_not_allowed');
    }
  });

  it('refuses an allowed algorithm outside the configured list', async () => {
    const verifier = createJwtVerifier(settingsFor({ algorithms: ['ES256'] }));
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub' })))).toBe('algorithm_not_allowed');
  });

  it('refuses a token whose signature was made by another key under a served kid', async () => {
    const verifier = createJwtVerifier(settingsFor());
    const impostor = await provider.createKey('RS256', provider.keys[0]!.kid);
    expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub' }, { key: impostor })))).toBe('bad_signature');
  });

  it('refetches the key set on an unknown kid: a rotated key is accepted, a removed one is not', async () => {
    const rotating = await startOidcProvider('ES256');
    try {
      const verifier = createJwtVerifier(settingsFor({ issuer: rotating.issuer }), { jwksCooldownMs: 0 });
      const old = rotating.keys[0]!;
      expect((await verifier.verify(await rotating.sign({ sub: 'a', aud: 'bothub' }))).id).toBe('a');
      expect(rotating.jwksRequests).toBe(1);
      // Cached: a second token costs no fetch.
      await verifier.verify(await rotating.sign({ sub: 'b', aud: 'bothub' }));
      expect(rotating.jwksRequests).toBe(1);

      const next = await rotating.createKey('EdDSA');
      // Not served yet: unknown after a refetch.
      expect(await rejection(verifier.verify(await rotating.sign({ sub: 'c', aud: 'bothub' }, { key: next })))).toBe('unknown_key');
      expect(rotating.jwksRequests).toBe(2);

      rotating.serve([next]);
      expect((await verifier.verify(await rotating.sign({ sub: 'c', aud: 'bothub' }, { key: next }))).id).toBe('c');
      expect(rotating.jwksRequests).toBe(3);
      // The old key left the set with that fetch.
      expect(await rejection(verifier.verify(await rotating.sign({ sub: 'd', aud: 'bothub' }, { key: old })))).toBe('unknown_key');
    } finally {
      await rotating.close();
    }
  });

  it('waits for the cooldown before refetching on an unknown kid, so made-up kids cannot flood the provider', async () => {
    const verifier = createJwtVerifier(settingsFor(), { jwksCooldownMs: 60_000 });
    await verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub' }));
    const before = provider.jwksRequests;
    const stranger = await provider.createKey('RS256');
    for (let i = 0; i < 5; i += 1) expect(await rejection(verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub' }, { key: stranger })))).toBe('unknown_key');
    expect(provider.jwksRequests).toBe(before);
  });

  it('uses an explicit jwksUri without discovery', async () => {
    const verifier = createJwtVerifier(settingsFor({ issuer: 'https://id.example.com', jwksUri: provider.jwksUri }));
    expect((await verifier.verify(await provider.sign({ sub: 'a', aud: 'bothub', iss: 'https://id.example.com' }))).id).toBe('a');
  });

  it('refuses a discovery document that names another issuer, and says the provider is unavailable', async () => {
    const verifier = createJwtVerifier(settingsFor({ issuer: `${provider.issuer}/realms/other` }));
    const token = await provider.sign({ sub: 'a', aud: 'bothub', iss: `${provider.issuer}/realms/other` });
    expect(await rejection(verifier.verify(token))).toBe('provider_unavailable');
  });

  it('refuses garbage', async () => {
    const verifier = createJwtVerifier(settingsFor());
    expect(await rejection(verifier.verify('not.a.jwt'))).toBe('malformed');
    expect(await rejection(verifier.verify(''))).toBe('malformed');
  });

  it('reads the provider\'s endpoints from discovery', async () => {
    const verifier = createJwtVerifier(settingsFor());
    expect(await verifier.provider()).toEqual({
      issuer: provider.issuer,
      jwksUri: `${provider.issuer}/jwks`,
      authorizationEndpoint: `${provider.issuer}/authorize`,
      tokenEndpoint: `${provider.issuer}/token`,
      endSessionEndpoint: null,
    });
  });
});
