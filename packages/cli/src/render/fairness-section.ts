import type { Fairness, FairnessSide, MetricValue } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { intervalBarsOption } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount } from './format-value.js';
import { formatMetricValue, renderBadge, renderOmittedSection, renderSection } from './html-blocks.js';

const RATE_SERIES: { key: 'selectionRate' | 'truePositiveRate' | 'falsePositiveRate'; name: string; color: string }[] = [
  { key: 'selectionRate', name: 'selection rate', color: '#2563eb' },
  { key: 'truePositiveRate', name: 'true positive rate', color: '#16a34a' },
  { key: 'falsePositiveRate', name: 'false positive rate', color: '#ea580c' },
];

const SUMMARY_METRICS: { key: 'disparateImpact' | 'statisticalParityDifference' | 'equalOpportunityDifference' | 'averageOddsDifference'; name: string }[] = [
  { key: 'disparateImpact', name: 'Disparate impact' },
  { key: 'statisticalParityDifference', name: 'Statistical parity difference' },
  { key: 'equalOpportunityDifference', name: 'Equal opportunity difference' },
  { key: 'averageOddsDifference', name: 'Average odds difference' },
];

function renderFourFifths(side: FairnessSide): string {
  const { passed, message } = side.fourFifthsRule;
  const badge = passed === true ? renderBadge('passed', 'ok') : passed === false ? renderBadge('failed', 'drift') : renderBadge('not decided', 'neutral');
  return `${badge} ${escapeHtml(message)}`;
}

function renderSide(title: string, side: FairnessSide, privileged: string, charts: ChartCollection): string {
  const chart = charts.add(
    intervalBarsOption(
      side.groups.map((g) => g.group),
      RATE_SERIES.map((s) => ({ name: s.name, color: s.color, values: side.groups.map((g): MetricValue => g[s.key]) })),
      { percent: true },
    ),
    { label: `${title}: selection rate, true positive rate and false positive rate per group, with intervals`, className: 'chart-medium' },
  );
  const groups = `<table class="data compact narrow"><caption>${escapeHtml(title)} by group</caption><thead><tr><th scope="col">Group</th><th scope="col">Rows</th>${RATE_SERIES.map((s) => `<th scope="col">${s.name}</th>`).join('')}</tr></thead><tbody>${side.groups
    .map(
      (g) =>
        `<tr><th scope="row">${escapeHtml(g.group)}${g.group === privileged ? ` ${renderBadge('privileged', 'info')}` : ''}</th><td class="num">${formatCount(g.count)}</td>${RATE_SERIES.map((s) => `<td class="num">${escapeHtml(formatMetricValue(g[s.key], true))}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
  const insufficient = side.insufficient.length === 0 ? '' : `<ul class="muted">${side.insufficient.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`;
  return `<h3>${escapeHtml(title)}</h3><p class="four-fifths">Four-fifths rule: ${renderFourFifths(side)}</p>${chart}${groups}${insufficient}`;
}

/**
 * Fairness across the groups of the protected attribute: the four-fifths verdict, group-level rates with intervals
 * and the disparity metrics, for the current data and, when present, the reference.
 *
 * @example
 * renderFairnessSection(report.fairness, createChartCollection());
 */
export function renderFairnessSection(fairness: Fairness | null, charts: ChartCollection): string {
  if (fairness === null) return renderOmittedSection('fairness', 'Fairness', 'Not computed: give --protected column=privileged value with a target and a prediction.');
  const reference = fairness.reference;
  const metrics = `<table class="data compact narrow"><caption>Disparity metrics (privileged group: ${escapeHtml(fairness.privileged)})</caption><thead><tr><th scope="col">Metric</th>${reference === null ? '' : '<th scope="col">Reference</th>'}<th scope="col">Current</th></tr></thead><tbody>${SUMMARY_METRICS.map(
    (m) =>
      `<tr><th scope="row">${m.name}</th>${reference === null ? '' : `<td class="num">${escapeHtml(formatMetricValue(reference[m.key]))}</td>`}<td class="num">${escapeHtml(formatMetricValue(fairness.current[m.key]))}</td></tr>`,
  ).join('')}</tbody></table>`;
  const intro = `<p>Protected attribute <code>${escapeHtml(fairness.column)}</code>, privileged group <code>${escapeHtml(fairness.privileged)}</code>; groups with fewer than ${formatCount(fairness.minGroupSize)} rows are not judged.</p>`;
  return renderSection(
    'fairness',
    'Fairness',
    `${intro}${metrics}${renderSide('Current', fairness.current, fairness.privileged, charts)}${reference === null ? '' : renderSide('Reference', reference, fairness.privileged, charts)}`,
  );
}
