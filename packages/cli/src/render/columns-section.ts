import type { ColumnReport, Report } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { distributionChartOption } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatNumber, formatPValue, formatShare } from './format-value.js';
import { renderBadge, renderSection } from './html-blocks.js';

const sortAttribute = (value: number | string | null): string => (value === null || (typeof value === 'number' && !Number.isFinite(value)) ? '' : escapeHtml(String(value)));

function renderDetails(name: string, column: ColumnReport): string {
  const tests = Object.entries(column.tests);
  const testRows = tests
    .map(
      ([test, t]) =>
        `<tr><th scope="row">${escapeHtml(test)}</th><td class="num">${formatNumber(t.statistic)}</td><td class="num">${formatPValue(t.pValue)}</td><td class="num">${t.normalized === undefined ? '—' : formatNumber(t.normalized)}</td><td>${escapeHtml(t.reason ?? '')}</td></tr>`,
    )
    .join('');
  const q = column.quality;
  const side = (label: string, s: typeof q.reference) =>
    `<tr><th scope="row">${label}</th><td class="num">${formatCount(s.rows)}</td><td class="num">${formatShare(s.missingShare)}</td><td class="num">${s.distinct === null ? '—' : formatCount(s.distinct)}</td><td class="num">${formatNumber(s.min)}</td><td class="num">${formatNumber(s.mean)}</td><td class="num">${formatNumber(s.max)}</td><td class="num">${formatCount(s.typeMismatches)}</td></tr>`;
  const testsTable =
    tests.length === 0
      ? ''
      : `<table class="data compact"><caption>All tests on ${escapeHtml(name)}</caption><thead><tr><th scope="col">Test</th><th scope="col">Statistic</th><th scope="col">p-value</th><th scope="col">Normalized</th><th scope="col">Note</th></tr></thead><tbody>${testRows}</tbody></table>`;
  const unseen =
    q.unseenCategories.length === 0 ? '' : `<p>Unseen categories (${formatShare(q.unseenCategoryShare)} of current rows): ${q.unseenCategories.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</p>`;
  return `<p class="muted">${escapeHtml(column.drift?.threshold.description ?? column.drift?.reason ?? 'No drift test applies to this column.')}</p>
<div class="details-grid">${testsTable}
<table class="data compact"><caption>Quality</caption><thead><tr><th scope="col"></th><th scope="col">Rows</th><th scope="col">Missing</th><th scope="col">Distinct</th><th scope="col">Min</th><th scope="col">Mean</th><th scope="col">Max</th><th scope="col">Type mismatches</th></tr></thead><tbody>${side('Reference', q.reference)}${side('Current', q.current)}</tbody></table></div>
${q.outOfRangeShare === null ? '' : `<p>Current values outside the reference range: ${formatShare(q.outOfRangeShare)}</p>`}
${unseen}`;
}

function renderRow(name: string, column: ColumnReport, index: number, charts: ChartCollection): string {
  const drift = column.drift;
  const option = distributionChartOption(column.distribution);
  const chart =
    option === null
      ? '<span class="muted">—</span>'
      : charts.add(option, { label: `Distribution of ${name}: reference (grey) and current (blue)`, className: 'chart-spark' });
  const drifted = drift?.drifted ?? null;
  const driftedCell =
    drifted === true ? renderBadge('drifted', 'drift') : drifted === false ? renderBadge('no', 'ok') : renderBadge('n/a', 'neutral', drift?.reason ?? 'not tested');
  const effect = drift?.effectSize ?? null;
  const q = column.quality;
  const roleBadge = column.role === null ? '' : ` ${renderBadge(column.role, 'info')}`;
  // One tbody per column keeps the row and its details together when the table is sorted or filtered.
  return `<tbody class="column-group" data-name="${escapeHtml(name.toLowerCase())}" data-drifted="${drifted === true ? 'true' : 'false'}"><tr>
<th scope="row" data-sort="${escapeHtml(name)}"><span class="column-name">${escapeHtml(name)}</span>${roleBadge}<br><button type="button" class="details-toggle" aria-expanded="false" aria-controls="column-details-${index}">details</button></th>
<td data-sort="${escapeHtml(column.type)}">${escapeHtml(column.type)}</td>
<td data-sort="${sortAttribute(drift === null ? null : drift.test)}">${drift === null ? '—' : escapeHtml(drift.test)}</td>
<td class="num" data-sort="${sortAttribute(drift?.statistic ?? null)}">${formatNumber(drift?.statistic ?? null)}</td>
<td class="num" data-sort="${sortAttribute(drift?.pValue ?? null)}">${formatPValue(drift?.pValue ?? null)}</td>
<td class="num effect" data-sort="${sortAttribute(effect === null ? null : Math.abs(effect.value))}">${effect === null ? '—' : `<span class="muted">${escapeHtml(effect.name)}</span> ${formatNumber(effect.value)}`}</td>
<td data-sort="${drifted === true ? 2 : drifted === false ? 1 : ''}">${driftedCell}</td>
<td class="num" data-sort="${sortAttribute(q.current.missingShare)}">${formatShare(q.current.missingShare)}${q.missingShareChange === 0 ? '' : ` <span class="muted">(ref ${formatShare(q.reference.missingShare)})</span>`}</td>
<td class="dist">${chart}</td>
</tr>
<tr class="column-details" id="column-details-${index}" hidden><td colspan="${HEADERS.length + 1}">${renderDetails(name, column)}</td></tr></tbody>`;
}

const HEADERS: { label: string; type: 'text' | 'number' }[] = [
  { label: 'Column', type: 'text' },
  { label: 'Type', type: 'text' },
  { label: 'Test', type: 'text' },
  { label: 'Statistic', type: 'number' },
  { label: 'p-value', type: 'number' },
  { label: 'Effect size', type: 'number' },
  { label: 'Drifted', type: 'number' },
  { label: 'Missing (current)', type: 'number' },
];

/**
 * The sortable table of columns, one row per column with its drift test and a distribution sparkline.
 *
 * @example
 * renderColumnsSection(report, createChartCollection());
 */
export function renderColumnsSection(report: Report, charts: ChartCollection): string {
  const entries = Object.entries(report.columns);
  const head = HEADERS.map(
    (h, i) =>
      `<th scope="col" aria-sort="none" data-sort-type="${h.type}"><button type="button" class="sort" data-column="${i}">${h.label}<span class="sort-icon" aria-hidden="true"></span></button></th>`,
  ).join('');
  const rows = entries.map(([name, column], i) => renderRow(name, column, i, charts)).join('\n');
  const controls = `<div class="table-controls">
<label>Filter columns <input type="search" id="column-filter" placeholder="name contains…" autocomplete="off"></label>
<label><input type="checkbox" id="drifted-only"> drifted only</label>
<span class="muted" id="column-count" aria-live="polite">${formatCount(entries.length)} columns</span>
<span class="legend-inline"><span class="swatch swatch-reference"></span>reference <span class="swatch swatch-current"></span>current</span>
</div>`;
  return renderSection(
    'columns',
    'Columns',
    `${controls}<div class="table-scroll"><table class="data columns-table" id="columns-table"><caption class="visually-hidden">Drift per column; select a column header to sort</caption><thead><tr>${head}<th scope="col">Distribution</th></tr></thead>
${rows}
</table></div>`,
  );
}
