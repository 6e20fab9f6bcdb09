import { describe, expect, it } from 'vitest';
import { normalMatrix } from '../test/normal-samples.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { averagePathLength } from './average-path-length.js';
import type { IsolationForest } from './isolation-forest.js';
import {
  fitIsolationForest,
  flagIsolationForestAnomalies,
  isolationForestFromJSON,
  isolationForestThreshold,
  isolationForestToJSON,
  scoreIsolationForest,
} from './isolation-forest.js';
import type { Matrix } from './matrix.js';
import { createRandom } from './random.js';

interface DetectionCase {
  train: number[][];
  test: number[][];
  testIsOutlier: number[];
  nEstimators: number;
  maxSamples: number;
  sklearnRocAucMean: number;
  sklearnRocAucMin: number;
}

const detection = loadReferenceSection<DetectionCase>('isolation_forest_detection');

/** ROC AUC as the Mann–Whitney U statistic over (outlier, inlier) pairs, ties counting one half (average ranks). */
function rocAuc(isPositive: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!]! === scores[order[i]!]!) j++;
    for (let k = i; k <= j; k++) ranks[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (isPositive[i] === 1) {
      positives++;
      rankSum += ranks[i]!;
    }
  }
  const negatives = n - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}


/** A plain per-row walk through the child links: the definition the optimized scorer must reproduce exactly. */
function naiveScores(model: IsolationForest, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) {
    let sum = 0;
    for (let t = 0; t < model.nEstimators; t++) {
      let node = model.treeOffsets[t]!;
      while (model.feature[node]! >= 0) {
        node = x.data[r * x.cols + model.feature[node]!]! <= model.threshold[node]! ? model.left[node]! : model.right[node]!;
      }
      sum += model.leafValue[node]!;
    }
    out[r] = Math.pow(2, -sum / (model.nEstimators * averagePathLength(model.maxSamples)));
  }
  return out;
}

/** Depth of every node, from the links. */
function nodeDepths(model: IsolationForest): Int32Array {
  const depth = new Int32Array(model.feature.length);
  for (let node = 0; node < depth.length; node++) {
    if (model.feature[node]! >= 0) {
      depth[model.left[node]!] = depth[node]! + 1;
      depth[model.right[node]!] = depth[node]! + 1;
    }
  }
  return depth;
}

describe('fitIsolationForest / scoreIsolationForest: scikit-learn reference detection', () => {
  const seeds = [1, 2, 3, 4, 5];
  const results = seeds.map((seed) => {
    const model = fitIsolationForest(detection.train, {
      nEstimators: detection.nEstimators,
      maxSamples: detection.maxSamples,
      rng: createRandom(seed),
    });
    const scores = scoreIsolationForest(model, detection.test);
    return { model, scores, auc: rocAuc(detection.testIsOutlier, scores) };
  });

  it('reaches scikit-learn’s ROC AUC (within 0.01 of its mean over seeds) for every seed', () => {
    for (const { auc } of results) expect(Math.abs(auc - detection.sklearnRocAucMean)).toBeLessThanOrEqual(0.01);
    const meanAuc = results.reduce((s, r) => s + r.auc, 0) / results.length;
    expect(Math.abs(meanAuc - detection.sklearnRocAucMean)).toBeLessThanOrEqual(0.01);
  });

  it('gives the same score distribution as scikit-learn (mean test score over seeds)', () => {
    // −score_samples of sklearn 1.2.1 IsolationForest(n_estimators=100, max_samples=256, random_state=s) on this test
    // set, averaged over s = 0…19: mean 0.45248 (std over seeds 0.0027), inliers 0.44600, outliers 0.66864. A wrong
    // depth limit, leaf correction c(size) or normalisation c(ψ) moves these by far more than 0.005.
    const mean = (pick: (i: number) => boolean): number => {
      let total = 0;
      let count = 0;
      for (const { scores } of results) {
        for (let i = 0; i < scores.length; i++) {
          if (pick(i)) {
            total += scores[i]!;
            count++;
          }
        }
      }
      return total / count;
    };
    expect(Math.abs(mean(() => true) - 0.4524801163115063)).toBeLessThan(0.005);
    expect(Math.abs(mean((i) => detection.testIsOutlier[i] === 0) - 0.44599518507689045)).toBeLessThan(0.005);
    expect(Math.abs(mean((i) => detection.testIsOutlier[i] === 1) - 0.6686444907986969)).toBeLessThan(0.005);
  });

  it('uses the default ψ = min(256, rows) and depth limit ⌈log₂ ψ⌉', () => {
    const model = fitIsolationForest(detection.train, { rng: createRandom(9) });
    expect(model.nEstimators).toBe(100);
    expect(model.maxSamples).toBe(256);
    expect(model.maxDepth).toBe(8);
    expect(model.nFeatures).toBe(6);
  });
});

describe('fitIsolationForest: tree structure', () => {
  const train = normalMatrix(11, 2000, 5);
  const model = fitIsolationForest(train, { nEstimators: 20, maxSamples: 200, rng: createRandom(3) });

  it('keeps leaves within the depth limit and stores depth + c(size) there', () => {
    const depth = nodeDepths(model);
    for (let node = 0; node < depth.length; node++) {
      expect(depth[node]).toBeLessThanOrEqual(model.maxDepth);
      if (model.feature[node]! < 0) {
        // The leaf value minus its depth must be c(m) for some leaf size m in 1…ψ.
        const correction = model.leafValue[node]! - depth[node]!;
        expect(correction).toBeGreaterThanOrEqual(0);
        expect(correction).toBeLessThanOrEqual(averagePathLength(model.maxSamples));
        expect(model.left[node]).toBe(-1);
        expect(model.right[node]).toBe(-1);
      }
    }
  });

  it('puts ψ training rows into the leaves of each tree (sizes recovered from c)', () => {
    const depth = nodeDepths(model);
    for (let t = 0; t < model.nEstimators; t++) {
      let rowsInLeaves = 0;
      for (let node = model.treeOffsets[t]!; node < model.treeOffsets[t + 1]!; node++) {
        if (model.feature[node]! >= 0) continue;
        const correction = model.leafValue[node]! - depth[node]!;
        let size = 1;
        // c is increasing, so the leaf size is the m whose c(m) equals the stored correction.
        while (Math.abs(averagePathLength(size) - correction) > 1e-9) size++;
        rowsInLeaves += size;
      }
      expect(rowsInLeaves).toBe(model.maxSamples);
    }
  });

  it('splits on thresholds inside the range of the training data', () => {
    for (let node = 0; node < model.feature.length; node++) {
      const f = model.feature[node]!;
      if (f < 0) continue;
      let min = Infinity;
      let max = -Infinity;
      for (let r = 0; r < train.rows; r++) {
        min = Math.min(min, train.data[r * 5 + f]!);
        max = Math.max(max, train.data[r * 5 + f]!);
      }
      expect(model.threshold[node]).toBeGreaterThanOrEqual(min);
      expect(model.threshold[node]).toBeLessThan(max);
    }
  });

  it('never splits on a constant feature (scikit-learn draws another feature)', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [7, Math.sin(i) * 10, 7]);
    const m = fitIsolationForest(rows, { nEstimators: 10, rng: createRandom(5) });
    for (let node = 0; node < m.feature.length; node++) {
      if (m.feature[node]! >= 0) expect(m.feature[node]).toBe(1);
    }
  });

  it('limits each tree to its feature subset with maxFeatures < 1', () => {
    const m = fitIsolationForest(normalMatrix(2, 500, 10), { nEstimators: 15, maxFeatures: 0.3, rng: createRandom(8) });
    for (let t = 0; t < m.nEstimators; t++) {
      const used = new Set<number>();
      for (let node = m.treeOffsets[t]!; node < m.treeOffsets[t + 1]!; node++) if (m.feature[node]! >= 0) used.add(m.feature[node]!);
      expect(used.size).toBeLessThanOrEqual(3);
    }
  });

  it('clips maxSamples above the row count, as scikit-learn does', () => {
    const m = fitIsolationForest(normalMatrix(4, 50, 2), { maxSamples: 1000, nEstimators: 3, rng: createRandom(1) });
    expect(m.maxSamples).toBe(50);
    expect(m.maxDepth).toBe(6);
  });
});

describe('scoreIsolationForest', () => {
  it('scores every point 0.5 when the training data is constant (each tree is one leaf of ψ rows: h = c(ψ))', () => {
    const rows = Array.from({ length: 40 }, () => [1, 2, 3]);
    const m = fitIsolationForest(rows, { nEstimators: 5, rng: createRandom(2) });
    expect(m.feature.length).toBe(5);
    const scores = scoreIsolationForest(m, [[1, 2, 3], [100, -100, 0]]);
    expect(Math.abs(scores[0]! - 0.5)).toBeLessThan(1e-15);
    expect(Math.abs(scores[1]! - 0.5)).toBeLessThan(1e-15);
  });

  it('scores 0.5 with two distinct rows (ψ = 2: one split, two leaves at depth 1, c(2) = 1)', () => {
    const m = fitIsolationForest([[0, 0], [1, 3]], { nEstimators: 7, rng: createRandom(3) });
    const scores = scoreIsolationForest(m, [[0, 0], [1, 3], [-5, 9]]);
    for (const s of scores) expect(s).toBe(0.5);
  });

  it('equals a plain walk through the child links, for shallow (complete-tree) and deep (linked) forests', () => {
    const train = normalMatrix(21, 6000, 4);
    const test = normalMatrix(22, 203, 4);
    for (const maxSamples of [256, 5000]) {
      const m = fitIsolationForest(train, { nEstimators: 12, maxSamples, rng: createRandom(maxSamples) });
      expect(Array.from(scoreIsolationForest(m, test))).toEqual(Array.from(naiveScores(m, test)));
    }
  });

  it('scores a row the same alone or in a batch (the 8-row interleaved walk and the tail agree)', () => {
    const train = normalMatrix(31, 1000, 3);
    const test = normalMatrix(32, 21, 3);
    const m = fitIsolationForest(train, { nEstimators: 10, rng: createRandom(4) });
    const batch = scoreIsolationForest(m, test);
    for (let r = 0; r < test.rows; r++) {
      const single = scoreIsolationForest(m, [test.data.subarray(r * 3, r * 3 + 3)]);
      expect(single[0]).toBe(batch[r]);
    }
  });

  it('keeps scores in (0, 1] and ranks a far outlier above the centre', () => {
    const train = normalMatrix(41, 3000, 3);
    const m = fitIsolationForest(train, { rng: createRandom(6) });
    const scores = scoreIsolationForest(m, [[0, 0, 0], [6, -6, 6]]);
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[1]).toBeGreaterThan(0.6);
    expect(scores[0]).toBeLessThan(0.5);
  });

  it('is deterministic for a seed and varies with the seed', () => {
    const train = normalMatrix(51, 1500, 4);
    const test = normalMatrix(52, 100, 4);
    const a = scoreIsolationForest(fitIsolationForest(train, { rng: createRandom(77) }), test);
    const b = scoreIsolationForest(fitIsolationForest(train, { rng: createRandom(77) }), test);
    const c = scoreIsolationForest(fitIsolationForest(train, { rng: createRandom(78) }), test);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('is unchanged when every feature is scaled by 2 (thresholds scale with the data)', () => {
    const train = normalMatrix(61, 800, 3);
    const test = normalMatrix(62, 50, 3);
    const scale = (x: Matrix): Matrix => ({ rows: x.rows, cols: x.cols, data: x.data.map((v) => 2 * v) });
    const a = scoreIsolationForest(fitIsolationForest(train, { rng: createRandom(5) }), test);
    const b = scoreIsolationForest(fitIsolationForest(scale(train), { rng: createRandom(5) }), scale(test));
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('accepts arrays of vectors and a Matrix alike', () => {
    const train = normalMatrix(71, 300, 2);
    const rows = Array.from({ length: train.rows }, (_, r) => Array.from(train.data.subarray(r * 2, r * 2 + 2)));
    const a = scoreIsolationForest(fitIsolationForest(train, { rng: createRandom(1) }), train);
    const b = scoreIsolationForest(fitIsolationForest(rows, { rng: createRandom(1) }), rows);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});

describe('isolationForestToJSON / isolationForestFromJSON', () => {
  const train = normalMatrix(81, 1000, 3);
  const test = normalMatrix(82, 64, 3);
  const model = fitIsolationForest(train, { nEstimators: 10, rng: createRandom(2) });

  it('round-trips through JSON text with identical scores', () => {
    const rebuilt = isolationForestFromJSON(JSON.parse(JSON.stringify(isolationForestToJSON(model))));
    expect(Array.from(scoreIsolationForest(rebuilt, test))).toEqual(Array.from(scoreIsolationForest(model, test)));
    expect(rebuilt.threshold).toBeInstanceOf(Float64Array);
    expect(rebuilt.feature).toBeInstanceOf(Int32Array);
  });

  it('rejects malformed models', () => {
    const json = isolationForestToJSON(model);
    const firstSplit = json.feature.findIndex((f) => f >= 0);
    const withArray = (name: string, change: (a: number[]) => void): unknown => {
      const copy = { ...json } as Record<string, unknown>;
      const arr = [...(json[name as keyof typeof json] as number[])];
      change(arr);
      copy[name] = arr;
      return copy;
    };
    expect(() => isolationForestFromJSON(null)).toThrow(/isolationForestFromJSON: expected an object/);
    expect(() => isolationForestFromJSON({ ...json, nEstimators: 0 })).toThrow(/nEstimators/);
    expect(() => isolationForestFromJSON({ ...json, maxDepth: 3 })).toThrow(/maxDepth/);
    expect(() => isolationForestFromJSON({ ...json, threshold: 'x' })).toThrow(/threshold must be an array/);
    // A child pointing back to its parent would make scoring loop forever.
    expect(() => isolationForestFromJSON(withArray('left', (a) => (a[firstSplit] = firstSplit)))).toThrow(/left\[/);
    expect(() => isolationForestFromJSON(withArray('feature', (a) => (a[firstSplit] = 3)))).toThrow(/nFeatures/);
    expect(() => isolationForestFromJSON(withArray('threshold', (a) => a.pop()))).toThrow(/threshold has/);
    expect(() => isolationForestFromJSON(withArray('leafValue', (a) => (a[0] = Number.NaN)))).toThrow(/leafValue\[0\]/);
    expect(() => isolationForestFromJSON(withArray('treeOffsets', (a) => a.pop()))).toThrow(/treeOffsets/);
  });

  it('rejects a tree deeper than maxDepth (the complete-tree scorer would write out of bounds)', () => {
    // A chain of splits, each sending the right side one level deeper: 5 levels with maxSamples 4 (maxDepth 2).
    const feature = [0, -1, 0, -1, 0, -1, -1];
    const left = [1, -1, 3, -1, 5, -1, -1];
    const right = [2, -1, 4, -1, 6, -1, -1];
    const json = {
      nFeatures: 1,
      nEstimators: 1,
      maxSamples: 4,
      maxDepth: 2,
      treeOffsets: [0, 7],
      feature,
      threshold: [0, 0, 1, 0, 2, 0, 0],
      left,
      right,
      leafValue: [0, 1, 0, 2, 0, 3, 3],
    };
    expect(() => isolationForestFromJSON(json)).toThrow(/deeper than maxDepth/);
  });
});

describe('isolationForestThreshold / flagIsolationForestAnomalies', () => {
  it('matches numpy.percentile (linear) on hand-checkable cases', () => {
    // numpy 1.24: percentile([.4,.45,.5,.7], 50) = 0.475; percentile(1..10, 95) = 9.549999999999999;
    // percentile([3,1,2], 100/3) = 1.6666666666666667; percentile([.1,…,.7], 95) = 0.6699999999999999.
    expect(isolationForestThreshold([0.4, 0.45, 0.5, 0.7], 50)).toBe(0.475);
    expect(isolationForestThreshold([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(9.549999999999999);
    expect(isolationForestThreshold([3, 1, 2], 100 / 3)).toBe(1.6666666666666667);
    expect(isolationForestThreshold([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], 95)).toBe(0.6699999999999999);
  });

  it('returns the minimum at 0, the maximum at 100, and grows with the percentile', () => {
    const scores = normalMatrix(91, 501, 1).data;
    let min = Infinity;
    let max = -Infinity;
    for (const v of scores) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(isolationForestThreshold(scores, 0)).toBe(min);
    expect(isolationForestThreshold(scores, 100)).toBe(max);
    let previous = -Infinity;
    for (let p = 0; p <= 100; p += 2.5) {
      const value = isolationForestThreshold(scores, p);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('flags about 5 % of the reference rows at the 95th percentile', () => {
    const m = fitIsolationForest(detection.train, { rng: createRandom(12) });
    const referenceScores = scoreIsolationForest(m, detection.train);
    const threshold = isolationForestThreshold(referenceScores, 95);
    const flags = flagIsolationForestAnomalies(referenceScores, threshold);
    expect(flags.threshold).toBe(threshold);
    expect(flags.anomalyCount).toBe(200);
    expect(flags.anomalyRate).toBe(200 / 4000);
    let ones = 0;
    for (let i = 0; i < referenceScores.length; i++) {
      expect(flags.isAnomaly[i]).toBe(referenceScores[i]! > threshold ? 1 : 0);
      ones += flags.isAnomaly[i]!;
    }
    expect(ones).toBe(200);
  });

  it('flags strictly above the threshold and reports NaN rate for no rows', () => {
    const flags = flagIsolationForestAnomalies([0.5, 0.6, 0.7], 0.6);
    expect(Array.from(flags.isAnomaly)).toEqual([0, 0, 1]);
    expect(flags.anomalyCount).toBe(1);
    expect(flagIsolationForestAnomalies([], 0.5).anomalyRate).toBeNaN();
  });

  it('rejects bad input', () => {
    expect(() => isolationForestThreshold([], 95)).toThrow(/isolationForestThreshold: referenceScores must not be empty/);
    expect(() => isolationForestThreshold([0.1, Number.NaN], 95)).toThrow(/referenceScores\[1\]/);
    expect(() => isolationForestThreshold([0.1], 101)).toThrow(/percentile/);
    expect(() => isolationForestThreshold([0.1], -1)).toThrow(/percentile/);
    expect(() => flagIsolationForestAnomalies([0.1, Number.POSITIVE_INFINITY], 0.5)).toThrow(/scores\[1\]/);
    expect(() => flagIsolationForestAnomalies([0.1], Number.NaN)).toThrow(/threshold/);
  });
});

describe('bad input', () => {
  const rng = createRandom(1);
  const train = normalMatrix(101, 100, 3);

  it('fitIsolationForest rejects empty, ragged, non-finite and too-small data', () => {
    expect(() => fitIsolationForest([], { rng })).toThrow(/fitIsolationForest: data needs at least 2 vectors/);
    expect(() => fitIsolationForest([[1, 2]], { rng })).toThrow(/at least 2 vectors/);
    expect(() => fitIsolationForest([[1, 2], [3]], { rng })).toThrow(/data\[1\] has 1 values/);
    expect(() => fitIsolationForest([[1, 2], [3, Number.NaN]], { rng })).toThrow(/data\[1\]\[1\] is NaN/);
    expect(() => fitIsolationForest([[1, 2], [3, Number.NEGATIVE_INFINITY]], { rng })).toThrow(RangeError);
    expect(() => fitIsolationForest([[], []], { rng })).toThrow(/at least one dimension/);
  });

  it('fitIsolationForest rejects bad options', () => {
    expect(() => fitIsolationForest(train, { rng, nEstimators: 0 })).toThrow(/nEstimators must be an integer ≥ 1/);
    expect(() => fitIsolationForest(train, { rng, nEstimators: 2.5 })).toThrow(/nEstimators/);
    expect(() => fitIsolationForest(train, { rng, maxSamples: 1 })).toThrow(/maxSamples must be an integer ≥ 2/);
    expect(() => fitIsolationForest(train, { rng, maxSamples: 10.5 })).toThrow(/maxSamples/);
    expect(() => fitIsolationForest(train, { rng, maxFeatures: 0 })).toThrow(/maxFeatures/);
    expect(() => fitIsolationForest(train, { rng, maxFeatures: 1.5 })).toThrow(/maxFeatures/);
    expect(() => fitIsolationForest(train, { rng, maxFeatures: Number.NaN })).toThrow(/maxFeatures/);
  });

  it('scoreIsolationForest rejects data of another dimension, empty, ragged or non-finite data', () => {
    const m = fitIsolationForest(train, { nEstimators: 3, rng });
    expect(() => scoreIsolationForest(m, [[1, 2]])).toThrow(/scoreIsolationForest: data has 2 columns but the model was fitted on 3/);
    expect(() => scoreIsolationForest(m, [])).toThrow(/data needs at least 1 vector/);
    expect(() => scoreIsolationForest(m, [[1, 2, 3], [1, 2]])).toThrow(/data\[1\] has 2 values/);
    expect(() => scoreIsolationForest(m, [[1, 2, Number.NaN]])).toThrow(/data\[0\]\[2\] is NaN/);
    expect(() => scoreIsolationForest(m, { rows: 2, cols: 3, data: new Float64Array(5) })).toThrow(/expected rows × cols/);
  });
});
