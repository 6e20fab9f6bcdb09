/**
 * The rules of a channel spec that its schema cannot state: which settings each kind needs and takes, outbound
 * addresses allowed by the SSRF policy (checked when the channel is written, and again at every send), and retrain
 * commands only from the administrator's allow-list.
 */
import type { ChannelSpec } from '@bothub/core';
import { checkOutboundHost, checkOutboundUrl } from '../../channels/index.js';
import type { LookupAll, OutboundPolicy } from '../../channels/index.js';
import { invalidField } from '../../http/errors.js';

type Kind = ChannelSpec['kind'];
type KindSetting = 'url' | 'secret' | 'routingKey' | 'smtp' | 'command';

export interface ChannelRules {
  readonly policy: OutboundPolicy;
  /** The commands retrain channels may run (program and arguments, matched exactly). */
  readonly retrainCommands: readonly (readonly string[])[];
  /** DNS resolution, for tests; the system resolver by default. */
  readonly lookup?: LookupAll;
}

/** The settings each kind takes; anything else of KindSetting is refused, so a misplaced setting is not silently ignored. */
const TAKES: Record<Kind, readonly KindSetting[]> = {
  slack: ['url'],
  webhook: ['url', 'secret'],
  pagerduty: ['routingKey', 'url'],
  email: ['smtp'],
  retrain: ['url', 'secret', 'command'],
};

/** The setting a kind cannot work without (retrain: a url or a command, checked apart). */
const NEEDS: Partial<Record<Kind, KindSetting>> = { slack: 'url', webhook: 'url', pagerduty: 'routingKey', email: 'smtp' };

const SETTINGS: readonly KindSetting[] = ['url', 'secret', 'routingKey', 'smtp', 'command'];

function sameCommand(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

async function checkAddress(field: string, check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    throw invalidField('body', field, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Throws a 400 (validation_failed) naming the field when the spec breaks a rule.
 *
 * @example
 * await checkChannelSpec({ name: 'ops', kind: 'slack', severities: ['critical'], url: 'https://hooks.slack.com/services/T/B/X' }, { policy: { allowPrivate: [] }, retrainCommands: [] });
 */
export async function checkChannelSpec(spec: ChannelSpec, rules: ChannelRules): Promise<void> {
  for (const setting of SETTINGS) {
    if (spec[setting] !== undefined && !TAKES[spec.kind].includes(setting)) throw invalidField('body', setting, `not a setting of ${spec.kind} channels`);
  }
  const needed = NEEDS[spec.kind];
  if (needed !== undefined && spec[needed] === undefined) throw invalidField('body', needed, `required for ${spec.kind} channels`);
  if (spec.kind === 'retrain') {
    if ((spec.url === undefined) === (spec.command === undefined)) throw invalidField('body', spec.url === undefined ? 'url' : 'command', 'a retrain channel takes either a url or a command');
    if (spec.command !== undefined && !rules.retrainCommands.some((allowed) => sameCommand(allowed, spec.command!))) {
      throw invalidField('body', 'command', 'not among the commands an administrator allowed (setting retrainCommands, BOTHUB_RETRAIN_COMMANDS)');
    }
  }
  const { url, smtp } = spec;
  if (url !== undefined) await checkAddress('url', () => checkOutboundUrl(url, rules.policy, rules.lookup));
  if (smtp !== undefined) await checkAddress('smtp.host', () => checkOutboundHost(smtp.host, rules.policy, rules.lookup));
}
