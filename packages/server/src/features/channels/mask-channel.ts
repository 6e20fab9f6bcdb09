import type { Channel, ChannelSpec } from '@bothub/core';

/** Marks a value the API keeps to itself: it is set, and sending the masked value back keeps it. */
export const MASK = '…(set)';

/** A URL's origin and the mark: enough to recognise the service (`https://hooks.slack.com/…(set)`), not to post to it. */
function maskUrl(url: string): string {
  return URL.canParse(url) ? `${new URL(url).origin}/${MASK}` : MASK;
}

/**
 * The channel as the API answers it: its URL (whose path or query is often the credential, as with Slack's incoming
 * webhooks) cut to its origin, its routing key hidden. Secrets and SMTP passwords are never in a Channel at all.
 *
 * @example
 * maskChannel(channel).url; // 'https://hooks.slack.com/…(set)'
 */
export function maskChannel(channel: Channel): Channel {
  return { ...channel, url: channel.url === null ? null : maskUrl(channel.url), routingKey: channel.routingKey === null ? null : MASK };
}

/**
 * A spec sent back with the masked values of `stored` (a client that read the channel and changed something else):
 * the stored URL and routing key stand in for their masks.
 *
 * @example
 * const spec = unmaskSpec(request.body, stored.channel); // spec.url is the stored URL when the body sent its mask
 */
export function unmaskSpec(spec: ChannelSpec, stored: Channel): ChannelSpec {
  const masked = maskChannel(stored);
  return {
    ...spec,
    ...(spec.url !== undefined && stored.url !== null && spec.url === masked.url ? { url: stored.url } : {}),
    ...(spec.routingKey !== undefined && stored.routingKey !== null && spec.routingKey === masked.routingKey ? { routingKey: stored.routingKey } : {}),
  };
}
