import { createRandom } from '../../packages/stats/src/random.js';
import { sortFloat64 } from '../../packages/stats/src/sort-float64.js';
import type { BenchItem } from '../bench-item.js';

const N = 1_000_000;

export const items: BenchItem[] = [
  {
    name: 'Sort 1e6 doubles (radix sort, used by KS, Wasserstein, ROC AUC)',
    targets: {},
    makeData() {
      const rng = createRandom(7);
      const values = new Float64Array(N);
      for (let i = 0; i < N; i++) values[i] = rng.nextFloat() * 2 - 1;
      return { values: { values, shape: [N] } };
    },
    ours: (data) => sortFloat64(data.values!.values),
    reference: { label: 'numpy.sort', modules: ['numpy'], run: 'np.sort(D["values"])' },
  },
];
