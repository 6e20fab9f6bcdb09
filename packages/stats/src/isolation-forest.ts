import { averagePathLength } from './average-path-length.js';
import type { Matrix, MatrixInput } from './matrix.js';
import { toMatrix } from './matrix.js';
import type { RandomGenerator } from './random.js';
import { requireFiniteSample, requireInRange, requireInteger } from './validate-input.js';
import { quantile } from './quantile.js';

/**
 * A fitted Isolation Forest as plain data: every tree is stored in flat typed arrays, indexed by a global node id.
 * Tree `t` owns the nodes `treeOffsets[t] … treeOffsets[t + 1] − 1`, its root first. Convert it to JSON with
 * {@link isolationForestToJSON} and back with {@link isolationForestFromJSON}.
 */
export interface IsolationForest {
  /** Number of features (columns) the forest was fitted on; scoring data must have the same. */
  readonly nFeatures: number;
  /** Number of trees. */
  readonly nEstimators: number;
  /** ψ, the subsample size each tree was grown on (after clipping to the number of rows). */
  readonly maxSamples: number;
  /** The depth limit ⌈log₂ ψ⌉. */
  readonly maxDepth: number;
  /** Start of each tree's nodes, length nEstimators + 1. */
  readonly treeOffsets: Int32Array;
  /** Split feature of each node; −1 marks a leaf. */
  readonly feature: Int32Array;
  /** Split threshold: a row goes left when x[feature] ≤ threshold (0 at leaves). */
  readonly threshold: Float64Array;
  /** Global id of the left child (−1 at leaves). */
  readonly left: Int32Array;
  /** Global id of the right child (−1 at leaves). */
  readonly right: Int32Array;
  /** At leaves, the path length depth + c(leaf size); 0 at split nodes. */
  readonly leafValue: Float64Array;
}

/** Options of {@link fitIsolationForest}. */
export interface IsolationForestOptions {
  /** Number of trees; default 100. */
  readonly nEstimators?: number;
  /** ψ, rows drawn without replacement per tree; default min(256, rows) (scikit-learn's 'auto'); larger values are clipped to rows. */
  readonly maxSamples?: number;
  /** Fraction in (0, 1] of the features each tree may split on (drawn without replacement per tree); default 1. */
  readonly maxFeatures?: number;
  /** The seeded generator: the same seed gives the same forest. */
  readonly rng: RandomGenerator;
}

/** The model as JSON-ready plain arrays (see {@link isolationForestToJSON}). */
export interface IsolationForestJSON {
  readonly nFeatures: number;
  readonly nEstimators: number;
  readonly maxSamples: number;
  readonly maxDepth: number;
  readonly treeOffsets: readonly number[];
  readonly feature: readonly number[];
  readonly threshold: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly leafValue: readonly number[];
}

/** The result of {@link flagIsolationForestAnomalies}. */
export interface IsolationForestFlags {
  /** 1 where score > threshold, else 0. */
  readonly isAnomaly: Uint8Array;
  /** How many rows are flagged. */
  readonly anomalyCount: number;
  /** anomalyCount / rows (NaN for no rows). */
  readonly anomalyRate: number;
  /** The threshold used. */
  readonly threshold: number;
}

// scikit-learn's splitter treats a feature whose range in a node is at most this as constant (_splitter.pyx).
const FEATURE_THRESHOLD = 1e-7;

/**
 * Fits an Isolation Forest (Liu, Ting & Zhou, 2008) with scikit-learn's semantics
 * (`sklearn.ensemble.IsolationForest`, i.e. ExtraTree with max_features = 1 and a random splitter): each tree grows on
 * ψ rows drawn without replacement; every node picks a feature uniformly among those not constant in the node and a
 * threshold uniformly in [min, max) of that feature there; a node becomes a leaf at depth ⌈log₂ ψ⌉, with one row, or
 * when every feature is constant in it. Cost O(nEstimators · ψ log ψ) plus one pass over the data for validation.
 *
 * @throws RangeError for empty data, fewer than 2 rows, rows of unequal length, non-finite values, nEstimators < 1,
 * maxSamples < 2 or not an integer, maxFeatures outside (0, 1].
 * @example
 * const model = fitIsolationForest(train, { rng: createRandom(1) });
 * const scores = scoreIsolationForest(model, current); // higher = more anomalous
 */
export function fitIsolationForest(data: MatrixInput, options: IsolationForestOptions): IsolationForest {
  const fn = 'fitIsolationForest';
  const matrix = toMatrix(fn, 'data', data, 2);
  const { rows, cols } = matrix;
  const nEstimators = options.nEstimators ?? 100;
  requireInteger(fn, 'nEstimators', nEstimators, 1);
  const requestedSamples = options.maxSamples ?? Math.min(256, rows);
  requireInteger(fn, 'maxSamples', requestedSamples, 2);
  // scikit-learn clips an integer max_samples above the row count (with a warning); the model records the value used.
  const psi = Math.min(requestedSamples, rows);
  const maxFeatures = options.maxFeatures ?? 1;
  requireInRange(fn, 'maxFeatures', maxFeatures, 0, 1, true);
  if (maxFeatures === 0) throw new RangeError(`${fn}: maxFeatures must be in (0, 1], got 0`);
  const treeFeatureCount = Math.max(1, Math.floor(maxFeatures * cols));
  const rng = options.rng;
  const maxDepth = Math.ceil(Math.log2(psi));

  const rowPermutation = new Int32Array(rows);
  for (let i = 0; i < rows; i++) rowPermutation[i] = i;
  const featurePermutation = new Int32Array(cols);
  for (let i = 0; i < cols; i++) featurePermutation[i] = i;

  const builder = new TreeBuilder(psi, treeFeatureCount, maxDepth);
  const trees: TreeArrays[] = [];
  let totalNodes = 0;
  for (let t = 0; t < nEstimators; t++) {
    partialShuffle(rowPermutation, psi, rng);
    if (treeFeatureCount < cols) partialShuffle(featurePermutation, treeFeatureCount, rng);
    builder.load(matrix, rowPermutation, featurePermutation);
    const tree = builder.grow(rng);
    trees.push(tree);
    totalNodes += tree.feature.length;
  }

  const treeOffsets = new Int32Array(nEstimators + 1);
  const feature = new Int32Array(totalNodes);
  const threshold = new Float64Array(totalNodes);
  const left = new Int32Array(totalNodes);
  const right = new Int32Array(totalNodes);
  const leafValue = new Float64Array(totalNodes);
  let offset = 0;
  for (let t = 0; t < nEstimators; t++) {
    const tree = trees[t]!;
    treeOffsets[t] = offset;
    feature.set(tree.feature, offset);
    threshold.set(tree.threshold, offset);
    leafValue.set(tree.leafValue, offset);
    for (let i = 0; i < tree.feature.length; i++) {
      const isLeaf = tree.feature[i]! < 0;
      left[offset + i] = isLeaf ? -1 : tree.left[i]! + offset;
      right[offset + i] = isLeaf ? -1 : tree.right[i]! + offset;
    }
    offset += tree.feature.length;
  }
  treeOffsets[nEstimators] = offset;
  return { nFeatures: cols, nEstimators, maxSamples: psi, maxDepth, treeOffsets, feature, threshold, left, right, leafValue };
}

interface TreeArrays {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  leafValue: Float64Array;
}

/** Draws the first `count` entries of a uniform random permutation in place (partial Fisher–Yates). */
function partialShuffle(values: Int32Array, count: number, rng: RandomGenerator): void {
  const n = values.length;
  for (let i = 0; i < count; i++) {
    const j = i + rng.nextInt(n - i);
    const tmp = values[i]!;
    values[i] = values[j]!;
    values[j] = tmp;
  }
}

/** Scratch space reused for every tree: the subsample column-major, so per-node min/max scans read contiguous memory. */
class TreeBuilder {
  private readonly columns: Float64Array;
  private readonly featureIds: Int32Array;
  private readonly order: Int32Array;
  private readonly candidates: Int32Array;
  private readonly stackStart: Int32Array;
  private readonly stackEnd: Int32Array;
  private readonly stackDepth: Int32Array;
  private readonly stackNode: Int32Array;
  private readonly nodeFeature: Int32Array;
  private readonly nodeThreshold: Float64Array;
  private readonly nodeLeft: Int32Array;
  private readonly nodeRight: Int32Array;
  private readonly nodeLeafValue: Float64Array;

  constructor(
    private readonly psi: number,
    private readonly featureCount: number,
    private readonly maxDepth: number,
  ) {
    this.columns = new Float64Array(psi * featureCount);
    this.featureIds = new Int32Array(featureCount);
    this.order = new Int32Array(psi);
    this.candidates = new Int32Array(featureCount);
    const maxNodes = 2 * psi - 1;
    this.stackStart = new Int32Array(maxDepth + 2);
    this.stackEnd = new Int32Array(maxDepth + 2);
    this.stackDepth = new Int32Array(maxDepth + 2);
    this.stackNode = new Int32Array(maxDepth + 2);
    this.nodeFeature = new Int32Array(maxNodes);
    this.nodeThreshold = new Float64Array(maxNodes);
    this.nodeLeft = new Int32Array(maxNodes);
    this.nodeRight = new Int32Array(maxNodes);
    this.nodeLeafValue = new Float64Array(maxNodes);
  }

  load(matrix: Matrix, rowPermutation: Int32Array, featurePermutation: Int32Array): void {
    const { psi, featureCount, columns, featureIds } = this;
    const { data, cols } = matrix;
    if (featureCount === cols) {
      for (let f = 0; f < cols; f++) featureIds[f] = f;
    } else {
      // Sorted so the forest does not depend on the permutation's order beyond the chosen set.
      const chosen = featurePermutation.slice(0, featureCount).sort();
      featureIds.set(chosen);
    }
    for (let i = 0; i < psi; i++) {
      const base = rowPermutation[i]! * cols;
      for (let f = 0; f < featureCount; f++) columns[f * psi + i] = data[base + featureIds[f]!]!;
    }
    for (let i = 0; i < psi; i++) this.order[i] = i;
  }

  grow(rng: RandomGenerator): TreeArrays {
    const { psi, featureCount, maxDepth, columns, order, candidates, featureIds } = this;
    const { stackStart, stackEnd, stackDepth, stackNode } = this;
    const { nodeFeature, nodeThreshold, nodeLeft, nodeRight, nodeLeafValue } = this;
    let nodeCount = 1;
    stackStart[0] = 0;
    stackEnd[0] = psi;
    stackDepth[0] = 0;
    stackNode[0] = 0;
    let top = 1;
    while (top > 0) {
      top--;
      const start = stackStart[top]!;
      const end = stackEnd[top]!;
      const depth = stackDepth[top]!;
      const node = stackNode[top]!;
      const size = end - start;
      let splitFeature = -1;
      let low = 0;
      let high = 0;
      if (depth < maxDepth && size > 1) {
        // Draw features uniformly until one is not constant in the node: the first non-constant feature of a random
        // permutation, i.e. uniform over the non-constant ones (scikit-learn's RandomSplitter with max_features = 1).
        for (let f = 0; f < featureCount; f++) candidates[f] = f;
        let remaining = featureCount;
        while (remaining > 0) {
          const r = rng.nextInt(remaining);
          const f = candidates[r]!;
          const colBase = f * psi;
          let min = columns[colBase + order[start]!]!;
          let max = min;
          for (let i = start + 1; i < end; i++) {
            const v = columns[colBase + order[i]!]!;
            if (v < min) min = v;
            else if (v > max) max = v;
          }
          if (max > min + FEATURE_THRESHOLD) {
            splitFeature = f;
            low = min;
            high = max;
            break;
          }
          remaining--;
          candidates[r] = candidates[remaining]!;
          candidates[remaining] = f;
        }
      }
      if (splitFeature < 0) {
        nodeFeature[node] = -1;
        nodeThreshold[node] = 0;
        nodeLeft[node] = -1;
        nodeRight[node] = -1;
        nodeLeafValue[node] = depth + averagePathLength(size);
        continue;
      }
      let cut = low + (high - low) * rng.nextFloat();
      // As scikit-learn: a draw that rounds up to the maximum would leave the right side empty.
      if (cut === high) cut = low;
      const colBase = splitFeature * psi;
      let i = start;
      let j = end - 1;
      while (i <= j) {
        if (columns[colBase + order[i]!]! <= cut) {
          i++;
        } else {
          const tmp = order[i]!;
          order[i] = order[j]!;
          order[j] = tmp;
          j--;
        }
      }
      const leftNode = nodeCount;
      const rightNode = nodeCount + 1;
      nodeCount += 2;
      nodeFeature[node] = featureIds[splitFeature]!;
      nodeThreshold[node] = cut;
      nodeLeft[node] = leftNode;
      nodeRight[node] = rightNode;
      nodeLeafValue[node] = 0;
      // Right pushed first so the left subtree is built first (depth-first, like scikit-learn's builder).
      stackStart[top] = i;
      stackEnd[top] = end;
      stackDepth[top] = depth + 1;
      stackNode[top] = rightNode;
      top++;
      stackStart[top] = start;
      stackEnd[top] = i;
      stackDepth[top] = depth + 1;
      stackNode[top] = leftNode;
      top++;
    }
    return {
      feature: nodeFeature.slice(0, nodeCount),
      threshold: nodeThreshold.slice(0, nodeCount),
      left: nodeLeft.slice(0, nodeCount),
      right: nodeRight.slice(0, nodeCount),
      leafValue: nodeLeafValue.slice(0, nodeCount),
    };
  }
}

// Rows scored together against every tree: 256 rows × 20 features × 8 bytes stays in L1/L2 while the trees cycle.
const ROW_BLOCK = 256;
// Up to this depth trees are expanded into complete binary trees for branch-light, fixed-length traversal.
const MAX_COMPLETE_DEPTH = 12;

/**
 * Anomaly scores of an Isolation Forest: score(x) = 2^(−E(h(x)) / c(ψ)), where h(x) is the depth of the leaf x falls
 * into plus c(leaf size), averaged over the trees, and c is {@link averagePathLength}. Scores lie in (0, 1]; higher is
 * more anomalous (about 0.5 and below is normal). This is the negation of scikit-learn's
 * `IsolationForest.score_samples`. Cost O(rows · nEstimators · maxDepth); the data is not copied when it is a Matrix.
 *
 * @throws RangeError for empty data, rows of unequal length, non-finite values, or a column count other than the
 * model's.
 * @example
 * const scores = scoreIsolationForest(model, [[0.1, 0.2], [8, -9]]); // the second row scores higher
 */
export function scoreIsolationForest(model: IsolationForest, data: MatrixInput): Float64Array {
  const fn = 'scoreIsolationForest';
  const matrix = toMatrix(fn, 'data', data, 1);
  if (matrix.cols !== model.nFeatures) {
    throw new RangeError(`${fn}: data has ${matrix.cols} columns but the model was fitted on ${model.nFeatures}`);
  }
  const pathSums = new Float64Array(matrix.rows);
  if (model.maxDepth <= MAX_COMPLETE_DEPTH) accumulateComplete(model, matrix, pathSums);
  else accumulateLinked(model, matrix, pathSums);
  const normaliser = model.nEstimators * averagePathLength(model.maxSamples);
  for (let r = 0; r < pathSums.length; r++) pathSums[r] = Math.pow(2, -pathSums[r]! / normaliser);
  return pathSums;
}

/**
 * Expands every tree into a complete binary tree of depth maxDepth (children of slot i at 2i + 1 and 2i + 2) so each
 * row takes exactly maxDepth steps with no leaf test; a leaf above the last level becomes a chain of splits with
 * threshold +∞ that always go left, down to the slot holding its path length.
 */
function accumulateComplete(model: IsolationForest, matrix: Matrix, pathSums: Float64Array): void {
  const { nEstimators, maxDepth, treeOffsets } = model;
  const innerPerTree = (1 << maxDepth) - 1;
  const leavesPerTree = innerPerTree + 1;
  const splitFeature = new Int32Array(nEstimators * innerPerTree);
  const splitThreshold = new Float64Array(nEstimators * innerPerTree);
  const leaves = new Float64Array(nEstimators * leavesPerTree);
  for (let t = 0; t < nEstimators; t++) {
    expandNode(model, treeOffsets[t]!, 0, 0, t * innerPerTree, t * leavesPerTree, innerPerTree, splitFeature, splitThreshold, leaves);
  }
  const { rows, cols, data } = matrix;
  for (let blockStart = 0; blockStart < rows; blockStart += ROW_BLOCK) {
    const blockEnd = Math.min(rows, blockStart + ROW_BLOCK);
    for (let t = 0; t < nEstimators; t++) {
      const innerBase = t * innerPerTree;
      const leafBase = t * leavesPerTree - innerPerTree;
      let r = blockStart;
      // Eight rows walk the tree side by side: the comparisons become data (0 or 1) rather than branches, which would
      // be mispredicted half the time, and the eight independent load chains overlap (≈2× faster than one row at a time).
      for (; r + 7 < blockEnd; r += 8) {
        const b0 = r * cols;
        const b1 = b0 + cols;
        const b2 = b1 + cols;
        const b3 = b2 + cols;
        const b4 = b3 + cols;
        const b5 = b4 + cols;
        const b6 = b5 + cols;
        const b7 = b6 + cols;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let s4 = 0;
        let s5 = 0;
        let s6 = 0;
        let s7 = 0;
        for (let level = 0; level < maxDepth; level++) {
          let k = innerBase + s0;
          s0 = 2 * s0 + 1 + +(data[b0 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s1;
          s1 = 2 * s1 + 1 + +(data[b1 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s2;
          s2 = 2 * s2 + 1 + +(data[b2 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s3;
          s3 = 2 * s3 + 1 + +(data[b3 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s4;
          s4 = 2 * s4 + 1 + +(data[b4 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s5;
          s5 = 2 * s5 + 1 + +(data[b5 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s6;
          s6 = 2 * s6 + 1 + +(data[b6 + splitFeature[k]!]! > splitThreshold[k]!);
          k = innerBase + s7;
          s7 = 2 * s7 + 1 + +(data[b7 + splitFeature[k]!]! > splitThreshold[k]!);
        }
        pathSums[r] = pathSums[r]! + leaves[leafBase + s0]!;
        pathSums[r + 1] = pathSums[r + 1]! + leaves[leafBase + s1]!;
        pathSums[r + 2] = pathSums[r + 2]! + leaves[leafBase + s2]!;
        pathSums[r + 3] = pathSums[r + 3]! + leaves[leafBase + s3]!;
        pathSums[r + 4] = pathSums[r + 4]! + leaves[leafBase + s4]!;
        pathSums[r + 5] = pathSums[r + 5]! + leaves[leafBase + s5]!;
        pathSums[r + 6] = pathSums[r + 6]! + leaves[leafBase + s6]!;
        pathSums[r + 7] = pathSums[r + 7]! + leaves[leafBase + s7]!;
      }
      for (; r < blockEnd; r++) {
        const rowBase = r * cols;
        let slot = 0;
        for (let level = 0; level < maxDepth; level++) {
          const k = innerBase + slot;
          slot = 2 * slot + 1 + +(data[rowBase + splitFeature[k]!]! > splitThreshold[k]!);
        }
        pathSums[r] = pathSums[r]! + leaves[leafBase + slot]!;
      }
    }
  }
}

function expandNode(
  model: IsolationForest,
  node: number,
  slot: number,
  level: number,
  innerBase: number,
  leafBase: number,
  innerPerTree: number,
  splitFeature: Int32Array,
  splitThreshold: Float64Array,
  leaves: Float64Array,
): void {
  let s = slot;
  let l = level;
  const f = model.feature[node]!;
  if (f < 0) {
    for (; l < model.maxDepth; l++) {
      splitFeature[innerBase + s] = 0;
      splitThreshold[innerBase + s] = Number.POSITIVE_INFINITY;
      s = 2 * s + 1;
    }
    leaves[leafBase + s - innerPerTree] = model.leafValue[node]!;
    return;
  }
  splitFeature[innerBase + s] = f;
  splitThreshold[innerBase + s] = model.threshold[node]!;
  const args = [innerBase, leafBase, innerPerTree, splitFeature, splitThreshold, leaves] as const;
  expandNode(model, model.left[node]!, 2 * s + 1, l + 1, ...args);
  expandNode(model, model.right[node]!, 2 * s + 2, l + 1, ...args);
}

/** Deep trees (large ψ) are walked through their child links, tree by tree over blocks of rows. */
function accumulateLinked(model: IsolationForest, matrix: Matrix, pathSums: Float64Array): void {
  const { nEstimators, treeOffsets, feature, threshold, left, right, leafValue } = model;
  const { rows, cols, data } = matrix;
  for (let blockStart = 0; blockStart < rows; blockStart += ROW_BLOCK) {
    const blockEnd = Math.min(rows, blockStart + ROW_BLOCK);
    for (let t = 0; t < nEstimators; t++) {
      const root = treeOffsets[t]!;
      for (let r = blockStart; r < blockEnd; r++) {
        const rowBase = r * cols;
        let node = root;
        let f = feature[node]!;
        while (f >= 0) {
          node = data[rowBase + f]! <= threshold[node]! ? left[node]! : right[node]!;
          f = feature[node]!;
        }
        pathSums[r] = pathSums[r]! + leafValue[node]!;
      }
    }
  }
}

/**
 * The score at a percentile of reference scores (numpy's default linear quantile), used as the anomaly threshold:
 * with percentile 95, about 5 % of the reference rows score above it. Cost O(n) after an O(n) radix sort.
 *
 * @throws RangeError for empty or non-finite scores, or a percentile outside [0, 100].
 * @example isolationForestThreshold([0.40, 0.45, 0.50, 0.70], 50); // 0.475
 */
export function isolationForestThreshold(referenceScores: ArrayLike<number>, percentile: number): number {
  const fn = 'isolationForestThreshold';
  requireFiniteSample(fn, 'referenceScores', referenceScores);
  requireInRange(fn, 'percentile', percentile, 0, 100, true);
  // numpy.percentile divides by 100 first; quantile() then uses numpy's own interpolation steps.
  return quantile(referenceScores, percentile / 100);
}

/**
 * Flags the rows whose score is strictly above the threshold (see {@link isolationForestThreshold}).
 *
 * @throws RangeError for non-finite scores or threshold.
 * @example flagIsolationForestAnomalies(scores, isolationForestThreshold(referenceScores, 95)).anomalyRate;
 */
export function flagIsolationForestAnomalies(scores: ArrayLike<number>, threshold: number): IsolationForestFlags {
  const fn = 'flagIsolationForestAnomalies';
  requireFiniteSample(fn, 'scores', scores, 0);
  if (!Number.isFinite(threshold)) throw new RangeError(`${fn}: threshold is ${String(threshold)}; only finite numbers are allowed`);
  const isAnomaly = new Uint8Array(scores.length);
  let anomalyCount = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! > threshold) {
      isAnomaly[i] = 1;
      anomalyCount++;
    }
  }
  return { isAnomaly, anomalyCount, anomalyRate: scores.length === 0 ? Number.NaN : anomalyCount / scores.length, threshold };
}

/**
 * The model as plain arrays for `JSON.stringify` (typed arrays would serialize as objects). Numbers round-trip
 * exactly through JSON.
 * @example const text = JSON.stringify(isolationForestToJSON(model));
 */
export function isolationForestToJSON(model: IsolationForest): IsolationForestJSON {
  return {
    nFeatures: model.nFeatures,
    nEstimators: model.nEstimators,
    maxSamples: model.maxSamples,
    maxDepth: model.maxDepth,
    treeOffsets: Array.from(model.treeOffsets),
    feature: Array.from(model.feature),
    threshold: Array.from(model.threshold),
    left: Array.from(model.left),
    right: Array.from(model.right),
    leafValue: Array.from(model.leafValue),
  };
}

/**
 * Rebuilds a model from {@link isolationForestToJSON}'s output (e.g. after `JSON.parse`), checking its structure so
 * that scoring cannot loop or read out of bounds.
 * @throws RangeError naming the field when the object is not a valid model.
 * @example const model = isolationForestFromJSON(JSON.parse(text));
 */
export function isolationForestFromJSON(json: unknown): IsolationForest {
  const fn = 'isolationForestFromJSON';
  if (typeof json !== 'object' || json === null) throw new RangeError(`${fn}: expected an object`);
  const o = json as Record<string, unknown>;
  const integerField = (name: string, min: number): number => {
    const v = o[name];
    if (typeof v !== 'number') throw new RangeError(`${fn}: ${name} must be a number`);
    requireInteger(fn, name, v, min);
    return v;
  };
  const arrayField = (name: string): readonly unknown[] => {
    const v = o[name];
    if (!Array.isArray(v)) throw new RangeError(`${fn}: ${name} must be an array`);
    return v as readonly unknown[];
  };
  const toFloat64 = (name: string, values: readonly unknown[]): Float64Array => {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] must be a finite number`);
      out[i] = v;
    }
    return out;
  };
  const toInt32 = (name: string, values: readonly unknown[]): Int32Array => {
    const out = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -1 || v > 0x7fffffff) {
        throw new RangeError(`${fn}: ${name}[${i}] must be an integer ≥ −1`);
      }
      out[i] = v;
    }
    return out;
  };

  const nFeatures = integerField('nFeatures', 1);
  const nEstimators = integerField('nEstimators', 1);
  const maxSamples = integerField('maxSamples', 2);
  const maxDepth = integerField('maxDepth', 1);
  if (maxDepth !== Math.ceil(Math.log2(maxSamples))) {
    throw new RangeError(`${fn}: maxDepth must be ⌈log₂ maxSamples⌉ = ${Math.ceil(Math.log2(maxSamples))}, got ${maxDepth}`);
  }
  const treeOffsets = toInt32('treeOffsets', arrayField('treeOffsets'));
  const feature = toInt32('feature', arrayField('feature'));
  const threshold = toFloat64('threshold', arrayField('threshold'));
  const left = toInt32('left', arrayField('left'));
  const right = toInt32('right', arrayField('right'));
  const leafValue = toFloat64('leafValue', arrayField('leafValue'));
  const nodes = feature.length;
  if (treeOffsets.length !== nEstimators + 1) throw new RangeError(`${fn}: treeOffsets must have nEstimators + 1 entries`);
  for (const [name, arr] of [['threshold', threshold], ['left', left], ['right', right], ['leafValue', leafValue]] as const) {
    if (arr.length !== nodes) throw new RangeError(`${fn}: ${name} has ${arr.length} entries but feature has ${nodes}`);
  }
  if (treeOffsets[0] !== 0 || treeOffsets[nEstimators] !== nodes) {
    throw new RangeError(`${fn}: treeOffsets must start at 0 and end at the node count ${nodes}`);
  }
  for (let t = 0; t < nEstimators; t++) {
    const start = treeOffsets[t]!;
    const end = treeOffsets[t + 1]!;
    if (end <= start) throw new RangeError(`${fn}: tree ${t} has no nodes`);
    // Children must lie after their parent inside the same tree, so every walk ends at a leaf.
    for (let node = start; node < end; node++) {
      const f = feature[node]!;
      if (f >= nFeatures) throw new RangeError(`${fn}: feature[${node}] is ${f} but nFeatures is ${nFeatures}`);
      if (f < 0) continue;
      for (const [name, child] of [['left', left[node]!], ['right', right[node]!]] as const) {
        if (child <= node || child >= end) throw new RangeError(`${fn}: ${name}[${node}] must point to a later node of tree ${t}`);
      }
    }
  }
  // Depth check: the complete-tree scorer relies on every leaf lying at depth ≤ maxDepth.
  const depth = new Int32Array(nodes);
  for (let node = 0; node < nodes; node++) {
    if (depth[node]! > maxDepth) throw new RangeError(`${fn}: node ${node} lies deeper than maxDepth ${maxDepth}`);
    if (feature[node]! >= 0) {
      const childDepth = depth[node]! + 1;
      depth[left[node]!] = Math.max(depth[left[node]!]!, childDepth);
      depth[right[node]!] = Math.max(depth[right[node]!]!, childDepth);
    }
  }
  return { nFeatures, nEstimators, maxSamples, maxDepth, treeOffsets, feature, threshold, left, right, leafValue };
}
