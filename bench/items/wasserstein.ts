import { createRandom, sampleStandardNormal } from '../../packages/stats/src/random.js';
import { wassersteinDistance } from '../../packages/stats/src/wasserstein-distance.js';
import type { BenchItem } from '../bench-item.js';

const N = 1_000_000;

function normalSample(seed: number, n: number, shift: number, scale: number): Float64Array {
  const rng = createRandom(seed);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = shift + scale * sampleStandardNormal(rng);
  return values;
}

export const items: BenchItem[] = [
  {
    name: 'Wasserstein-1, 1e6 vs 1e6',
    targets: { maxRatio: 0.5 },
    makeData: () => ({
      reference: { values: normalSample(201, N, 0, 1), shape: [N] },
      current: { values: normalSample(202, N, 0.1, 1.1), shape: [N] },
    }),
    ours: (data) => wassersteinDistance(data.reference!.values, data.current!.values),
    reference: {
      label: 'scipy.stats.wasserstein_distance',
      modules: ['numpy', 'scipy'],
      setup: 'import scipy.stats',
      run: 'scipy.stats.wasserstein_distance(D["reference"], D["current"])',
    },
  },
];
