import type { DatasetColumn } from '../../dataset.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import { remember } from '../../reference-memo.js';
import type { ColumnQuality, ColumnQualitySide } from '../../report/report-schema.js';
import { countDistinctValues } from './count-distinct-values.js';

/** A column is near-constant when its most frequent non-missing value covers at least this share of them. */
export const NEAR_CONSTANT_SHARE = 0.95;

/** How many unseen categories a column's quality lists (the most frequent first). */
export const MAX_UNSEEN_CATEGORIES = 20;

/** What one side's scan leaves behind for the comparison with the other side. */
interface SideScan {
  readonly side: ColumnQualitySide;
  /** Distinct finite values (numeric storage), for the unseen values of a boolean column. */
  readonly distinctValues?: Float64Array;
  /** Occurrences per dictionary code (categorical storage). */
  readonly codeCounts?: Float64Array;
}

/**
 * Data-quality facts of one column on both sides, and how the current data departs from the reference.
 *
 * - `rows`, `missing`, `typeMismatches` come from the readers' exact counts over every row read; `missingShare` is
 *   missing / rows (0 for no rows). A rise in missing values is therefore seen even when the sample is small and
 *   the non-missing values have not moved.
 * - `distinct`, `constant` (at most one distinct non-missing value, so an all-missing column is constant too),
 *   `nearConstant` (the most frequent value covers ≥ {@link NEAR_CONSTANT_SHARE} of the non-missing values; false
 *   when there is none), `mean` and `std` (sample standard deviation, n − 1) use the sampled rows. Embedding
 *   columns have `distinct: null` and are never (near-)constant.
 * - `min` / `max` (numeric storage only) are the exact extremes over all rows when the reader counted them, else
 *   those of the sample; null when the column has no value.
 * - `outOfRangeShare` (numerical columns): share of the current sampled non-missing values below the reference
 *   minimum or above its maximum; null for other types (a datetime column always moves past the reference range)
 *   or when either side has no value.
 * - `unseenCategoryShare` / `unseenCategories` (categorical and boolean columns): share of the current sampled
 *   non-missing values whose label never occurs in the reference sample, and the up to
 *   {@link MAX_UNSEEN_CATEGORIES} most frequent such labels (ties by label). Booleans are labelled "true"/"false".
 *   Null and [] for other types.
 *
 * With a `memo`, the reference column's scan is remembered (keyed by the column object).
 * @throws RangeError when the two columns differ in name, type or storage.
 * @example
 * const quality = evaluateColumnQuality(reference.columns.get('age')!, current.columns.get('age')!);
 * quality.missingShareChange; // e.g. 0.25: a quarter more of the current rows lack an age
 */
export function evaluateColumnQuality(reference: DatasetColumn, current: DatasetColumn, memo?: ReferenceMemo): ColumnQuality {
  const fn = 'evaluateColumnQuality';
  if (reference.type !== current.type) {
    throw new RangeError(`${fn}: column "${reference.name}" is ${reference.type} in the reference but ${current.type} in the current data`);
  }
  if (reference.values.storage !== current.values.storage) {
    throw new RangeError(
      `${fn}: column "${reference.name}" is stored as ${reference.values.storage} in the reference but ${current.values.storage} in the current data`,
    );
  }
  const ref = remember(memo, [reference], 'column-quality-scan', () => scanSide(reference));
  const cur = scanSide(current);
  let outOfRangeShare: number | null = null;
  let unseenCategoryShare: number | null = null;
  let unseenCategories: string[] = [];
  if (reference.type === 'numerical' && current.values.storage === 'numeric') {
    outOfRangeShare = shareOutOfRange(current.values.values, ref.side.min ?? null, ref.side.max ?? null);
  } else if (reference.type === 'boolean' && current.values.storage === 'numeric') {
    ({ share: unseenCategoryShare, labels: unseenCategories } = unseenNumericLabels(ref.distinctValues!, current.values.values));
  } else if (reference.type === 'categorical' && reference.values.storage === 'categorical' && current.values.storage === 'categorical') {
    ({ share: unseenCategoryShare, labels: unseenCategories } = unseenCodeLabels(
      reference.values.dictionary,
      ref.codeCounts!,
      current.values.dictionary,
      cur.codeCounts!,
    ));
  }
  return {
    reference: ref.side,
    current: cur.side,
    outOfRangeShare,
    unseenCategoryShare,
    unseenCategories,
    missingShareChange: cur.side.missingShare - ref.side.missingShare,
  };
}

function scanSide(column: DatasetColumn): SideScan {
  const { counts, values } = column;
  const base = {
    rows: counts.rows,
    missing: counts.missing,
    missingShare: counts.rows > 0 ? counts.missing / counts.rows : 0,
    typeMismatches: counts.typeMismatches,
  };
  if (values.storage === 'embedding') {
    return { side: { ...base, distinct: null, constant: false, nearConstant: false } };
  }
  if (values.storage === 'categorical') {
    const { codes, dictionary } = values;
    const codeCounts = new Float64Array(dictionary.length);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code >= 0) codeCounts[code]!++;
    }
    let distinct = 0;
    let present = 0;
    let top = 0;
    for (let c = 0; c < codeCounts.length; c++) {
      const n = codeCounts[c]!;
      if (n > 0) {
        distinct++;
        present += n;
        if (n > top) top = n;
      }
    }
    return { side: { ...base, distinct, constant: distinct <= 1, nearConstant: present > 0 && top / present >= NEAR_CONSTANT_SHARE }, codeCounts };
  }
  const raw = values.values;
  const { present: n, distinct, topCount, values: distinctValues } = countDistinctValues(raw);
  let mean: number | null = null;
  let std: number | null = null;
  let sampleMin = Number.POSITIVE_INFINITY;
  let sampleMax = Number.NEGATIVE_INFINITY;
  if (n > 0) {
    let sum = 0;
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i]!;
      if (!Number.isFinite(v)) continue;
      sum += v;
      if (v < sampleMin) sampleMin = v;
      if (v > sampleMax) sampleMax = v;
    }
    let m = sum / n;
    // One correction pass: values sharing a large offset would otherwise lose digits of the mean.
    let residual = 0;
    let squares = 0;
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i]!;
      if (!Number.isFinite(v)) continue;
      const d = v - m;
      residual += d;
      squares += d * d;
    }
    // Σ(x − m')² = Σ(x − m)² − n·(m' − m)² with m' = m + residual/n: the corrected mean at no extra pass.
    const shift = residual / n;
    m += shift;
    mean = finiteOrNull(m);
    if (n > 1) std = finiteOrNull(Math.sqrt(Math.max(0, squares - n * shift * shift) / (n - 1)));
  }
  const min = counts.min ?? (n > 0 ? sampleMin : null);
  const max = counts.max ?? (n > 0 ? sampleMax : null);
  return {
    side: { ...base, distinct, constant: distinct <= 1, nearConstant: n > 0 && topCount / n >= NEAR_CONSTANT_SHARE, min, max, mean, std },
    distinctValues,
  };
}

function shareOutOfRange(values: Float64Array, min: number | null, max: number | null): number | null {
  if (min === null || max === null) return null;
  let present = 0;
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    present++;
    if (v < min || v > max) outside++;
  }
  return present > 0 ? outside / present : null;
}

interface Unseen {
  share: number | null;
  labels: string[];
}

function unseenCodeLabels(refDictionary: readonly string[], refCounts: Float64Array, curDictionary: readonly string[], curCounts: Float64Array): Unseen {
  const seen = new Set<string>();
  for (let c = 0; c < refCounts.length; c++) if (refCounts[c]! > 0) seen.add(refDictionary[c]!);
  const unseen: { label: string; count: number }[] = [];
  let present = 0;
  let unseenTotal = 0;
  for (let c = 0; c < curCounts.length; c++) {
    const n = curCounts[c]!;
    if (n === 0) continue;
    present += n;
    const label = curDictionary[c]!;
    if (!seen.has(label)) {
      unseenTotal += n;
      unseen.push({ label, count: n });
    }
  }
  return { share: present > 0 ? unseenTotal / present : null, labels: topLabels(unseen) };
}

function unseenNumericLabels(refValues: Float64Array, current: Float64Array): Unseen {
  const seen = new Set<number>(refValues);
  const unseenCounts = new Map<number, number>();
  let present = 0;
  let unseenTotal = 0;
  for (let i = 0; i < current.length; i++) {
    const v = current[i]!;
    if (!Number.isFinite(v)) continue;
    present++;
    if (!seen.has(v)) {
      unseenTotal++;
      unseenCounts.set(v, (unseenCounts.get(v) ?? 0) + 1);
    }
  }
  const unseen = [...unseenCounts].map(([v, count]) => ({ label: booleanLabel(v), count }));
  return { share: present > 0 ? unseenTotal / present : null, labels: topLabels(unseen) };
}

function topLabels(entries: { label: string; count: number }[]): string[] {
  entries.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return entries.slice(0, MAX_UNSEEN_CATEGORIES).map((e) => e.label);
}

function booleanLabel(v: number): string {
  return v === 1 ? 'true' : v === 0 ? 'false' : String(v);
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
