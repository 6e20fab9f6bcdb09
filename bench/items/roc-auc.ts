import { createRandom } from '../../packages/stats/src/random.js';
import { rocAuc } from '../../packages/stats/src/roc-auc.js';
import type { BenchItem } from '../bench-item.js';

const N = 1_000_000;

export const items: BenchItem[] = [
  {
    name: 'ROC AUC, 1e6 scores',
    targets: { maxRatio: 0.5 },
    makeData() {
      const rng = createRandom(20261122);
      const labels = new Float64Array(N);
      const scores = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        const positive = rng.nextFloat() < 0.3;
        labels[i] = positive ? 1 : 0;
        // Overlapping class distributions, rounded to 1e-4 so that many scores tie (as real model outputs do).
        const raw = (positive ? 0.35 : 0) + 0.65 * rng.nextFloat();
        scores[i] = Math.round(raw * 1e4) / 1e4;
      }
      return { labels: { values: labels, shape: [N] }, scores: { values: scores, shape: [N] } };
    },
    ours: (data) => rocAuc(data.labels!.values, data.scores!.values),
    reference: {
      label: 'sklearn.metrics.roc_auc_score',
      modules: ['numpy', 'sklearn'],
      setup: 'import sklearn.metrics',
      run: 'sklearn.metrics.roc_auc_score(D["labels"], D["scores"])',
    },
  },
];
