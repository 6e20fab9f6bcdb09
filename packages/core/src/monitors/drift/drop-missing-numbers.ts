/**
 * The finite values of a numeric column, in row order: NaN (missing) and ±Infinity are dropped, since no drift
 * statistic is defined on them. Returns the input itself when nothing is dropped (no copy).
 * @example
 * dropMissingNumbers(new Float64Array([1, Number.NaN, 3])); // Float64Array [1, 3]
 */
export function dropMissingNumbers(values: Float64Array): Float64Array {
  let finite = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite++;
  if (finite === values.length) return values;
  const out = new Float64Array(finite);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[j++] = v;
  }
  return out;
}
