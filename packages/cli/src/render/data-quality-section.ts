import type { Finding, Report } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { correlationHeatmapOption } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatNumber, formatShare } from './format-value.js';
import { renderBadge, renderSection } from './html-blocks.js';
import type { Tone } from './html-blocks.js';

const SEVERITY_TONE: Record<Finding['severity'], Tone> = { critical: 'drift', warning: 'warning', info: 'info' };
const SEVERITY_ORDER: Record<Finding['severity'], number> = { critical: 0, warning: 1, info: 2 };
// A VIF above 10 is the usual rule of thumb for problematic collinearity.
const VIF_HIGH = 10;

function formatVif(value: number | null): string {
  return value === null ? '∞' : formatNumber(value);
}

/**
 * Data quality: row counts and duplicates, findings by severity, correlation heatmaps and variance inflation.
 *
 * @example
 * renderDataQualitySection(report, createChartCollection());
 */
export function renderDataQualitySection(report: Report, charts: ChartCollection): string {
  const dq = report.dataQuality;
  const overview = `<table class="data compact narrow"><caption>Rows</caption><thead><tr><th scope="col"></th><th scope="col">Reference</th><th scope="col">Current</th></tr></thead><tbody>
<tr><th scope="row">Rows</th><td class="num">${formatCount(dq.reference.rows)}</td><td class="num">${formatCount(dq.current.rows)}</td></tr>
<tr><th scope="row">Duplicate rows</th><td class="num">${formatCount(dq.reference.duplicateRows)}</td><td class="num">${formatCount(dq.current.duplicateRows)}</td></tr>
<tr><th scope="row">Duplicate ids</th><td class="num">${dq.reference.duplicateIds === null ? '—' : formatCount(dq.reference.duplicateIds)}</td><td class="num">${dq.current.duplicateIds === null ? '—' : formatCount(dq.current.duplicateIds)}</td></tr>
</tbody></table>`;
  const findings = [...dq.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const findingsHtml =
    findings.length === 0
      ? '<p class="note">No data quality findings.</p>'
      : `<ul class="findings">${findings
          .map(
            (f) =>
              `<li>${renderBadge(f.severity, SEVERITY_TONE[f.severity])} ${f.column === null ? '' : `<code>${escapeHtml(f.column)}</code> `}${escapeHtml(f.message)} <span class="muted">${escapeHtml(f.code)}</span></li>`,
          )
          .join('')}</ul>`;

  const cols = dq.correlations.columns;
  const heatmapHeight = Math.min(720, Math.max(260, 120 + cols.length * 26));
  const heatmaps =
    cols.length < 2
      ? '<p class="note">Correlations need at least two numeric columns.</p>'
      : `<div class="split">
<figure><figcaption>Reference correlations</figcaption>${charts.add(correlationHeatmapOption(cols, dq.correlations.reference), { label: `Correlation heatmap of ${cols.length} numeric columns in the reference data`, className: 'chart-heatmap', height: heatmapHeight })}</figure>
<figure><figcaption>Current correlations</figcaption>${charts.add(correlationHeatmapOption(cols, dq.correlations.current), { label: `Correlation heatmap of ${cols.length} numeric columns in the current data`, className: 'chart-heatmap', height: heatmapHeight })}</figure>
</div>`;

  const vif = dq.varianceInflation;
  const vifCell = (value: number | null) => `<td class="num${value === null || value > VIF_HIGH ? ' high' : ''}">${formatVif(value)}</td>`;
  const vifHtml =
    vif.columns.length === 0
      ? '<p class="note">Variance inflation needs at least two numeric columns.</p>'
      : `<table class="data compact narrow"><caption>Variance inflation factor (above ${VIF_HIGH} marks strong collinearity; ∞ is perfect)</caption><thead><tr><th scope="col">Column</th><th scope="col">Reference</th><th scope="col">Current</th></tr></thead><tbody>${vif.columns
          .map((c, i) => `<tr><th scope="row">${escapeHtml(c)}</th>${vifCell(vif.reference[i] ?? null)}${vifCell(vif.current[i] ?? null)}</tr>`)
          .join('')}</tbody></table>`;

  const columnEntries = Object.entries(report.columns);
  const perColumn = `<details><summary>Quality per column</summary><div class="table-scroll"><table class="data compact"><thead><tr><th scope="col">Column</th><th scope="col">Missing (ref → cur)</th><th scope="col">Type mismatches (cur)</th><th scope="col">Distinct (ref → cur)</th><th scope="col">Out of range</th><th scope="col">Unseen categories</th><th scope="col">Constant</th></tr></thead><tbody>${columnEntries
    .map(([name, c]) => {
      const q = c.quality;
      return `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${formatShare(q.reference.missingShare)} → ${formatShare(q.current.missingShare)}</td><td class="num">${formatCount(q.current.typeMismatches)}</td><td class="num">${q.reference.distinct === null ? '—' : formatCount(q.reference.distinct)} → ${q.current.distinct === null ? '—' : formatCount(q.current.distinct)}</td><td class="num">${formatShare(q.outOfRangeShare)}</td><td class="num">${formatShare(q.unseenCategoryShare)}</td><td>${q.current.constant ? 'constant' : q.current.nearConstant ? 'near constant' : ''}</td></tr>`;
    })
    .join('')}</tbody></table></div></details>`;

  return renderSection(
    'data-quality',
    'Data quality',
    `<div class="split"><div>${overview}</div><div><h3>Findings</h3>${findingsHtml}</div></div>${perColumn}<h3>Correlations</h3>${heatmaps}<h3>Variance inflation</h3>${vifHtml}`,
  );
}
