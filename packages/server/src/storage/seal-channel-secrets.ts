/**
 * Channel secrets encrypted at rest: a channel's URL, PagerDuty routing key, signing secret and SMTP password are
 * sealed (AES-256-GCM, see security/envelope.ts) before either adapter writes them and opened when read, so the
 * database holds none of them in clear while the service and the senders see plain values.
 */
import type { Channel } from '@bothub/core';
import { generateKeyRing, isSealedString, openString, sealedStringKeyId, sealString } from '../security/index.js';
import type { KeyRing } from '../security/index.js';
import type { AlertStore, NewChannel, StoredChannel } from './alert-store.js';

/** What the sealing adds to an alert store. */
export interface ChannelSecretSealing {
  /**
   * Re-seals every channel with a field in clear (written before encryption) or sealed under a key other than the
   * ring's current one; answers how many it rewrote. Idempotent: run at every start, and after a key rotation.
   */
  resealChannels(): Promise<number>;
}

type SealedField = 'url' | 'routingKey' | 'secret' | 'smtpPassword';

let processRing: KeyRing | null = null;

/**
 * The ring of a store opened without one: a key generated for this process, so a library user's store still keeps no
 * secret in clear (the service always passes its configured or data-directory ring).
 */
export function processKeyRing(): KeyRing {
  processRing ??= generateKeyRing();
  return processRing;
}

/** A channel's field is bound to the channel's name (unique, never renamed): a sealed value moved to another channel fails. */
const purposeOf = (name: string, field: SealedField): string => `channel:${name}:${field}`;

function fieldsOf(stored: StoredChannel): Record<SealedField, string | null> {
  return { url: stored.channel.url, routingKey: stored.channel.routingKey, secret: stored.secrets.secret, smtpPassword: stored.secrets.smtpPassword };
}

function toNewChannel({ channel, secrets }: StoredChannel): NewChannel {
  const { name, kind, severities, rateLimitPerMinute, enabled, url, routingKey, smtp, command } = channel;
  return { name, kind, severities, rateLimitPerMinute, enabled, url, routingKey, smtp, command, secrets };
}

/**
 * Wraps an adapter's alert store so channel secrets are sealed on write and opened on read; everything else passes
 * through. Values still in clear (rows from before encryption) read as they are until `resealChannels` seals them.
 *
 * @example
 * this.alerts = sealChannelSecrets(new SqliteAlertStore(db), ring);
 * await this.alerts.resealChannels(); // at start, after the migrations
 */
export function sealChannelSecrets<T extends AlertStore>(inner: T, ring: KeyRing): T & ChannelSecretSealing {
  const seal = (name: string, field: SealedField, value: string | null): string | null => (value === null ? null : sealString(ring, value, purposeOf(name, field)));
  const open = (name: string, field: SealedField, value: string | null): string | null => (value === null || !isSealedString(value) ? value : openString(ring, value, purposeOf(name, field)));

  const sealed = (channel: NewChannel): NewChannel => ({
    ...channel,
    url: seal(channel.name, 'url', channel.url),
    routingKey: seal(channel.name, 'routingKey', channel.routingKey),
    secrets: { secret: seal(channel.name, 'secret', channel.secrets.secret), smtpPassword: seal(channel.name, 'smtpPassword', channel.secrets.smtpPassword) },
  });
  const opened = (stored: StoredChannel): StoredChannel => {
    const { name } = stored.channel;
    const channel: Channel = { ...stored.channel, url: open(name, 'url', stored.channel.url), routingKey: open(name, 'routingKey', stored.channel.routingKey) };
    return { channel, secrets: { secret: open(name, 'secret', stored.secrets.secret), smtpPassword: open(name, 'smtpPassword', stored.secrets.smtpPassword) } };
  };
  const openedOrNull = (stored: StoredChannel | null): StoredChannel | null => (stored === null ? null : opened(stored));
  const isCurrent = (value: string | null): boolean => value === null || (isSealedString(value) && sealedStringKeyId(value) === ring.current);

  const overrides: ChannelSecretSealing & Pick<AlertStore, 'createChannel' | 'getChannel' | 'getChannelById' | 'listChannels' | 'updateChannel'> = {
    createChannel: async (channel) => opened(await inner.createChannel(sealed(channel))),
    getChannel: async (name) => openedOrNull(await inner.getChannel(name)),
    getChannelById: async (id) => openedOrNull(await inner.getChannelById(id)),
    listChannels: async () => (await inner.listChannels()).map(opened),
    updateChannel: async (name, channel) => openedOrNull(await inner.updateChannel(name, sealed(channel))),
    async resealChannels() {
      let rewritten = 0;
      for (const raw of await inner.listChannels()) {
        if (Object.values(fieldsOf(raw)).every(isCurrent)) continue;
        if ((await inner.updateChannel(raw.channel.name, sealed(toNewChannel(opened(raw))))) !== null) rewritten += 1;
      }
      return rewritten;
    },
  };
  return new Proxy(inner, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return Reflect.get(overrides, property) as unknown;
      const value: unknown = Reflect.get(target, property, target);
      // The adapters' methods use private fields: call them on the adapter itself, not on the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as T & ChannelSecretSealing;
}
