import type { ColumnType } from '../../column-type.js';
import type { DriftTestName } from '../../report/report-schema.js';

const APPLICABLE: Readonly<Record<ColumnType, ReadonlySet<DriftTestName>>> = {
  numerical: new Set(['ks', 'cramervonmises', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'hellinger', 'kl']),
  datetime: new Set(['ks', 'cramervonmises', 'wasserstein', 'psi', 'chi2', 'jensenshannon', 'hellinger', 'kl']),
  categorical: new Set(['chi2', 'psi', 'jensenshannon', 'hellinger', 'kl']),
  boolean: new Set(['chi2', 'psi', 'jensenshannon', 'hellinger', 'kl']),
  embedding: new Set(['mmd']),
  text: new Set(),
  id: new Set(),
};

/**
 * Whether a named drift test applies to a column type: the ordered-value tests (ks, cramervonmises, wasserstein) to
 * numerical and datetime columns; the count-based ones (chi2, psi, jensenshannon, hellinger, kl) to those (binned on
 * reference deciles) and to categorical and boolean columns; mmd to embeddings; none to text and id columns.
 * @example
 * isDriftTestApplicable('ks', 'categorical'); // false
 */
export function isDriftTestApplicable(name: DriftTestName, type: ColumnType): boolean {
  return APPLICABLE[type].has(name);
}
