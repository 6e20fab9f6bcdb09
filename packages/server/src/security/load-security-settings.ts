/**
 * The key ring and the trusted signing keys as the configuration names them: read once at start, so a missing file
 * or a bad key stops the service with a message naming the setting, not a request later.
 */
import { readFileSync } from 'node:fs';
import type { ServiceConfig } from '../config.js';
import { trustedKey } from './artifact-signature.js';
import type { TrustedKey } from './artifact-signature.js';
import { loadOrCreateKeyRing, parseKeyRing } from './key-ring.js';
import type { KeyRing } from './key-ring.js';

/**
 * The configured ring (`encryption`), else the one in the data directory, created on first start.
 *
 * @example
 * const ring = await loadKeyRing(loadConfig());
 */
export async function loadKeyRing(config: Pick<ServiceConfig, 'encryption' | 'dataDir'>): Promise<KeyRing> {
  if (config.encryption !== null) return parseKeyRing(config.encryption);
  return (await loadOrCreateKeyRing(config.dataDir)).ring;
}

/**
 * The trusted keys of `trustedSigningKeys`: each entry PEM text, or the path of a PEM file.
 *
 * @example
 * const trusted = loadTrustedKeys(['/etc/bothub/release-signing.pub.pem']);
 */
export function loadTrustedKeys(entries: readonly string[]): TrustedKey[] {
  return entries.map((entry) => {
    const pem = entry.includes('-----BEGIN') ? entry : readPem(entry);
    try {
      return trustedKey(pem);
    } catch (error) {
      throw new RangeError(`trustedSigningKeys: ${entry.includes('-----BEGIN') ? 'a PEM entry' : entry} is not an ECDSA P-256 public key (${(error as Error).message})`, { cause: error });
    }
  });
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new RangeError(`trustedSigningKeys: cannot read ${path} (${(error as Error).message})`, { cause: error });
  }
}
