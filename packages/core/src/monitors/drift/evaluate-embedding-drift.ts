import { buildSimHashIndex, createRandom, findNearNeighbours, meanEmbeddingCosine } from '@bothub/stats';
import type { DatasetColumn } from '../../dataset.js';
import type { EmbeddingDrift } from '../../report/report-schema.js';
import { DRIFT_DEFAULTS } from './drift-defaults.js';
import { prepareDriftSides } from './prepare-drift-sides.js';
import { runMmdTest } from './run-mmd-test.js';
import { presentEmbeddingRows, sampleEmbeddingRows } from './sample-embedding-rows.js';

export interface EmbeddingDriftOptions {
  /** Seed of the row samples, the permutations and the LSH hyperplanes. */
  readonly seed: number;
  /** Vectors sampled per side for the MMD test and the near-neighbour share. Default 1,000. */
  readonly sampleSize?: number;
  /** Permutations of the MMD test. Default 200. */
  readonly permutations?: number;
  /** Cosine similarity of a near neighbour. Default 0.9. */
  readonly nearNeighbourThreshold?: number;
  /** Significance level of the MMD test. Default 0.05. */
  readonly threshold?: number;
}

/**
 * Embedding drift of one column: the Gaussian-kernel MMD permutation test on ≤ 1,000 seeded vectors per side
 * (bandwidth by the median heuristic), the cosine of the two mean vectors (over every non-missing vector), and the
 * share of sampled current vectors that have a sampled reference vector at cosine ≥ 0.9 (SimHash LSH: informative,
 * a drop means the current embeddings sit in regions the reference does not cover). Drifted when MMD p < 0.05.
 * Missing vectors are dropped. Null when a side has fewer than 2 vectors.
 * The MMD result equals runDriftTest('mmd', …) with the same seed (same samples, same permutations).
 * @throws RangeError naming the column when it is not an embedding column or the dimensions differ.
 * @example
 * const drift = evaluateEmbeddingDrift(reference.columns.get('vec')!, current.columns.get('vec')!, { seed: 42 });
 * drift?.drifted; // true when MMD p < 0.05
 */
export function evaluateEmbeddingDrift(reference: DatasetColumn, current: DatasetColumn, options: EmbeddingDriftOptions): EmbeddingDrift | null {
  if (reference.type !== 'embedding' || current.type !== 'embedding') {
    throw new RangeError(`column ${reference.name}: embedding drift needs an embedding column on both sides (got ${reference.type} and ${current.type})`);
  }
  const sides = prepareDriftSides(reference.name, 'embedding', reference.values, current.values);
  if (sides?.kind !== 'vectors' || sides.referencePresent < DRIFT_DEFAULTS.minValues || sides.currentPresent < DRIFT_DEFAULTS.minValues) return null;
  const sampleSize = options.sampleSize ?? DRIFT_DEFAULTS.embeddingSampleSize;
  const threshold = options.threshold ?? DRIFT_DEFAULTS.pValue;
  const nearNeighbourThreshold = options.nearNeighbourThreshold ?? DRIFT_DEFAULTS.nearNeighbourThreshold;
  const rng = createRandom(options.seed);
  const referenceSample = sampleEmbeddingRows(sides.reference, sampleSize, rng);
  const currentSample = sampleEmbeddingRows(sides.current, sampleSize, rng);
  const mmd = runMmdTest(referenceSample, currentSample, { rng, permutations: options.permutations ?? DRIFT_DEFAULTS.permutations });
  const cosine = meanEmbeddingCosine(presentEmbeddingRows(sides.reference), presentEmbeddingRows(sides.current)).cosineSimilarity;
  const index = buildSimHashIndex(referenceSample, { rng });
  const { share } = findNearNeighbours(index, currentSample, { threshold: nearNeighbourThreshold });
  return {
    dimension: referenceSample.cols,
    sampleSize: { reference: referenceSample.rows, current: currentSample.rows },
    mmd: { mmd2: mmd.mmd2, pValue: mmd.pValue, sigma: mmd.sigma },
    meanCosineSimilarity: Number.isNaN(cosine) ? null : cosine,
    nearNeighbourShare: share,
    nearNeighbourThreshold,
    drifted: mmd.pValue < threshold,
  };
}
