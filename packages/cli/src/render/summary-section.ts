import type { DatasetInfo, Report } from '@bothub/core';
import { escapeHtml } from './escape-html.js';
import { formatCount } from './format-value.js';
import { renderBadge } from './html-blocks.js';

const VERDICT_LABEL: Record<Report['summary']['verdict'], string> = { ok: 'OK', warning: 'Warning', drift: 'Drift' };

/**
 * The verdict first: badge, headline and messages, then the inputs (files, rows, sampling) and column roles.
 *
 * @example
 * renderSummarySection(report);
 */
export function renderSummarySection(report: Report): string {
  const { summary, inputs, roles } = report;
  const messages = summary.messages.length === 0 ? '' : `<ul class="messages">${summary.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`;
  const inputRow = (label: string, pick: (info: DatasetInfo) => string) =>
    `<tr><th scope="row">${label}</th><td>${escapeHtml(pick(inputs.reference))}</td><td>${escapeHtml(pick(inputs.current))}</td></tr>`;
  const inputsTable = `<table class="data inputs"><caption>Inputs</caption><thead><tr><th scope="col"><span class="visually-hidden">Property</span></th><th scope="col">Reference</th><th scope="col">Current</th></tr></thead><tbody>
${inputRow('File', (i) => i.source)}
${inputRow('Format', (i) => i.format)}
${inputRow('Rows', (i) => formatCount(i.rows))}
${inputRow('Rows analysed', (i) => formatCount(i.sampledRows))}
${inputRow('Sampling', (i) => i.sampling ?? 'none (all rows)')}
</tbody></table>`;
  const roleEntries: [string, string | null][] = [
    ['Target', roles.target],
    ['Prediction', roles.prediction],
    ['Score', roles.scoreColumns.length > 0 ? roles.scoreColumns.join(', ') : roles.score],
    ['Timestamp', roles.timestamp],
    ['Segment', roles.segment],
    ['Protected', roles.protected === null ? null : `${roles.protected.column} (privileged: ${roles.protected.privileged})`],
  ];
  const given = roleEntries.filter((entry): entry is [string, string] => entry[1] !== null);
  const rolesHtml =
    given.length === 0
      ? '<p class="note">No column roles were given: only drift and data quality were computed.</p>'
      : `<dl class="roles">${given.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
  return `<section id="summary" aria-labelledby="summary-title" class="summary summary-${summary.verdict}">
<h2 id="summary-title">Summary</h2>
<div class="verdict">${renderBadge(VERDICT_LABEL[summary.verdict], summary.verdict)}<p class="headline">${escapeHtml(summary.headline)}</p></div>
${messages}
<div class="summary-grid">${inputsTable}<div><h3>Column roles</h3>${rolesHtml}</div></div>
</section>`;
}
