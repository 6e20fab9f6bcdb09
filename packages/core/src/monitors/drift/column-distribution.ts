import { quantile } from '@bothub/stats';
import type { DatasetColumn } from '../../dataset.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import type { Distribution } from '../../report/report-schema.js';
import { collapseCategories } from './collapse-categories.js';
import { countCategories } from './count-categories.js';
import { DRIFT_DEFAULTS } from './drift-defaults.js';
import { dropMissingNumbers } from './drop-missing-numbers.js';
import { sortedFiniteNumbers } from './sorted-finite-numbers.js';

const RANGE_SAMPLE = 50_000;

function shares(counts: ArrayLike<number>, total: number): number[] {
  return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}

function histogramDistribution(reference: Float64Array, current: Float64Array): Distribution {
  const [qLow, qHigh] = DRIFT_DEFAULTS.histogramRange;
  let low = Infinity;
  let high = -Infinity;
  for (const values of [reference, current]) {
    if (values.length === 0) continue;
    // The chart's range need not be exact: quantiles of evenly spaced values keep it O(n) without a full sort.
    const step = Math.ceil(values.length / RANGE_SAMPLE);
    const spaced = step === 1 ? values : Float64Array.from({ length: Math.ceil(values.length / step) }, (_, i) => values[i * step]!);
    const [a, b] = quantile(spaced, [qLow, qHigh]) as unknown as [number, number];
    low = Math.min(low, a);
    high = Math.max(high, b);
  }
  if (low === high) {
    // As numpy.histogram_bin_edges for a constant sample.
    low -= 0.5;
    high += 0.5;
  }
  const bins = DRIFT_DEFAULTS.histogramBins;
  const width = (high - low) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width));
  const count = (values: Float64Array): number[] => {
    const counts = new Float64Array(bins);
    for (let i = 0; i < values.length; i++) {
      // Values beyond the 0.5–99.5 % range are counted in the outer bins so the shares still sum to 1.
      const bin = Math.floor((values[i]! - low) / width);
      counts[bin < 0 ? 0 : bin >= bins ? bins - 1 : bin]!++;
    }
    return shares(counts, values.length);
  };
  return { kind: 'histogram', edges, reference: count(reference), current: count(current) };
}

/**
 * What the report charts of a column, reference against current, as shares of non-missing values:
 * - numerical, datetime: 20 equal-width bins spanning the union of both samples' 0.5–99.5 % quantile ranges (from at
 *   most 50,000 evenly spaced values per side), the outer bins also holding the tails beyond (so an outlier does not
 *   squash the chart; shares sum to 1);
 * - categorical, boolean: the 20 most frequent categories over both samples, the rest summed under "(other)";
 * - text, id, embedding: `{ kind: 'none' }`, as when both samples are empty.
 * With a `memo`, the reference's values are read from its remembered sorted copy.
 * @throws RangeError naming the column when the two sides differ in type or the storage does not fit it.
 * @example
 * columnDistribution(ref.columns.get('plan')!, cur.columns.get('plan')!);
 * // { kind: 'categories', categories: ['basic', 'pro'], reference: [0.7, 0.3], current: [0.6, 0.4] }
 */
export function columnDistribution(reference: DatasetColumn, current: DatasetColumn, memo?: ReferenceMemo): Distribution {
  const column = reference.name;
  if (reference.type !== current.type) {
    throw new RangeError(`column ${column}: type differs between reference (${reference.type}) and current (${current.type})`);
  }
  switch (reference.type) {
    case 'numerical':
    case 'datetime': {
      if (reference.values.storage !== 'numeric' || current.values.storage !== 'numeric') {
        throw new RangeError(`column ${column}: a ${reference.type} column must hold numeric values`);
      }
      const r = memo === undefined ? dropMissingNumbers(reference.values.values) : sortedFiniteNumbers(reference.values.values, memo);
      const c = dropMissingNumbers(current.values.values);
      if (r.length === 0 && c.length === 0) return { kind: 'none' };
      return histogramDistribution(r, c);
    }
    case 'categorical':
    case 'boolean': {
      const table = countCategories(column, reference.type, reference.values, current.values);
      if (table.referenceTotal === 0 && table.currentTotal === 0) return { kind: 'none' };
      const top = collapseCategories(table, { maxCategories: DRIFT_DEFAULTS.chartCategories, minExpected: 0 });
      return {
        kind: 'categories',
        categories: [...top.labels],
        reference: shares(top.reference, top.referenceTotal),
        current: shares(top.current, top.currentTotal),
      };
    }
    case 'text':
    case 'id':
    case 'embedding':
      return { kind: 'none' };
  }
}
