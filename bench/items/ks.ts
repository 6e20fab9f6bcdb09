import { ksTest } from '../../packages/stats/src/ks-test.js';
import { createRandom, sampleStandardNormal } from '../../packages/stats/src/random.js';
import type { BenchItem } from '../bench-item.js';

const N = 1_000_000;

function normalSample(seed: number, n: number, shift: number): Float64Array {
  const rng = createRandom(seed);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = shift + sampleStandardNormal(rng);
  return values;
}

export const items: BenchItem[] = [
  {
    name: 'KS two-sample, 1e6 vs 1e6, with p-value',
    targets: { maxRatio: 0.8 },
    // A shift of 0.005 keeps n·D² (n = 5e5) in the range where the p-value needs the full Smirnov sum, the costly case.
    makeData: () => ({
      reference: { values: normalSample(101, N, 0), shape: [N] },
      current: { values: normalSample(102, N, 0.005), shape: [N] },
    }),
    ours: (data) => ksTest(data.reference!.values, data.current!.values),
    reference: {
      label: 'scipy.stats.ks_2samp',
      modules: ['numpy', 'scipy'],
      setup: 'import scipy.stats',
      run: 'scipy.stats.ks_2samp(D["reference"], D["current"])',
    },
  },
];
