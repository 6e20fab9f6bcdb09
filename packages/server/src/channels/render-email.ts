/**
 * A notification as an e-mail: a subject that reads well in a list ("[Bothub][critical] credit: drift.share 0.62
 * above 0.5"), a plain-text body and an HTML body with the same facts, and the headers that let a mail client thread
 * every message about one alert together.
 */
import { createHash } from 'node:crypto';
import type { Notification } from '@bothub/core';
import { formatMetricValue, notificationFacts, notificationHeadline, stateChangeNote } from './describe-notification.js';
import { truncateText } from './truncate-text.js';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Derived from the idempotency key: a retried delivery carries the same Message-ID, so receivers can drop it. */
  readonly messageId: string;
  /** The alert's thread: every message about one alert references it. */
  readonly references: string;
}

const MESSAGE_ID_DOMAIN = 'bothub.invalid';

/** Message-IDs take a restricted character set (RFC 5322 §3.6.4): a hash of the key fits any key. */
function messageIdOf(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${MESSAGE_ID_DOMAIN}>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * @example
 * const { subject, text, html } = renderEmail(notification);
 * // subject: '[Bothub][critical] credit: drift.share 0.62 above 0.5'
 */
export function renderEmail(notification: Notification): RenderedEmail {
  const { alert } = notification;
  const headline = notificationHeadline(notification);
  const note = stateChangeNote(notification);
  const facts = notificationFacts(notification);
  const top = alert.evidence.topFeatures.slice(0, 10);
  const topLines = top.map((f) => `${f.feature}: effect size ${formatMetricValue(f.effectSize)}${f.drifted ? ' (drifted)' : ''}`);

  const text = [
    headline,
    '',
    ...(note === null ? [] : [note, '']),
    ...facts.map((fact) => `${fact.label}: ${fact.value}`),
    ...(topLines.length === 0 ? [] : ['', 'Top drifting features:', ...topLines.map((line) => `  - ${line}`)]),
    '',
    `View in Bothub: ${notification.url}`,
    '',
    `Alert ${alert.id}, delivery ${notification.idempotencyKey}`,
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<h2>${escapeHtml(headline)}</h2>`,
    note === null ? '' : `<p><em>${escapeHtml(note)}</em></p>`,
    '<table cellpadding="4" style="border-collapse: collapse">',
    ...facts.map((fact) => `<tr><th align="left">${escapeHtml(fact.label)}</th><td>${escapeHtml(fact.value)}</td></tr>`),
    '</table>',
    topLines.length === 0 ? '' : `<h3>Top drifting features</h3><ul>${topLines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    `<p><a href="${escapeHtml(notification.url)}">View in Bothub</a></p>`,
    `<p style="color: #777; font-size: small">Alert ${escapeHtml(alert.id)}, delivery ${escapeHtml(notification.idempotencyKey)}</p>`,
    '</body></html>',
  ].join('\n');

  return {
    // A subject line folds badly past a few hundred characters; the body carries the whole reason.
    subject: truncateText(`[Bothub][${alert.severity}] ${headline}`, 250),
    text,
    html,
    messageId: messageIdOf(notification.idempotencyKey),
    references: messageIdOf(`alert:${alert.id}`),
  };
}
