/** Rows a correlation matrix reads at most: r's standard error is then below 1/√100,000 ≈ 0.003. */
export const CORRELATION_MAX_ROWS = 100_000;

/**
 * Pearson correlation matrix of numeric columns over pairwise complete rows: entry (a, b) uses the rows where both
 * columns hold a finite value (NaN marks a missing one). An entry is null when fewer than 2 such rows remain or either
 * column is constant on them (r is then undefined, as scipy's NaN); the diagonal is 1, or null for a constant column.
 * Columns longer than `maxRows` are read at `maxRows` evenly spaced rows (deterministic). Cost O(p² · rows).
 *
 * @param columns numeric columns of one length (aligned by row).
 * @throws RangeError when the columns differ in length.
 * @example
 * pearsonCorrelationMatrix([new Float64Array([1, 2, 3]), new Float64Array([2, 4, 7])]);
 * // [[1, 0.9934…], [0.9934…, 1]]
 */
export function pearsonCorrelationMatrix(columns: readonly Float64Array[], maxRows: number = CORRELATION_MAX_ROWS): (number | null)[][] {
  const p = columns.length;
  const length = p > 0 ? columns[0]!.length : 0;
  for (let j = 0; j < p; j++) {
    if (columns[j]!.length !== length) {
      throw new RangeError(`pearsonCorrelationMatrix: columns[${j}] has ${columns[j]!.length} values but columns[0] has ${length}`);
    }
  }
  const rows = Math.min(length, Math.max(1, Math.floor(maxRows)));
  const picked = columns.map((column) => pickRows(column, rows));
  const matrix: (number | null)[][] = [];
  for (let a = 0; a < p; a++) matrix.push(new Array<number | null>(p).fill(null));
  for (let a = 0; a < p; a++) {
    const x = picked[a]!;
    matrix[a]![a] = varies(x) ? 1 : null;
    for (let b = a + 1; b < p; b++) {
      const r = pairwiseCorrelation(x, picked[b]!);
      matrix[a]![b] = r;
      matrix[b]![a] = r;
    }
  }
  return matrix;
}

/** The column's values at `rows` evenly spaced rows, non-finite values turned into NaN, shifted by their mean. */
function pickRows(column: Float64Array, rows: number): Float64Array {
  const n = column.length;
  const out = new Float64Array(rows);
  let sum = 0;
  let count = 0;
  for (let k = 0; k < rows; k++) {
    const v = column[rows === n ? k : Math.floor((k * n) / rows)]!;
    if (Number.isFinite(v)) {
      out[k] = v;
      sum += v;
      count++;
    } else {
      out[k] = Number.NaN;
    }
  }
  // Centring first keeps the one-pass sums below free of the cancellation a large common offset would cause.
  const mean = count > 0 ? sum / count : 0;
  for (let k = 0; k < rows; k++) out[k] = out[k]! - mean;
  return out;
}

function varies(x: Float64Array): boolean {
  let first = Number.NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return true;
  }
  return false;
}

function pairwiseCorrelation(x: Float64Array, y: Float64Array): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let firstX = Number.NaN;
  let firstY = Number.NaN;
  let variesX = false;
  let variesY = false;
  for (let i = 0; i < x.length; i++) {
    const u = x[i]!;
    const v = y[i]!;
    if (Number.isNaN(u) || Number.isNaN(v)) continue;
    if (n === 0) {
      firstX = u;
      firstY = v;
    } else {
      if (u !== firstX) variesX = true;
      if (v !== firstY) variesY = true;
    }
    n++;
    sx += u;
    sy += v;
    sxx += u * u;
    syy += v * v;
    sxy += u * v;
  }
  if (n < 2 || !variesX || !variesY) return null;
  const cxx = sxx - (sx * sx) / n;
  const cyy = syy - (sy * sy) / n;
  const cxy = sxy - (sx * sy) / n;
  const denominator = Math.sqrt(cxx * cyy);
  if (!(denominator > 0)) return null;
  return Math.max(-1, Math.min(1, cxy / denominator));
}
