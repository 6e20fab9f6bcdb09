import type { Performance } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { CURRENT_COLOR, intervalBarsOption, REFERENCE_COLOR } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatNumber } from './format-value.js';
import { formatMetricValue, renderBadge, renderOmittedSection, renderSection } from './html-blocks.js';

const TASK_LABEL: Record<Performance['task'], string> = {
  binary_classification: 'binary classification',
  multiclass_classification: 'multiclass classification',
  regression: 'regression',
};

/**
 * Model performance: one small card per metric with reference and current values, their intervals and a bar chart.
 *
 * @example
 * renderPerformanceSection(report.performance, createChartCollection());
 */
export function renderPerformanceSection(performance: Performance | null, charts: ChartCollection): string {
  if (performance === null) return renderOmittedSection('performance', 'Performance', 'Not computed: give --target and --prediction (or --score) to evaluate the model.');
  const metrics = [...new Set([...Object.keys(performance.reference), ...Object.keys(performance.current)])];
  const degraded = new Set(performance.degraded);
  const cards = metrics
    .map((metric) => {
      const reference = performance.reference[metric] ?? null;
      const current = performance.current[metric] ?? null;
      const change = performance.change[metric] ?? null;
      const chart = charts.add(
        intervalBarsOption(['reference', 'current'], [{ name: metric, color: CURRENT_COLOR, colors: [REFERENCE_COLOR, CURRENT_COLOR], values: [reference, current] }], { legend: false }),
        { label: `${metric}: reference ${formatMetricValue(reference)}, current ${formatMetricValue(current)}`, className: 'chart-small' },
      );
      return `<article class="card${degraded.has(metric) ? ' card-degraded' : ''}"><h3>${escapeHtml(metric)} ${degraded.has(metric) ? renderBadge('degraded', 'drift') : ''}</h3>
<dl class="metric"><div><dt>Reference</dt><dd>${escapeHtml(formatMetricValue(reference))}</dd></div><div><dt>Current</dt><dd>${escapeHtml(formatMetricValue(current))}</dd></div><div><dt>Change</dt><dd>${change === null ? '—' : `${change > 0 ? '+' : ''}${formatNumber(change)}`}</dd></div></dl>
${chart}</article>`;
    })
    .join('\n');
  const intro = `<p>${escapeHtml(TASK_LABEL[performance.task])}, ${formatCount(performance.rows.reference)} reference and ${formatCount(performance.rows.current)} current rows with labels; intervals at ${formatNumber(performance.confidence * 100)} % confidence.
${performance.degraded.length === 0 ? renderBadge('no metric degraded', 'ok') : renderBadge(`${performance.degraded.length} degraded`, 'drift')}</p>`;
  const dropped = performance.droppedRows;
  const droppedHtml =
    dropped === undefined || dropped.reference + dropped.current === 0
      ? ''
      : `<p class="muted">Rows left out for a missing target or prediction: ${formatCount(dropped.reference)} reference, ${formatCount(dropped.current)} current.</p>`;
  const notes = performance.notes ?? [];
  const notesHtml = notes.length === 0 ? '' : `<ul class="muted">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`;
  return renderSection('performance', 'Performance', `${intro}${droppedHtml}${notesHtml}<div class="cards">${cards}</div>`);
}
