import type { Channel } from '@bothub/core';
import type { NewChannel } from './alert-store.js';

/**
 * The public shape of a channel as both adapters keep it (JSON beside the secret columns): everything but the
 * secrets, and without `hasSecret`, which is derived from the secret column when read.
 *
 * @example
 * const doc = channelDocument(randomUUID(), new Date().toISOString(), newChannel);
 */
export function channelDocument(id: string, createdAt: string, channel: NewChannel): Omit<Channel, 'hasSecret'> {
  const { name, kind, severities, rateLimitPerMinute, enabled, url, routingKey, smtp, command } = channel;
  return { id, name, kind, severities, rateLimitPerMinute, enabled, url, routingKey, smtp, command, createdAt };
}
