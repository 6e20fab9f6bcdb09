import { describe, expect, it } from 'vitest';
import { normalMatrix } from '../test/normal-samples.js';
import type { Matrix } from './matrix.js';
import { mmdGaussian } from './mmd-gaussian.js';
import { mmdPermutationTest } from './mmd-permutation-test.js';
import { createRandom } from './random.js';

function rowsOf(m: Matrix, indices: ArrayLike<number>): Matrix {
  const data = new Float64Array(indices.length * m.cols);
  for (let i = 0; i < indices.length; i++) data.set(m.data.subarray(indices[i]! * m.cols, (indices[i]! + 1) * m.cols), i * m.cols);
  return { rows: indices.length, cols: m.cols, data };
}

/**
 * The permutation test written the slow, obvious way: the same relabellings (the documented partial Fisher–Yates
 * draw of the smaller group's members from the running order), each scored by mmdGaussian on the two groups.
 */
function naivePValue(x: Matrix, y: Matrix, sigma: number, permutations: number, seed: number): { mmd2: number; pValue: number } {
  const pooled: Matrix = { rows: x.rows + y.rows, cols: x.cols, data: Float64Array.from([...x.data, ...y.data]) };
  const total = pooled.rows;
  const n1 = Math.min(x.rows, y.rows);
  const observed = mmdGaussian(x, y, { sigma }).mmd2Unbiased;
  const rng = createRandom(seed);
  const order = Array.from({ length: total }, (_v, i) => i);
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    for (let k = 0; k < n1; k++) {
      const j = k + rng.nextInt(total - k);
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    const inGroup = new Set(order.slice(0, n1));
    const group = [...inGroup].sort((a, b) => a - b);
    const rest = order.filter((i) => !inGroup.has(i)).sort((a, b) => a - b);
    const stat = mmdGaussian(rowsOf(pooled, rest), rowsOf(pooled, group), { sigma }).mmd2Unbiased;
    if (stat >= observed - Math.abs(observed) * 1e-10) atLeast++;
  }
  return { mmd2: observed, pValue: (1 + atLeast) / (1 + permutations) };
}

describe('mmdPermutationTest', () => {
  it('reports the unbiased MMD² of mmdGaussian', () => {
    const x = normalMatrix(1, 40, 5);
    const y = normalMatrix(2, 30, 5, 0.3);
    const r = mmdPermutationTest(x, y, { sigma: 1.7, permutations: 10, rng: createRandom(1) });
    const exact = mmdGaussian(x, y, { sigma: 1.7 }).mmd2Unbiased;
    expect(Math.abs(r.mmd2 - exact)).toBeLessThanOrEqual(1e-9 * Math.abs(exact));
    expect(r.sigma).toBe(1.7);
    expect(r.permutations).toBe(10);
  });

  it.each([
    ['reference larger', 23, 17, 0.2],
    ['current larger', 15, 26, 0.4],
    ['equal sizes, no shift', 20, 20, 0],
  ] as const)('agrees with the naive permutation test (%s)', (_name, m, n, shift) => {
    const x = normalMatrix(10 + m, m, 3);
    const y = normalMatrix(20 + n, n, 3, shift);
    const fast = mmdPermutationTest(x, y, { sigma: 1.2, permutations: 99, rng: createRandom(9) });
    const slow = naivePValue(x, y, 1.2, 99, 9);
    expect(Math.abs(fast.mmd2 - slow.mmd2)).toBeLessThanOrEqual(1e-9 * Math.abs(slow.mmd2));
    expect(fast.pValue).toBe(slow.pValue);
  });

  it('agrees with the naive test across several kernel tiles and permutation batches (320 vectors, 300 permutations)', () => {
    // 320 pooled vectors span three 128-wide tiles; 300 relabellings (plus the observed one) need two batches of 256.
    const x = normalMatrix(31, 170, 2);
    const y = normalMatrix(32, 150, 2, 0.15);
    const fast = mmdPermutationTest(x, y, { sigma: 0.9, permutations: 300, rng: createRandom(5) });
    const slow = naivePValue(x, y, 0.9, 300, 5);
    expect(Math.abs(fast.mmd2 - slow.mmd2)).toBeLessThanOrEqual(1e-9 * Math.abs(slow.mmd2));
    expect(fast.pValue).toBe(slow.pValue);
    expect(fast.pValue).toBeGreaterThan(1 / 301);
    expect(fast.pValue).toBeLessThan(1);
  });

  it('gives the smallest possible p-value for clearly different samples', () => {
    const x = normalMatrix(3, 60, 4);
    const y = normalMatrix(4, 60, 4, 1.5);
    const r = mmdPermutationTest(x, y, { permutations: 200, rng: createRandom(2) });
    expect(r.pValue).toBe(1 / 201);
  });

  it('is calibrated under the null: about 10% of p-values ≤ 0.1 over 200 seeds', () => {
    let rejections = 0;
    for (let s = 0; s < 200; s++) {
      const x = normalMatrix(1000 + s, 12, 2);
      const y = normalMatrix(5000 + s, 15, 2);
      const { pValue } = mmdPermutationTest(x, y, { sigma: 1, permutations: 49, rng: createRandom(s) });
      expect(pValue).toBeGreaterThan(0);
      expect(pValue).toBeLessThanOrEqual(1);
      // p takes values k / 50.
      expect(Math.abs(pValue * 50 - Math.round(pValue * 50))).toBeLessThan(1e-9);
      if (pValue <= 0.1) rejections++;
    }
    // Binomial(200, 0.1): mean 20, sd 4.2; the interval is ±3.6 sd.
    expect(rejections).toBeGreaterThanOrEqual(5);
    expect(rejections).toBeLessThanOrEqual(35);
  });

  it('is reproducible for a seed and symmetric in its statistic', () => {
    const x = normalMatrix(5, 25, 3);
    const y = normalMatrix(6, 18, 3, 0.2);
    const a = mmdPermutationTest(x, y, { permutations: 50, rng: createRandom(4) });
    const b = mmdPermutationTest(x, y, { permutations: 50, rng: createRandom(4) });
    expect(b).toEqual(a);
    const swapped = mmdPermutationTest(y, x, { permutations: 50, rng: createRandom(4) });
    expect(Math.abs(swapped.mmd2 - a.mmd2)).toBeLessThanOrEqual(1e-12);
    expect(swapped.sigma).toBe(a.sigma);
  });

  it('defaults to 200 permutations and the median-heuristic sigma', () => {
    const x = normalMatrix(7, 10, 2);
    const y = normalMatrix(8, 10, 2);
    const r = mmdPermutationTest(x, y, { rng: createRandom(1) });
    expect(r.permutations).toBe(200);
    expect(r.sigma).toBe(mmdGaussian(x, y).sigma);
  });

  it('throws RangeError on bad input', () => {
    const x = normalMatrix(9, 5, 2);
    const rng = createRandom(1);
    expect(() => mmdPermutationTest([], x, { rng })).toThrow(/reference needs at least 2/);
    expect(() => mmdPermutationTest(x, [[1, 2]], { rng })).toThrow(/current needs at least 2/);
    expect(() => mmdPermutationTest(x, [[1, 2, 3], [4, 5, 6]], { rng })).toThrow(/dimensions/);
    expect(() => mmdPermutationTest(x, [[1, 2], [Number.NaN, 1]], { rng })).toThrow(/NaN/);
    expect(() => mmdPermutationTest(x, x, { sigma: 0, rng })).toThrow(/sigma/);
    expect(() => mmdPermutationTest(x, x, { sigma: -2, rng })).toThrow(/sigma/);
    expect(() => mmdPermutationTest(x, x, { permutations: 0, rng })).toThrow(/permutations/);
    expect(() => mmdPermutationTest(x, x, { permutations: 1.5, rng })).toThrow(/permutations/);
    const big: Matrix = { rows: 16384, cols: 1, data: new Float64Array(16384) };
    const two: Matrix = { rows: 2, cols: 1, data: Float64Array.of(0, 1) };
    expect(() => mmdPermutationTest(big, two, { rng })).toThrow(/at most 16384 .*or use mmdLinearTime/);
  });
});
