import type { Matrix } from '../src/matrix.js';
import { createRandom, sampleStandardNormal } from '../src/random.js';

/** `n` draws of N(shift, scale²) from the seeded generator, in order. */
export function normalSample(seed: number, n: number, shift = 0, scale = 1): Float64Array {
  const rng = createRandom(seed);
  return Float64Array.from({ length: n }, () => shift + scale * sampleStandardNormal(rng));
}

/** `rows` vectors of `cols` N(shift, 1) draws from the seeded generator, row by row. */
export function normalRows(seed: number, rows: number, cols: number, shift = 0): number[][] {
  const rng = createRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => shift + sampleStandardNormal(rng)));
}

/** The same draws as `normalRows`, as a row-major Matrix. */
export function normalMatrix(seed: number, rows: number, cols: number, shift = 0): Matrix {
  const rng = createRandom(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => shift + sampleStandardNormal(rng)) };
}
