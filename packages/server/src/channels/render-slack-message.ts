/**
 * A notification as a Slack incoming-webhook message: `text` for notifications and clients without blocks, and Block
 * Kit `blocks` (header, the reason with the alert's facts as fields, the top drifting features, who changed the state,
 * a button to the dashboard). Slack's limits are kept: header 150 characters, section text 3000, a field 2000, at most
 * 10 fields. https://api.slack.com/messaging/webhooks, https://api.slack.com/reference/block-kit/blocks
 */
import type { Notification } from '@bothub/core';
import { truncateText } from './truncate-text.js';
import { EVENT_LABELS, formatMetricValue, notificationFacts, notificationHeadline, stateChangeNote } from './describe-notification.js';

interface PlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

interface Mrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: PlainText }
  | { readonly type: 'section'; readonly text: Mrkdwn; readonly fields?: readonly Mrkdwn[] }
  | { readonly type: 'context'; readonly elements: readonly Mrkdwn[] }
  | { readonly type: 'actions'; readonly elements: readonly { readonly type: 'button'; readonly text: PlainText; readonly url: string; readonly action_id: string }[] };

export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

const SEVERITY_MARKS = { critical: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' } as const;
const EVENT_MARKS = { acknowledged: ':eyes:', resolved: ':white_check_mark:' } as const;

/** Slack reads &, < and > as markup (links, mentions); everything else is text. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mrkdwn(text: string, max: number): Mrkdwn {
  return { type: 'mrkdwn', text: truncateText(text, max) };
}

/**
 * @example
 * const message = renderSlackMessage(notification);
 * await postJson(channel.url, JSON.stringify(message), {}, { policy, timeoutMs: 10_000 });
 */
export function renderSlackMessage(notification: Notification): SlackMessage {
  const { alert, event } = notification;
  const mark = event === 'acknowledged' || event === 'resolved' ? EVENT_MARKS[event] : SEVERITY_MARKS[alert.severity];
  const headline = notificationHeadline(notification);
  const note = stateChangeNote(notification);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncateText(`${EVENT_LABELS[event]}: ${notification.model.name} — ${notification.rule.name}`, 150), emoji: true } },
    {
      type: 'section',
      text: mrkdwn(`${mark} *${escapeMrkdwn(alert.evidence.reason)}*`, 3000),
      fields: notificationFacts(notification)
        .slice(0, 10)
        .map((fact) => mrkdwn(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, 2000)),
    },
  ];
  const top = alert.evidence.topFeatures.slice(0, 5);
  if (top.length > 0) {
    const lines = top.map((f) => `• ${escapeMrkdwn(f.feature)}: effect size ${formatMetricValue(f.effectSize)}${f.drifted ? ' (drifted)' : ''}`);
    blocks.push({ type: 'section', text: mrkdwn(`*Top drifting features*\n${lines.join('\n')}`, 3000) });
  }
  if (note !== null) blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(note), 3000)] });
  // A cut URL would lead nowhere, and Slack refuses a longer one: such a message goes without its button.
  if (notification.url.length <= 3000) {
    blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'View in Bothub' }, url: notification.url, action_id: 'bothub-view-alert' }] });
  }
  return { text: `[${alert.severity}] ${headline}`, blocks };
}
