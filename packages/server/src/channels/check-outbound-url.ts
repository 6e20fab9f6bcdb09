/**
 * The guard against server-side request forgery: a channel URL (or SMTP host) is resolved and every address it
 * resolves to must be a global unicast address, unless an administrator allowed it. The caller then connects to the
 * checked address itself (see post-json.ts), so a second DNS answer cannot swap in an internal address.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** What an administrator allows besides global unicast addresses. */
export interface OutboundPolicy {
  /** CIDR ranges (`10.0.0.0/8`, `::1/128`), single addresses (`127.0.0.1`) or host names (`hooks.internal`). */
  readonly allowPrivate: readonly string[];
}

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to every address it has (as `dns.lookup` with `all: true`). */
export type LookupAll = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface CheckedHost {
  /** The host as written (brackets of an IPv6 literal removed). */
  readonly hostname: string;
  /** The address to connect to: the first one the host resolved to, all of them checked. */
  readonly address: string;
  readonly family: 4 | 6;
}

/** A URL or host the policy refuses; `rule` is the address range (`loopback`, `private` …) or `scheme` / `invalid_url`. */
export class OutboundUrlRefused extends Error {
  readonly target: string;
  readonly address: string | null;
  readonly rule: string;

  constructor(target: string, address: string | null, rule: string, message: string) {
    super(message);
    this.name = 'OutboundUrlRefused';
    this.target = target;
    this.address = address;
    this.rule = rule;
  }
}

const systemLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** `::ffff:127.0.0.1` is 127.0.0.1 to the kernel, so it is judged (and allowed) as the IPv4 address it maps. */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  return ipaddr.process(address);
}

/** A CIDR written over IPv4-mapped IPv6 (`::ffff:10.0.0.0/104`) is the IPv4 range it maps, like the addresses. */
function parseRange(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const [network, bits] = ipaddr.isValidCIDR(text) ? ipaddr.parseCIDR(text) : [ipaddr.parse(text), ipaddr.parse(text).kind() === 'ipv4' ? 32 : 128];
  if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) return [(network as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [network, bits];
}

function isAllowed(hostname: string, address: ipaddr.IPv4 | ipaddr.IPv6, policy: OutboundPolicy): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return policy.allowPrivate.some((entry) => {
    const text = entry.trim();
    if (ipaddr.isValidCIDR(text) || ipaddr.isValid(text)) {
      const [network, bits] = parseRange(text);
      return network.kind() === address.kind() && address.match(network, bits);
    }
    return text.toLowerCase().replace(/\.$/, '') === host;
  });
}

/**
 * Resolves `host` and checks every address against the policy.
 *
 * @example
 * const { address } = await checkOutboundHost('smtp.example.com', { allowPrivate: [] });
 */
export async function checkOutboundHost(host: string, policy: OutboundPolicy, lookup: LookupAll = systemLookup): Promise<CheckedHost> {
  const hostname = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  // An address literal in a loose form ('2130706433', '0x7f.1') is connected to in its normal form, not re-read by a resolver.
  const literal = ipaddr.isValid(hostname) ? ipaddr.parse(hostname) : null;
  const resolved: readonly ResolvedAddress[] = literal === null ? await lookup(hostname) : [{ address: literal.toString(), family: literal.kind() === 'ipv4' ? 4 : 6 }];
  if (resolved.length === 0) throw new OutboundUrlRefused(host, null, 'unresolved', `Outbound host ${host} resolved to no address.`);
  for (const { address } of resolved) {
    const parsed = ipaddr.isValid(address) ? parseAddress(address) : null;
    if (parsed === null) throw new OutboundUrlRefused(host, address, 'invalid_address', `Outbound host ${host} resolved to ${address}, which is not an IP address.`);
    const range = parsed.range();
    if (range !== 'unicast' && !isAllowed(hostname, parsed, policy)) {
      throw new OutboundUrlRefused(
        host,
        address,
        range,
        `Outbound host ${host} refused: ${address} is in the ${range} range; an administrator can allow it with allowPrivateChannelHosts (BOTHUB_ALLOW_PRIVATE_CHANNEL_HOSTS).`,
      );
    }
  }
  const first = resolved[0]!;
  return { hostname, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * Checks a channel URL: http or https only, and every address its host resolves to allowed by the policy.
 * Throws `OutboundUrlRefused` naming the address and the rule; a failing DNS lookup throws its own error.
 *
 * @example
 * const { url, address } = await checkOutboundUrl('https://hooks.slack.com/services/T/B/X', { allowPrivate: [] });
 * // address: one of hooks.slack.com's public addresses; connect to it, not to a second lookup
 */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy, lookup: LookupAll = systemLookup): Promise<CheckedHost & { url: URL }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundUrlRefused(url, null, 'invalid_url', `Outbound URL ${url} is not a valid URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new OutboundUrlRefused(url, null, 'scheme', `Outbound URL ${parsed.origin} refused: only http and https are allowed, not ${parsed.protocol}`);
  }
  return { url: parsed, ...(await checkOutboundHost(parsed.hostname, policy, lookup)) };
}
