import type { ColumnDrift, DatasetDrift, EmbeddingDrift, MultivariateDrift } from '../../report/report-schema.js';

/**
 * The dataset verdict: the share of judged columns that drift (columns whose verdict is null — text, id, datetime,
 * too little data — are not counted), and drifted when that share reaches `threshold` or the multivariate test
 * drifts. Embedding columns count through their column verdicts; `embeddings` is carried into the result.
 * @throws RangeError when threshold is not in (0, 1].
 * @example
 * evaluateDatasetDrift({ age: ageDrift, city: null }, null, {}, 0.5);
 * // { columnsTested: 1, driftedColumns: ['age'], driftedShare: 1, threshold: 0.5, drifted: true, … }
 */
export function evaluateDatasetDrift(
  columnDrift: Readonly<Record<string, ColumnDrift | null>>,
  multivariate: MultivariateDrift | null,
  embeddings: Readonly<Record<string, EmbeddingDrift>>,
  threshold: number,
): DatasetDrift {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`dataset drift: the drifted-column share threshold must be in (0, 1], got ${threshold}`);
  let columnsTested = 0;
  const driftedColumns: string[] = [];
  for (const [name, drift] of Object.entries(columnDrift)) {
    if (drift === null || drift.drifted === null) continue;
    columnsTested++;
    if (drift.drifted) driftedColumns.push(name);
  }
  const driftedShare = columnsTested === 0 ? 0 : driftedColumns.length / columnsTested;
  return {
    columnsTested,
    driftedColumns,
    driftedShare,
    threshold,
    drifted: (columnsTested > 0 && driftedShare >= threshold) || multivariate?.drifted === true,
    multivariate,
    embeddings: { ...embeddings },
  };
}
