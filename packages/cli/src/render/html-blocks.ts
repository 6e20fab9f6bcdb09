import type { MetricValue } from '@bothub/core';
import { escapeHtml } from './escape-html.js';
import { formatNumber, formatShare } from './format-value.js';

export type Tone = 'ok' | 'warning' | 'drift' | 'neutral' | 'info';

/**
 * A report section with a heading the page's table of contents links to. `body` is HTML, already escaped.
 *
 * @example
 * renderSection('segments', 'Segments', '<p>…</p>');
 */
export function renderSection(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

/**
 * The one-line note shown in place of a section the report does not contain.
 *
 * @example
 * renderOmittedSection('fairness', 'Fairness', 'No protected attribute was given.');
 */
export function renderOmittedSection(id: string, title: string, reason: string): string {
  return renderSection(id, title, `<p class="note">${escapeHtml(reason)}</p>`);
}

/**
 * A small coloured label. `text` is escaped.
 *
 * @example
 * renderBadge('drifted', 'drift');
 */
export function renderBadge(text: string, tone: Tone, title?: string): string {
  const titleAttribute = title === undefined ? '' : ` title="${escapeHtml(title)}"`;
  return `<span class="badge badge-${tone}"${titleAttribute}>${escapeHtml(text)}</span>`;
}

/**
 * A key figure: a label over a large value. Both are escaped.
 *
 * @example
 * renderTile('Drifted columns', '3 of 10', 'drift');
 */
export function renderTile(label: string, value: string, tone: Tone = 'neutral', detail?: string): string {
  const detailHtml = detail === undefined ? '' : `<span class="tile-detail">${escapeHtml(detail)}</span>`;
  return `<div class="tile tile-${tone}"><span class="tile-label">${escapeHtml(label)}</span><span class="tile-value">${escapeHtml(value)}</span>${detailHtml}</div>`;
}

/**
 * A metric with its interval, e.g. `0.912 [0.890, 0.931]`, as plain text (escape before use in HTML).
 *
 * @example
 * formatMetricValue({ value: 0.5, lower: 0.4, upper: 0.6, interval: 'wilson' }); // '0.5 [0.4, 0.6]'
 */
export function formatMetricValue(metric: MetricValue | null | undefined, percent = false): string {
  if (metric === null || metric === undefined) return '—';
  const format = percent ? formatShare : formatNumber;
  const base = format(metric.value);
  if (metric.lower === null || metric.upper === null) return base;
  return `${base} [${format(metric.lower)}, ${format(metric.upper)}]`;
}
