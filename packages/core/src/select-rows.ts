import type { ColumnValues, Dataset, DatasetColumn } from './dataset.js';

function selectValues(values: ColumnValues, rows: Int32Array): ColumnValues {
  switch (values.storage) {
    case 'numeric': {
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = values.values[rows[i]!]!;
      return { storage: 'numeric', values: out };
    }
    case 'categorical': {
      const out = new Int32Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = values.codes[rows[i]!]!;
      return { storage: 'categorical', codes: out, dictionary: values.dictionary };
    }
    case 'embedding': {
      const { cols, data } = values.vectors;
      const out = new Float64Array(rows.length * cols);
      const missing = new Uint8Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        out.set(data.subarray(r * cols, (r + 1) * cols), i * cols);
        missing[i] = values.missing[r]!;
      }
      return { storage: 'embedding', vectors: { rows: rows.length, cols, data: out }, missing };
    }
  }
}

function countMissing(values: ColumnValues): number {
  let missing = 0;
  if (values.storage === 'numeric') for (const v of values.values) missing += Number.isNaN(v) ? 1 : 0;
  else if (values.storage === 'categorical') for (const c of values.codes) missing += c < 0 ? 1 : 0;
  else for (const m of values.missing) missing += m;
  return missing;
}

/**
 * The dataset restricted to some of its sampled rows (a segment, a stratum). Counts are recomputed on those rows;
 * type mismatches and duplicates, known only over all rows, are not carried over (0).
 * @example selectRows(dataset, Int32Array.of(0, 2, 5), 'ref.csv [region=north]');
 */
export function selectRows(dataset: Dataset, rows: Int32Array, source = dataset.source): Dataset {
  const columns = new Map<string, DatasetColumn>();
  for (const [name, column] of dataset.columns) {
    const values = selectValues(column.values, rows);
    columns.set(name, { name, type: column.type, values, counts: { rows: rows.length, missing: countMissing(values), typeMismatches: 0 } });
  }
  return { source, totalRows: rows.length, sampledRows: rows.length, duplicateRows: 0, columns };
}
