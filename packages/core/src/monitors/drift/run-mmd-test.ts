import { medianHeuristicBandwidth, mmdPermutationTest } from '@bothub/stats';
import type { Matrix, MmdPermutationTestResult, RandomGenerator } from '@bothub/stats';

function totalVariance(a: Matrix, b: Matrix): number {
  const d = a.cols;
  const n = a.rows + b.rows;
  let sum = 0;
  for (let j = 0; j < d; j++) {
    let s = 0;
    let s2 = 0;
    for (const m of [a, b]) {
      for (let i = 0; i < m.rows; i++) {
        const v = m.data[i * d + j]!;
        s += v;
        s2 += v * v;
      }
    }
    const mean = s / n;
    sum += Math.max(0, s2 / n - mean * mean);
  }
  return sum;
}

/**
 * The MMD permutation test with the median-heuristic bandwidth, falling back when that median is 0 (more than half
 * the pooled pairs identical, e.g. a mostly constant embedding): then σ² = total variance, the value that matches
 * the mean pairwise squared distance (E‖x − y‖² = 2·Σ var), or 1 when every vector is the same.
 * @example
 * runMmdTest(referenceMatrix, currentMatrix, { rng: createRandom(42), permutations: 200 });
 */
export function runMmdTest(reference: Matrix, current: Matrix, options: { rng: RandomGenerator; permutations: number }): MmdPermutationTestResult {
  let sigma: number;
  try {
    sigma = medianHeuristicBandwidth(reference, current, { rng: options.rng }).sigma;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const variance = totalVariance(reference, current);
    sigma = variance > 0 ? Math.sqrt(variance) : 1;
  }
  return mmdPermutationTest(reference, current, { sigma, permutations: options.permutations, rng: options.rng });
}
