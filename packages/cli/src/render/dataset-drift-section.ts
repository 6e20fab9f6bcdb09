import type { Report } from '@bothub/core';
import type { ChartCollection } from './chart-collection.js';
import { driftDonutOption } from './chart-options.js';
import { escapeHtml } from './escape-html.js';
import { formatCount, formatNumber, formatPValue, formatShare } from './format-value.js';
import { renderBadge, renderSection, renderTile } from './html-blocks.js';

/**
 * Dataset-level drift: share of drifted columns against the threshold, the multivariate MMD test and embeddings.
 *
 * @example
 * renderDatasetDriftSection(report, createChartCollection());
 */
export function renderDatasetDriftSection(report: Report, charts: ChartCollection): string {
  const drift = report.datasetDrift;
  const verdicts = Object.values(report.columns).map((c) => c.drift?.drifted ?? null);
  const counts = {
    drifted: verdicts.filter((v) => v === true).length,
    stable: verdicts.filter((v) => v === false).length,
    undecided: verdicts.filter((v) => v === null).length,
  };
  const tiles = `<div class="tiles">
${renderTile('Dataset drift', drift.drifted ? 'Drift' : 'No drift', drift.drifted ? 'drift' : 'ok')}
${renderTile('Drifted columns', `${formatCount(drift.driftedColumns.length)} of ${formatCount(drift.columnsTested)}`, drift.driftedColumns.length > 0 ? 'warning' : 'ok')}
${renderTile('Drifted share', formatShare(drift.driftedShare), drift.driftedShare >= drift.threshold ? 'drift' : 'ok', `threshold ${formatShare(drift.threshold)}`)}
</div>`;
  const donut = charts.add(driftDonutOption(counts), {
    label: `Columns by drift verdict: ${counts.drifted} drifted, ${counts.stable} not drifted, ${counts.undecided} not decided`,
    className: 'chart-donut',
  });
  const driftedList =
    drift.driftedColumns.length === 0
      ? '<p class="note">No column drifted.</p>'
      : `<p><strong>Drifted columns:</strong> ${drift.driftedColumns.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</p>`;

  const mv = drift.multivariate;
  const multivariate =
    mv === null
      ? '<p class="note">The multivariate test was not run (fewer than two numeric columns, or turned off).</p>'
      : `<table class="data compact"><caption>Multivariate drift (MMD, RBF kernel, permutation test)</caption><tbody>
<tr><th scope="row">Verdict</th><td>${mv.drifted ? renderBadge('drifted', 'drift') : renderBadge('not drifted', 'ok')}</td></tr>
<tr><th scope="row">MMD²</th><td>${formatNumber(mv.mmd2)}</td></tr>
<tr><th scope="row">p-value</th><td>${formatPValue(mv.pValue)} (threshold ${formatNumber(mv.threshold)}, ${formatCount(mv.permutations)} permutations)</td></tr>
<tr><th scope="row">Kernel width σ</th><td>${formatNumber(mv.sigma)}</td></tr>
<tr><th scope="row">Rows compared</th><td>${formatCount(mv.sampleSize.reference)} reference, ${formatCount(mv.sampleSize.current)} current</td></tr>
<tr><th scope="row">Columns</th><td>${mv.columns.map((c) => escapeHtml(c)).join(', ')}</td></tr>
</tbody></table>`;

  const embeddingEntries = Object.entries(drift.embeddings);
  const embeddings =
    embeddingEntries.length === 0
      ? ''
      : `<table class="data"><caption>Embedding drift</caption><thead><tr><th scope="col">Column</th><th scope="col">Dimension</th><th scope="col">MMD²</th><th scope="col">p-value</th><th scope="col">Mean cosine similarity</th><th scope="col">Near-neighbour share</th><th scope="col">Drifted</th></tr></thead><tbody>
${embeddingEntries
  .map(
    ([name, e]) =>
      `<tr><th scope="row">${escapeHtml(name)}</th><td class="num">${e.dimension}</td><td class="num">${formatNumber(e.mmd.mmd2)}</td><td class="num">${formatPValue(e.mmd.pValue)}</td><td class="num">${formatNumber(e.meanCosineSimilarity)}</td><td class="num">${formatShare(e.nearNeighbourShare)} <span class="muted">(cos ≥ ${formatNumber(e.nearNeighbourThreshold)})</span></td><td>${e.drifted ? renderBadge('drifted', 'drift') : renderBadge('no', 'ok')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;
  return renderSection(
    'dataset-drift',
    'Dataset drift',
    `${tiles}<div class="split split-wide-right"><div>${donut}</div><div>${driftedList}${multivariate}</div></div>${embeddings}`,
  );
}
