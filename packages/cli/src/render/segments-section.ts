import type { Segments } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { segmentsChartOption } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatNumber, formatShare } from './format-value.js';
import { renderOmittedSection, renderSection } from './html-blocks.js';

/**
 * Drift per segment: the worst segments, a bar chart of the drifted share per segment, and a table of all segments.
 *
 * @example
 * renderSegmentsSection(report.segments, 0.5, createChartCollection());
 */
export function renderSegmentsSection(segments: Segments | null, threshold: number, charts: ChartCollection): string {
  if (segments === null) return renderOmittedSection('segments', 'Segments', 'Not computed: give --segment column to compare drift per segment.');
  const measured = segments.segments.flatMap((s) => (s.driftedShare === null ? [] : [{ value: s.value, driftedShare: s.driftedShare }]));
  const tooSmall = segments.segments.length - measured.length;
  const chart =
    measured.length === 0
      ? '<p class="note">Every segment is too small to test.</p>'
      : charts.add(segmentsChartOption(measured, threshold), {
          label: `Share of drifted columns per segment of ${segments.column}`,
          className: 'chart-medium',
          height: Math.min(600, 60 + measured.length * 28),
        });
  const worst =
    segments.worst.length === 0 ? '' : `<p><strong>Worst segments:</strong> ${segments.worst.map((w) => `<code>${escapeHtml(w)}</code>`).join(', ')}</p>`;
  const metricNames = [...new Set(segments.segments.flatMap((s) => Object.keys(s.performance ?? {})))];
  const table = `<div class="table-scroll"><table class="data compact"><caption>All segments</caption><thead><tr><th scope="col">Segment</th><th scope="col">Rows (ref / cur)</th><th scope="col">Drifted share</th><th scope="col">Drifted columns</th>${metricNames.map((m) => `<th scope="col">${escapeHtml(m)}</th>`).join('')}<th scope="col">Anomalous rows</th></tr></thead><tbody>${segments.segments
    .map(
      (s) =>
        `<tr><th scope="row">${escapeHtml(s.value)}</th><td class="num">${formatCount(s.rows.reference)} / ${formatCount(s.rows.current)}</td><td class="num">${s.driftedShare === null ? `<span class="muted">too small</span>` : formatShare(s.driftedShare)}</td><td>${s.driftedColumns.map((c) => escapeHtml(c)).join(', ')}</td>${metricNames.map((m) => `<td class="num">${formatNumber(s.performance?.[m] ?? null)}</td>`).join('')}<td class="num">${formatShare(s.anomalyShare)}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;
  return renderSection(
    'segments',
    'Segments',
    `<p>Segmented by <code>${escapeHtml(segments.column)}</code>; segments with fewer than ${formatCount(segments.minRows)} rows in either dataset are not tested${tooSmall > 0 ? ` (${tooSmall} here)` : ''}.</p>${worst}${chart}${table}`,
  );
}
