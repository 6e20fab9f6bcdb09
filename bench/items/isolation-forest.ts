import type { BenchData, BenchItem } from '../bench-item.js';
import type { IsolationForest } from '../../packages/stats/src/isolation-forest.js';
import { fitIsolationForest, scoreIsolationForest } from '../../packages/stats/src/isolation-forest.js';
import { createRandom, sampleStandardNormal } from '../../packages/stats/src/random.js';

const TRAIN_ROWS = 100_000;
const TEST_ROWS = 1_000_000;
const COLS = 20;

let sharedData: BenchData | undefined;
let cachedModel: { train: Float64Array; model: IsolationForest } | undefined;

/** Standard normal training rows and test rows with 1 % shifted outliers; built once and shared by both items. */
function makeData(): BenchData {
  if (sharedData) return sharedData;
  const rng = createRandom(20261122);
  const train = new Float64Array(TRAIN_ROWS * COLS);
  for (let i = 0; i < train.length; i++) train[i] = sampleStandardNormal(rng);
  const test = new Float64Array(TEST_ROWS * COLS);
  for (let r = 0; r < TEST_ROWS; r++) {
    const shift = r % 100 === 0 ? 4 : 0;
    for (let c = 0; c < COLS; c++) test[r * COLS + c] = sampleStandardNormal(rng) + shift;
  }
  sharedData = { train: { values: train, shape: [TRAIN_ROWS, COLS] }, test: { values: test, shape: [TEST_ROWS, COLS] } };
  return sharedData;
}

function asMatrix(data: BenchData, key: string): { rows: number; cols: number; data: Float64Array } {
  const array = data[key]!;
  return { rows: array.shape[0]!, cols: array.shape[1]!, data: array.values };
}

export const items: BenchItem[] = [
  {
    name: 'Isolation Forest fit 1e5×20 + score 1e6×20 (100 trees × 256)',
    targets: { maxRatio: 0.3 },
    repeats: 3,
    makeData,
    ours(data) {
      const model = fitIsolationForest(asMatrix(data, 'train'), { nEstimators: 100, maxSamples: 256, rng: createRandom(0) });
      return scoreIsolationForest(model, asMatrix(data, 'test'));
    },
    reference: {
      label: 'sklearn.ensemble.IsolationForest(n_estimators=100, max_samples=256).fit(train).score_samples(test)',
      modules: ['numpy', 'sklearn'],
      setup: 'from sklearn.ensemble import IsolationForest',
      run: 'IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(D["train"]).score_samples(D["test"])',
    },
  },
  {
    name: 'Isolation Forest scoring only, 1e6×20',
    targets: { maxMedianMs: 5000 },
    repeats: 3,
    makeData,
    ours(data) {
      // The interface times the whole call, so the model is fitted on the first call only and reused.
      const train = data.train!.values;
      if (cachedModel?.train !== train) {
        cachedModel = { train, model: fitIsolationForest(asMatrix(data, 'train'), { nEstimators: 100, maxSamples: 256, rng: createRandom(0) }) };
      }
      return scoreIsolationForest(cachedModel.model, asMatrix(data, 'test'));
    },
  },
];
