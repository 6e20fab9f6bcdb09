import type { Matrix, RandomGenerator } from '@bothub/stats';
import type { EmbeddingColumnValues } from '../../dataset.js';
import { sampleRowIndices } from './sample-row-indices.js';

function presentRows(values: EmbeddingColumnValues): Int32Array {
  const { missing, vectors } = values;
  let present = 0;
  for (let i = 0; i < vectors.rows; i++) if (missing[i] !== 1) present++;
  const rows = new Int32Array(present);
  let j = 0;
  for (let i = 0; i < vectors.rows; i++) if (missing[i] !== 1) rows[j++] = i;
  return rows;
}

function gatherRows(matrix: Matrix, rows: Int32Array): Matrix {
  if (rows.length === matrix.rows) return matrix;
  const d = matrix.cols;
  const data = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) data.set(matrix.data.subarray(rows[i]! * d, rows[i]! * d + d), i * d);
  return { rows: rows.length, cols: d, data };
}

/**
 * The non-missing vectors of an embedding column, or a seeded uniform sample of `size` of them (without
 * replacement, in row order). Returns the column's own matrix when nothing is missing and no sampling is needed.
 * @example
 * sampleEmbeddingRows(column.values, 1000, createRandom(42)); // Matrix of ≤ 1000 rows
 */
export function sampleEmbeddingRows(values: EmbeddingColumnValues, size: number, rng: RandomGenerator): Matrix {
  return gatherRows(values.vectors, sampleRowIndices(presentRows(values), size, rng));
}

/**
 * Every non-missing vector of an embedding column (no copy when none is missing).
 * @example
 * presentEmbeddingRows(column.values).rows; // non-missing rows
 */
export function presentEmbeddingRows(values: EmbeddingColumnValues): Matrix {
  return gatherRows(values.vectors, presentRows(values));
}
