/**
 * Sample standard deviation (ddof = 1, as `numpy.std(x, ddof=1)`), two-pass for accuracy; NaN for fewer than 2 values.
 * @example
 * standardDeviation(new Float64Array([1, 2, 3, 4])); // ≈ 1.2910
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}
