import type { ColumnType } from '../../column-type.js';
import type { ColumnValues } from '../../dataset.js';

/** Counts per category of two samples, aligned by label (index i is the same label on both sides). */
export interface CategoryTable {
  readonly labels: readonly string[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
  /** Non-missing values per side (the sums of the counts). */
  readonly referenceTotal: number;
  readonly currentTotal: number;
}

const BOOLEAN_LABELS = ['false', 'true'] as const;

function countCodes(column: string, side: string, codes: Int32Array, dictionarySize: number): Int32Array {
  const counts = new Int32Array(dictionarySize);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0) continue;
    if (code >= dictionarySize) throw new RangeError(`column ${column}: ${side} code ${code} at row ${i} is outside its dictionary of ${dictionarySize} labels`);
    counts[code]!++;
  }
  return counts;
}

function countBooleans(column: string, side: string, values: Float64Array): Float64Array {
  const counts = new Float64Array(2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) counts[0]!++;
    else if (v === 1) counts[1]!++;
    else if (!Number.isNaN(v)) throw new RangeError(`column ${column}: ${side} boolean value ${v} at row ${i} is neither 0 nor 1`);
  }
  return counts;
}

/**
 * Category counts of a categorical or boolean column on both sides. Reference and current have separate
 * dictionaries, so categories are matched by label; labels absent from both samples are left out. Order: reference
 * labels in dictionary order, then labels only the current sample has. Booleans give the labels "false" and "true".
 * Missing values (code −1, NaN) are not counted. O(rows + dictionary size), no per-row allocation.
 * @throws RangeError naming the column when the storage does not fit the type, a code lies outside its
 *   dictionary, or a boolean is neither 0 nor 1.
 * @example
 * countCategories('colour', 'categorical',
 *   { storage: 'categorical', codes: Int32Array.of(0, 1, 1), dictionary: ['red', 'blue'] },
 *   { storage: 'categorical', codes: Int32Array.of(0, -1), dictionary: ['blue'] });
 * // { labels: ['red', 'blue'], reference: [1, 2], current: [0, 1], referenceTotal: 3, currentTotal: 1 }
 */
export function countCategories(column: string, type: ColumnType, reference: ColumnValues, current: ColumnValues): CategoryTable {
  if (type === 'boolean') {
    if (reference.storage !== 'numeric' || current.storage !== 'numeric') {
      throw new RangeError(`column ${column}: a boolean column must hold numeric values (0/1)`);
    }
    const r = countBooleans(column, 'reference', reference.values);
    const c = countBooleans(column, 'current', current.values);
    return { labels: BOOLEAN_LABELS, reference: r, current: c, referenceTotal: r[0]! + r[1]!, currentTotal: c[0]! + c[1]! };
  }
  if (reference.storage !== 'categorical' || current.storage !== 'categorical') {
    throw new RangeError(`column ${column}: a ${type} column must hold categorical codes`);
  }
  const referenceCounts = countCodes(column, 'reference', reference.codes, reference.dictionary.length);
  const currentCounts = countCodes(column, 'current', current.codes, current.dictionary.length);
  const labels: string[] = [];
  const slot = new Map<string, number>();
  const refValues: number[] = [];
  const curValues: number[] = [];
  let referenceTotal = 0;
  for (let code = 0; code < referenceCounts.length; code++) {
    const count = referenceCounts[code]!;
    if (count === 0) continue;
    const label = reference.dictionary[code]!;
    const at = slot.get(label);
    // A dictionary should not repeat a label; if one does, its counts are merged rather than split.
    if (at === undefined) {
      slot.set(label, labels.length);
      labels.push(label);
      refValues.push(count);
      curValues.push(0);
    } else refValues[at] = refValues[at]! + count;
    referenceTotal += count;
  }
  let currentTotal = 0;
  for (let code = 0; code < currentCounts.length; code++) {
    const count = currentCounts[code]!;
    if (count === 0) continue;
    const label = current.dictionary[code]!;
    const at = slot.get(label);
    if (at === undefined) {
      slot.set(label, labels.length);
      labels.push(label);
      refValues.push(0);
      curValues.push(count);
    } else curValues[at] = curValues[at]! + count;
    currentTotal += count;
  }
  return { labels, reference: Float64Array.from(refValues), current: Float64Array.from(curValues), referenceTotal, currentTotal };
}
