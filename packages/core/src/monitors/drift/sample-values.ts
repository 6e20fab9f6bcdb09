import type { RandomGenerator } from '@bothub/stats';

/**
 * A uniform random sample without replacement of `size` values, in their original order (Knuth's selection
 * sampling, Algorithm S: one pass, each value kept with probability needed / remaining). Returns the input itself
 * when it holds no more than `size` values.
 * @example
 * sampleValues(new Float64Array([1, 2, 3, 4, 5]), 2, createRandom(1)); // two of them, in order
 */
export function sampleValues(values: Float64Array, size: number, rng: RandomGenerator): Float64Array {
  const n = values.length;
  if (n <= size) return values;
  const out = new Float64Array(size);
  let kept = 0;
  for (let i = 0; i < n && kept < size; i++) {
    if ((n - i) * rng.nextFloat() < size - kept) out[kept++] = values[i]!;
  }
  return out;
}
