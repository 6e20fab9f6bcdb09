import type { CategoryTable } from './count-categories.js';

export interface CollapseCategoriesOptions {
  /** Most categories kept by name. */
  readonly maxCategories: number;
  /** Smallest expected count in the smaller sample for a category to be kept by name (0 keeps all up to the cap). */
  readonly minExpected: number;
  /** Label of the pooled rest. Default "(other)". */
  readonly otherLabel?: string;
}

/** A CategoryTable whose rarer categories are pooled; `pooled` says how many categories went into the last one. */
export interface CollapsedCategoryTable extends CategoryTable {
  readonly pooled: number;
}

/**
 * Keeps the most frequent categories (by pooled count over both samples, so a category new in the current sample
 * competes on equal terms) and pools the rest under "(other)". A category is kept only while its expected count in
 * the smaller sample, min(n_ref, n_cur) · pooled / (n_ref + n_cur), reaches `minExpected`: Cochran's rule, which
 * keeps chi²'s p-value valid. Ties keep the table's order. O(k log k).
 * @example
 * collapseCategories(table, { maxCategories: 20, minExpected: 5 });
 */
export function collapseCategories(table: CategoryTable, options: CollapseCategoriesOptions): CollapsedCategoryTable {
  const k = table.labels.length;
  const pooled = new Float64Array(k);
  for (let i = 0; i < k; i++) pooled[i] = table.reference[i]! + table.current[i]!;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => pooled[b]! - pooled[a]! || a - b);
  const total = table.referenceTotal + table.currentTotal;
  const smaller = Math.min(table.referenceTotal, table.currentTotal);
  let kept = 0;
  while (kept < k && kept < options.maxCategories && (total === 0 || (smaller * pooled[order[kept]!]!) / total >= options.minExpected)) kept++;
  if (kept === k) return { ...table, pooled: 0 };
  const labels: string[] = [];
  const reference = new Float64Array(kept + 1);
  const current = new Float64Array(kept + 1);
  for (let j = 0; j < kept; j++) {
    const i = order[j]!;
    labels.push(table.labels[i]!);
    reference[j] = table.reference[i]!;
    current[j] = table.current[i]!;
  }
  for (let j = kept; j < k; j++) {
    const i = order[j]!;
    reference[kept]! += table.reference[i]!;
    current[kept]! += table.current[i]!;
  }
  labels.push(options.otherLabel ?? '(other)');
  return { labels, reference, current, referenceTotal: table.referenceTotal, currentTotal: table.currentTotal, pooled: k - kept };
}
