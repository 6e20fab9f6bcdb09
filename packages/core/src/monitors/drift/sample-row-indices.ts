import type { RandomGenerator } from '@bothub/stats';

/**
 * A uniform sample without replacement of at most `size` of the candidate row indices, returned in ascending order
 * (so reads stay sequential). All candidates when there are no more than `size`. Partial Fisher–Yates on a copy.
 * @example
 * sampleRowIndices(Int32Array.of(0, 2, 5, 7), 2, createRandom(1)); // two of them, ascending
 */
export function sampleRowIndices(candidates: Int32Array, size: number, rng: RandomGenerator): Int32Array {
  if (candidates.length <= size) return candidates;
  const pool = Int32Array.from(candidates);
  for (let i = 0; i < size; i++) {
    const j = i + rng.nextInt(pool.length - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.subarray(0, size).sort();
}
