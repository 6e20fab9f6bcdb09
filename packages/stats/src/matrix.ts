/** A dense row-major matrix of doubles: `rows` vectors of `cols` values each, stored in one Float64Array. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Either a Matrix or an array of equal-length vectors (plain arrays or typed arrays). */
export type MatrixInput = Matrix | ReadonlyArray<ArrayLike<number>>;

function isMatrix(input: MatrixInput): input is Matrix {
  return !Array.isArray(input) && (input as Matrix).data instanceof Float64Array;
}

/**
 * Normalizes vectors to a row-major Matrix, checking that every row has the same length and only finite values.
 * @example toMatrix('mmdGaussian', 'reference', [[0, 1], [2, 3]]); // { rows: 2, cols: 2, data: Float64Array [0, 1, 2, 3] }
 */
export function toMatrix(fn: string, name: string, input: MatrixInput, minRows = 1): Matrix {
  let matrix: Matrix;
  if (isMatrix(input)) {
    if (input.data.length !== input.rows * input.cols) {
      throw new RangeError(`${fn}: ${name} has ${input.data.length} values, expected rows × cols = ${input.rows * input.cols}`);
    }
    matrix = input;
  } else {
    const vectors = input;
    const rows = vectors.length;
    const cols = rows > 0 ? vectors[0]!.length : 0;
    const data = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      const row = vectors[r]!;
      if (row.length !== cols) {
        throw new RangeError(`${fn}: ${name}[${r}] has ${row.length} values but ${name}[0] has ${cols}; all vectors must have one length`);
      }
      for (let c = 0; c < cols; c++) data[r * cols + c] = row[c]!;
    }
    matrix = { rows, cols, data };
  }
  if (matrix.rows < minRows) {
    throw new RangeError(`${fn}: ${name} needs at least ${minRows} vector${minRows === 1 ? '' : 's'}, got ${matrix.rows}`);
  }
  if (matrix.cols < 1) throw new RangeError(`${fn}: ${name} vectors must have at least one dimension`);
  const { data, cols } = matrix;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new RangeError(`${fn}: ${name}[${Math.floor(i / cols)}][${i % cols}] is ${String(data[i])}; only finite numbers are allowed`);
    }
  }
  return matrix;
}
