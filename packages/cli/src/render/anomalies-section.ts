import type { Anomalies } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { CURRENT_COLOR, intervalBarsOption, REFERENCE_COLOR } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatNumber, formatShare } from './format-value.js';
import { formatMetricValue, renderOmittedSection, renderSection, renderTile } from './html-blocks.js';

// Wide tables stay readable: the top rows show the first few scored columns, the full list is in the JSON.
const MAX_VALUE_COLUMNS = 8;

/**
 * Anomalies: the share of current rows scoring above the reference threshold, with its interval, and the top rows.
 *
 * @example
 * renderAnomaliesSection(report.anomalies, createChartCollection());
 */
export function renderAnomaliesSection(anomalies: Anomalies | null, charts: ChartCollection): string {
  if (anomalies === null) return renderOmittedSection('anomalies', 'Anomalies', 'Not computed: anomaly detection needs numeric feature columns (or was turned off).');
  const expected = 1 - anomalies.percentile / 100;
  const above = anomalies.currentShareAbove > (anomalies.currentShareInterval.upper ?? anomalies.currentShareAbove) || (anomalies.currentShareInterval.lower ?? 0) > expected;
  const tiles = `<div class="tiles">
${renderTile('Threshold score', formatNumber(anomalies.threshold), 'neutral', `reference percentile ${formatNumber(anomalies.percentile)}`)}
${renderTile('Reference above threshold', formatShare(anomalies.referenceShareAbove))}
${renderTile('Current above threshold', formatShare(anomalies.currentShareAbove), above ? 'drift' : 'ok', `interval ${formatMetricValue(anomalies.currentShareInterval, true)}`)}
</div>`;
  const chart = charts.add(
    intervalBarsOption(
      ['reference', 'current'],
      [
        {
          name: 'share above threshold',
          color: CURRENT_COLOR,
          colors: [REFERENCE_COLOR, CURRENT_COLOR],
          values: [{ value: anomalies.referenceShareAbove, lower: null, upper: null, interval: null }, anomalies.currentShareInterval],
        },
      ],
      { percent: true, legend: false },
    ),
    { label: `Share of rows above the anomaly threshold: reference ${formatShare(anomalies.referenceShareAbove)}, current ${formatShare(anomalies.currentShareAbove)}`, className: 'chart-small' },
  );
  const shown = anomalies.columns.slice(0, MAX_VALUE_COLUMNS);
  const hidden = anomalies.columns.length - shown.length;
  const rows =
    anomalies.topRows.length === 0
      ? '<p class="note">No row scored above the threshold.</p>'
      : `<div class="table-scroll"><table class="data compact"><caption>Most anomalous current rows${hidden > 0 ? ` (first ${shown.length} of ${anomalies.columns.length} columns)` : ''}</caption><thead><tr><th scope="col">Row</th><th scope="col">Score</th>${shown.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${anomalies.topRows
          .map(
            (r) =>
              `<tr><th scope="row">${formatCount(r.row)}</th><td class="num">${formatNumber(r.score)}</td>${shown
                .map((c) => {
                  const v = r.values[c] ?? null;
                  return `<td class="num">${v === null ? '—' : typeof v === 'number' ? formatNumber(v) : escapeHtml(v)}</td>`;
                })
                .join('')}</tr>`,
          )
          .join('')}</tbody></table></div>`;
  return renderSection(
    'anomalies',
    'Anomalies',
    `<p>Isolation Forest fitted on the reference over ${formatCount(anomalies.columns.length)} columns; a row is anomalous when its score exceeds the reference ${formatNumber(anomalies.percentile)}th percentile (expected share ${formatShare(expected)}).</p>${tiles}<div class="split split-wide-right"><div>${chart}</div><div>${rows}</div></div>`,
  );
}
