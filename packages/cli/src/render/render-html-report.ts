import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Report } from '@bothub/core';
import { renderAnomaliesSection } from './anomalies-section.js';
import { createChartCollection } from './chart-collection.js';
import { renderColumnsSection } from './columns-section.js';
import { renderDataQualitySection } from './data-quality-section.js';
import { renderDatasetDriftSection } from './dataset-drift-section.js';
import { escapeHtml } from './escape-html.js';
import { escapeScriptJson, escapeScriptSource } from './escape-script.js';
import { renderFairnessSection } from './fairness-section.js';
import { renderBadge } from './html-blocks.js';
import { renderPerformanceSection } from './performance-section.js';
import { REPORT_PAGE_SCRIPT } from './report-page-script.js';
import { renderSegmentsSection } from './segments-section.js';
import { renderSummarySection } from './summary-section.js';

// The page may not reach the network at all: everything it needs is inline.
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

let assets: { echarts: string; css: string } | undefined;

function loadAssets(): { echarts: string; css: string } {
  if (assets === undefined) {
    const require = createRequire(import.meta.url);
    assets = {
      echarts: escapeScriptSource(readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8')),
      css: readFileSync(new URL('./report-page.css', import.meta.url), 'utf8'),
    };
  }
  return assets;
}

/**
 * Renders a report as one self-contained HTML page: styles, ECharts, the page script and the report JSON are all
 * inline, so the file opens offline and makes no network request. Every string from the data is escaped.
 *
 * @example
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('report.html', renderHtmlReport(report));
 */
export function renderHtmlReport(report: Report): string {
  const { echarts, css } = loadAssets();
  const charts = createChartCollection();
  const sections: { id: string; title: string; html: string; present: boolean }[] = [
    { id: 'summary', title: 'Summary', html: renderSummarySection(report), present: true },
    { id: 'dataset-drift', title: 'Dataset drift', html: renderDatasetDriftSection(report, charts), present: true },
    { id: 'columns', title: 'Columns', html: renderColumnsSection(report, charts), present: true },
    { id: 'data-quality', title: 'Data quality', html: renderDataQualitySection(report, charts), present: true },
    { id: 'performance', title: 'Performance', html: renderPerformanceSection(report.performance, charts), present: report.performance !== null },
    { id: 'anomalies', title: 'Anomalies', html: renderAnomaliesSection(report.anomalies, charts), present: report.anomalies !== null },
    { id: 'fairness', title: 'Fairness', html: renderFairnessSection(report.fairness, charts), present: report.fairness !== null },
    {
      id: 'segments',
      title: 'Segments',
      html: renderSegmentsSection(report.segments, report.datasetDrift.threshold, charts),
      present: report.segments !== null,
    },
  ];
  const toc = sections
    .map((s) => `<li${s.present ? '' : ' class="omitted"'}><a href="#${s.id}">${s.title}</a></li>`)
    .join('');
  const verdict = report.summary.verdict;
  const title = `Bothub report: ${verdict} — ${report.inputs.current.source}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="${escapeHtml(`${report.tool.name} ${report.tool.version}`)}">
<title>${escapeHtml(title)}</title>
<style>
${css}
</style>
</head>
<body>
<header class="page">
<h1>Bothub report</h1>
${renderBadge(verdict, verdict)}
<span class="meta">${escapeHtml(report.inputs.reference.source)} → ${escapeHtml(report.inputs.current.source)} · generated ${escapeHtml(report.generatedAt)} · ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)} · schema ${escapeHtml(report.schemaVersion)}</span>
</header>
<nav class="toc" aria-label="Sections"><ul>${toc}</ul></nav>
<main>
${sections.map((s) => s.html).join('\n')}
</main>
<footer class="page">The report data is embedded in this page as JSON (element <code>#report-data</code>).</footer>
<script type="application/json" id="report-data">${escapeScriptJson(report)}</script>
<script type="application/json" id="chart-options">${escapeScriptJson(charts.options)}</script>
<script>${echarts}</script>
<script>${escapeScriptSource(REPORT_PAGE_SCRIPT)}</script>
</body>
</html>
`;
}
