import { describe, expect, it } from 'vitest';
import { checkOutboundHost, checkOutboundUrl, OutboundUrlRefused } from './check-outbound-url.js';
import type { LookupAll } from './check-outbound-url.js';

const NONE = { allowPrivate: [] };

/** A resolver that answers from a table and fails for anything else: these tests never touch the network. */
function fakeLookup(table: Readonly<Record<string, readonly string[]>>): LookupAll {
  return (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

async function refusal(promise: Promise<unknown>): Promise<OutboundUrlRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutboundUrlRefused) return error;
    throw error;
  }
  throw new Error('expected OutboundUrlRefused, the check passed');
}

describe('checkOutboundUrl', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses a host resolving to %s (%s)', async (address, rule) => {
    const error = await refusal(checkOutboundUrl('https://hooks.example.com/x', NONE, fakeLookup({ 'hooks.example.com': [address] })));
    expect(error.rule).toBe(rule);
    expect(error.address).toBe(address);
    expect(error.message).toContain(address);
    expect(error.message).toContain(rule);
  });

  it.each([['10.0.0.1'], ['127.0.0.1'], ['[::1]'], ['169.254.169.254'], ['[::ffff:7f00:1]']])('refuses the address literal %s without a lookup', async (host) => {
    const noLookup: LookupAll = () => Promise.reject(new Error('must not resolve an address literal'));
    await refusal(checkOutboundUrl(`http://${host}:8080/hook`, NONE, noLookup));
  });

  it.each([['93.184.216.34'], ['8.8.8.8'], ['2606:4700:4700::1111'], ['::ffff:8.8.8.8']])('accepts the public address %s', async (address) => {
    const checked = await checkOutboundUrl('https://hooks.example.com/services/T/B/X', NONE, fakeLookup({ 'hooks.example.com': [address] }));
    expect(checked.address).toBe(address);
    expect(checked.url.pathname).toBe('/services/T/B/X');
    expect(checked.hostname).toBe('hooks.example.com');
  });

  it('refuses a host when any one of its addresses is internal (the connection could use that one)', async () => {
    const error = await refusal(checkOutboundUrl('https://mixed.example.com/', NONE, fakeLookup({ 'mixed.example.com': ['93.184.216.34', '10.0.0.7'] })));
    expect(error.address).toBe('10.0.0.7');
  });

  it('accepts what the administrator allowed: a CIDR, an address, a host name', async () => {
    const lookup = fakeLookup({ 'hooks.internal': ['10.1.2.3'], 'hooks.internal.': ['10.1.2.3'], 'other.internal': ['10.9.9.9'] });
    await expect(checkOutboundUrl('http://hooks.internal/', { allowPrivate: ['10.1.0.0/16'] }, lookup)).resolves.toMatchObject({ address: '10.1.2.3' });
    await expect(checkOutboundUrl('http://127.0.0.1:9/', { allowPrivate: ['127.0.0.1'] })).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(checkOutboundUrl('http://[::1]:9/', { allowPrivate: ['::1/128'] })).resolves.toMatchObject({ address: '::1' });
    await expect(checkOutboundUrl('http://[::ffff:127.0.0.1]:9/', { allowPrivate: ['127.0.0.0/8'] })).resolves.toMatchObject({ address: '::ffff:7f00:1' }); // the URL parser's normal form
    await expect(checkOutboundUrl('http://Hooks.Internal./', { allowPrivate: ['hooks.internal'] }, lookup)).resolves.toMatchObject({ address: '10.1.2.3' });
    await refusal(checkOutboundUrl('http://other.internal/', { allowPrivate: ['hooks.internal', '10.1.0.0/16'] }, lookup));
    // an IPv4 allowance does not open the IPv6 loopback, nor the reverse
    await refusal(checkOutboundUrl('http://[::1]:9/', { allowPrivate: ['127.0.0.0/8'] }));
  });

  it.each([['ftp://example.com/x'], ['file:///etc/passwd'], ['gopher://127.0.0.1:25/']])('refuses the scheme of %s', async (url) => {
    expect((await refusal(checkOutboundUrl(url, NONE))).rule).toBe('scheme');
  });

  it('refuses text that is no URL', async () => {
    expect((await refusal(checkOutboundUrl('not a url', NONE))).rule).toBe('invalid_url');
  });

  it('lets a failing DNS lookup through as its own error (a delivery may retry it)', async () => {
    await expect(checkOutboundUrl('https://nowhere.example.com/', NONE, fakeLookup({}))).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('checkOutboundHost', () => {
  it('reads loose address literals as the address they are', async () => {
    await expect(checkOutboundHost('2130706433', NONE)).rejects.toMatchObject({ rule: 'loopback', address: '127.0.0.1' });
    await expect(checkOutboundHost('2130706433', { allowPrivate: ['127.0.0.1'] })).resolves.toEqual({ hostname: '2130706433', address: '127.0.0.1', family: 4 });
  });

  it('checks an SMTP host like a URL host', async () => {
    await expect(checkOutboundHost('smtp.example.com', NONE, fakeLookup({ 'smtp.example.com': ['203.0.113.0', '93.184.216.34'] }))).rejects.toBeInstanceOf(OutboundUrlRefused);
    await expect(checkOutboundHost('smtp.example.com', NONE, fakeLookup({ 'smtp.example.com': ['93.184.216.34'] }))).resolves.toEqual({ hostname: 'smtp.example.com', address: '93.184.216.34', family: 4 });
  });
});
