import type { ColumnType, Dataset, DatasetColumn } from '@bothub/core';
import type { ColumnValues } from '@bothub/core';

export type ColumnSpec =
  | { readonly type: ColumnType; readonly values: readonly (number | string | boolean | null)[] }
  | { readonly type: 'embedding'; readonly values: readonly (readonly number[] | null)[] };

function isNumericType(type: ColumnType): boolean {
  return type === 'numerical' || type === 'boolean' || type === 'datetime';
}

function toNumber(value: unknown): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

function buildValues(name: string, spec: ColumnSpec): ColumnValues {
  if (spec.type === 'embedding') {
    const vectors = spec.values as readonly (readonly number[] | null)[];
    const dim = vectors.find((v) => v !== null)?.length ?? 1;
    const data = new Float64Array(vectors.length * dim);
    const missing = new Uint8Array(vectors.length);
    vectors.forEach((v, i) => {
      if (v === null) missing[i] = 1;
      else {
        if (v.length !== dim) throw new RangeError(`makeDataset: column ${name} row ${i} has ${v.length} dimensions, expected ${dim}`);
        data.set(v, i * dim);
      }
    });
    return { storage: 'embedding', vectors: { rows: vectors.length, cols: dim, data }, missing };
  }
  if (isNumericType(spec.type)) return { storage: 'numeric', values: Float64Array.from(spec.values, toNumber) };
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(spec.values, (v) => {
    if (v === null || v === '') return -1;
    const label = String(v);
    let code = index.get(label);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(label);
      index.set(label, code);
    }
    return code;
  });
  return { storage: 'categorical', codes, dictionary };
}

function countMissing(values: ColumnValues): { missing: number; min?: number; max?: number } {
  if (values.storage === 'numeric') {
    let missing = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of values.values) {
      if (Number.isNaN(v)) missing++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return min <= max ? { missing, min, max } : { missing };
  }
  if (values.storage === 'categorical') return { missing: values.codes.reduce((n, c) => n + (c < 0 ? 1 : 0), 0) };
  return { missing: values.missing.reduce((n, m) => n + m, 0) };
}

/**
 * Builds a Dataset from plain arrays, as a reader would, for tests: every column must have the same length;
 * null (or '') is missing. Counts cover all rows (no sampling); duplicate rows are counted exactly.
 * @example makeDataset('ref.csv', { age: { type: 'numerical', values: [31, 42, null] } });
 */
export function makeDataset(source: string, spec: Readonly<Record<string, ColumnSpec>>): Dataset {
  const entries = Object.entries(spec);
  const rows = entries[0]?.[1].values.length ?? 0;
  const columns = new Map<string, DatasetColumn>();
  for (const [name, column] of entries) {
    if (column.values.length !== rows) throw new RangeError(`makeDataset: column ${name} has ${column.values.length} values, expected ${rows}`);
    const values = buildValues(name, column);
    const { missing, min, max } = countMissing(values);
    columns.set(name, { name, type: column.type, values, counts: { rows, missing, typeMismatches: 0, ...(min === undefined ? {} : { min, max }) } });
  }
  const seen = new Set<string>();
  let duplicateRows = 0;
  for (let r = 0; r < rows; r++) {
    const key = JSON.stringify(entries.map(([, c]) => c.values[r] ?? null));
    if (seen.has(key)) duplicateRows++;
    else seen.add(key);
  }
  return { source, totalRows: rows, sampledRows: rows, duplicateRows, columns };
}
