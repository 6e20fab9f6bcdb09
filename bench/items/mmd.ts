import type { BenchData, BenchItem } from '../bench-item.js';
import type { Matrix } from '../../packages/stats/src/matrix.js';
import { mmdLinearTime } from '../../packages/stats/src/mmd-linear-time.js';
import { mmdPermutationTest } from '../../packages/stats/src/mmd-permutation-test.js';
import { createRandom, sampleStandardNormal } from '../../packages/stats/src/random.js';

function normalMatrix(seed: number, rows: number, cols: number, shift: number): Float64Array {
  const rng = createRandom(seed);
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = sampleStandardNormal(rng) + shift;
  return values;
}

function asMatrix(data: BenchData, key: string): Matrix {
  const a = data[key]!;
  return { rows: a.shape[0]!, cols: a.shape[1]!, data: a.values };
}

// Uniform on [−√3, √3] + shift: unit variance per coordinate, and 4× faster to generate than normals at 128 M values.
function uniformMatrix(seed: number, rows: number, cols: number, shift: number): Float64Array {
  const rng = createRandom(seed);
  const values = new Float64Array(rows * cols);
  const width = 2 * Math.sqrt(3);
  for (let i = 0; i < values.length; i++) values[i] = (rng.nextFloat() - 0.5) * width + shift;
  return values;
}

const PERM_N = 2000;
const PERM_D = 64;
// About the median-heuristic bandwidth for N(0, I₆₄) data: median ‖x − y‖² ≈ 2·64, σ = √(128 / 2) = 8.
const PERM_SIGMA = 8;

const LINEAR_N = 1_000_000;
const LINEAR_D = 64;

export const items: BenchItem[] = [
  {
    name: 'MMD² permutation test, n=2,000 per side, d=64, 200 permutations',
    targets: { maxRatio: 1.0 },
    repeats: 3,
    makeData: () => ({
      reference: { values: normalMatrix(101, PERM_N, PERM_D, 0), shape: [PERM_N, PERM_D] },
      current: { values: normalMatrix(102, PERM_N, PERM_D, 0.05), shape: [PERM_N, PERM_D] },
      sigma: { values: Float64Array.of(PERM_SIGMA), shape: [1] },
    }),
    ours: (data) =>
      mmdPermutationTest(asMatrix(data, 'reference'), asMatrix(data, 'current'), {
        sigma: data.sigma!.values[0]!,
        permutations: 200,
        rng: createRandom(7),
      }),
    reference: {
      label: 'numpy, precomputed kernel matrix + 200 permutations (K[np.ix_] block sums)',
      modules: ['numpy'],
      run: [
        'X = D["reference"]; Y = D["current"]; sigma = float(D["sigma"][0])',
        'Z = np.concatenate([X, Y]); sq = np.einsum("ij,ij->i", Z, Z)',
        'K = np.exp(-np.maximum(sq[:, None] + sq[None, :] - 2.0 * (Z @ Z.T), 0.0) / (2.0 * sigma * sigma))',
        'm = X.shape[0]; n = Y.shape[0]; N = m + n',
        'def mmd2u(a, b):',
        '    kxx = K[np.ix_(a, a)]; kyy = K[np.ix_(b, b)]; kxy = K[np.ix_(a, b)]',
        '    return (kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1)) - 2.0 * kxy.mean()',
        'idx = np.arange(N); observed = mmd2u(idx[:m], idx[m:])',
        'gen = np.random.default_rng(7); count = 0',
        'for _ in range(200):',
        '    p = gen.permutation(N)',
        '    count += mmd2u(p[:m], p[m:]) >= observed',
        'p_value = (1 + count) / 201',
      ].join('\n'),
    },
  },
  {
    name: 'Linear-time MMD², 1e6 × 64 per side',
    targets: { maxMedianMs: 2000 },
    repeats: 3,
    makeData: () => ({
      reference: { values: uniformMatrix(201, LINEAR_N, LINEAR_D, 0), shape: [LINEAR_N, LINEAR_D] },
      current: { values: uniformMatrix(202, LINEAR_N, LINEAR_D, 0.01), shape: [LINEAR_N, LINEAR_D] },
    }),
    ours: (data) => mmdLinearTime(asMatrix(data, 'reference'), asMatrix(data, 'current'), { sigma: 8 }),
  },
];
