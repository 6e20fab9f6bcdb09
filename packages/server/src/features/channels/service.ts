/**
 * Notification channels: where alerts go (Slack, PagerDuty, webhook, e-mail, retraining trigger). Secrets are
 * write-only: sealed by the store, used by the senders, never answered; URLs and routing keys are answered masked.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, ChannelSpec } from '@bothub/core';
import { sendNotification } from '../../channels/index.js';
import type { SendOutcome } from '../../channels/index.js';
import { ApiError, invalidField } from '../../http/errors.js';
import type { NewChannel, StoredChannel } from '../../storage/alert-store.js';
import type { Store } from '../../storage/store.js';
import { checkChannelSpec } from './check-channel-spec.js';
import { maskChannel, unmaskSpec } from './mask-channel.js';
import type { ChannelRules } from './check-channel-spec.js';
import { testNotification } from './test-notification.js';

export interface ChannelDeps extends ChannelRules {
  readonly store: Store;
  readonly clock: () => number;
  /** The service's public address: notifications link to the dashboard under it. */
  readonly publicUrl: () => string;
  /** One send's time limit (tests shorten it). */
  readonly sendTimeoutMs?: number;
}

export interface ChannelService {
  create(spec: ChannelSpec): Promise<Channel>;
  list(): Promise<Channel[]>;
  get(name: string): Promise<Channel>;
  /** Replaces the channel's settings; a secret (or SMTP password) left out, or a URL or routing key sent back masked, keeps the stored one. */
  update(name: string, spec: ChannelSpec): Promise<Channel>;
  remove(name: string): Promise<void>;
  /** Sends a test notification now, bypassing the queue, and answers how it went. */
  test(name: string): Promise<SendOutcome>;
}

const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;
/** The kinds that sign what they send. */
const TAKES_SECRET: ReadonlySet<ChannelSpec['kind']> = new Set(['webhook', 'retrain']);

function toNewChannel(spec: ChannelSpec, kept: StoredChannel['secrets'] | null): NewChannel {
  const { smtp } = spec;
  return {
    name: spec.name,
    kind: spec.kind,
    severities: [...new Set(spec.severities)],
    rateLimitPerMinute: spec.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    enabled: spec.enabled ?? true,
    url: spec.url ?? null,
    routingKey: spec.routingKey ?? null,
    smtp: smtp === undefined ? null : { host: smtp.host, port: smtp.port, secure: smtp.secure ?? smtp.port === 465, user: smtp.user ?? null, from: smtp.from, to: smtp.to },
    command: spec.command ?? null,
    secrets: {
      secret: spec.secret ?? (TAKES_SECRET.has(spec.kind) ? (kept?.secret ?? null) : null),
      smtpPassword: smtp === undefined ? null : (smtp.password ?? kept?.smtpPassword ?? null),
    },
  };
}

/**
 * @example
 * const channels = createChannelService({ store, clock: Date.now, policy: { allowPrivate: [] }, retrainCommands: [], publicUrl: () => 'https://bothub.example.com' });
 * await channels.create({ name: 'ops', kind: 'slack', severities: ['critical'], url: 'https://hooks.slack.com/services/T/B/X' });
 */
export function createChannelService(deps: ChannelDeps): ChannelService {
  const { store } = deps;

  async function requireChannel(name: string): Promise<StoredChannel> {
    const stored = await store.alerts.getChannel(name);
    if (stored === null) throw new ApiError('channel_not_found', { channel: name });
    return stored;
  }

  return {
    async create(spec) {
      await checkChannelSpec(spec, deps);
      if ((await store.alerts.getChannel(spec.name)) !== null) throw new ApiError('channel_exists', { channel: spec.name });
      return maskChannel((await store.alerts.createChannel(toNewChannel(spec, null))).channel);
    },

    list: async () => (await store.alerts.listChannels()).map((stored) => maskChannel(stored.channel)),

    get: async (name) => maskChannel((await requireChannel(name)).channel),

    async update(name, sent) {
      const stored = await requireChannel(name);
      if (sent.name !== name) throw invalidField('body', 'name', `a channel cannot be renamed (rules name it): expected ${JSON.stringify(name)}`);
      const spec = unmaskSpec(sent, stored.channel);
      await checkChannelSpec(spec, deps);
      const updated = await store.alerts.updateChannel(name, toNewChannel(spec, stored.secrets));
      if (updated === null) throw new ApiError('channel_not_found', { channel: name });
      return maskChannel(updated.channel);
    },

    async remove(name) {
      if (!(await store.alerts.deleteChannel(name))) throw new ApiError('channel_not_found', { channel: name });
    },

    async test(name) {
      const { channel, secrets } = await requireChannel(name);
      const now = deps.clock();
      return sendNotification(channel, { secret: secrets.secret ?? undefined, smtpPassword: secrets.smtpPassword ?? undefined }, testNotification(channel, now, deps.publicUrl(), randomUUID()), {
        policy: deps.policy,
        now: deps.clock,
        ...(deps.sendTimeoutMs === undefined ? {} : { timeoutMs: deps.sendTimeoutMs }),
        ...(deps.lookup === undefined ? {} : { lookup: deps.lookup }),
      });
    },
  };
}
