/**
 * The settings behind every default drift verdict. docs/drift-defaults.md gives the reasoning and the simulated flag
 * rates that justify each number; change one only with a new measurement there.
 * @example
 * import { DRIFT_DEFAULTS } from './drift-defaults.js';
 * DRIFT_DEFAULTS.pValue; // 0.05
 */
export const DRIFT_DEFAULTS = {
  /** Significance level of every default test (Cramér–von Mises, chi², MMD). */
  pValue: 0.05,
  /** Numeric effect-size floor: Wasserstein distance / reference std (a mean shift of 0.1 sd, half Cohen's "small"). */
  minNormalizedWasserstein: 0.1,
  /** Numeric effect-size alternative: PSI on reference deciles (rank-based, so robust to outliers that inflate the std). */
  minPsi: 0.1,
  /**
   * Categorical effect-size floor: Jensen–Shannon distance (natural log). For small changes JS ≈ w / √8 with Cohen's
   * w = √Σ(q − p)²/p, and a numeric shift of d sd gives w ≈ d, so 0.1 / √8 ≈ 0.035 is the numeric floor on the
   * categorical scale: e.g. a 50 % share moving to 55 %, or a 5 % share to 8 %.
   */
  minJensenShannon: 0.035,
  /** Categories kept by name in the default categorical test; the rest are pooled under "(other)". */
  maxCategories: 20,
  /** Smallest expected count (in the smaller sample) of a category kept by name: Cochran's rule for chi². */
  minExpectedCount: 5,
  /** Reference-quantile bins of PSI and of the binned tests (chi², Jensen–Shannon, Hellinger, KL) on numeric columns. */
  quantileBins: 10,
  /** Share floor of PSI and KL, so an empty bin or category keeps the logarithm finite. */
  shareFloor: 1e-4,
  /**
   * Most values per side the default numeric test uses: above it, a seeded uniform sample of this size. With the
   * effect-size floor deciding at large n, more rows change no verdict (a 0.1 sd shift already has p ≈ 0 here) and
   * cost time: 0.5 s per column at 1,000,000 rows against 0.1 s at 200,000.
   */
  maxTestValues: 200_000,
  /** Fewest non-missing values per side for any test. */
  minValues: 2,
  /** Vectors sampled per side for the embedding MMD test. */
  embeddingSampleSize: 1000,
  /** Rows sampled per side for the multivariate MMD test. */
  multivariateSampleSize: 500,
  /** Permutations of every MMD test. */
  permutations: 200,
  /** Cosine similarity at which a reference vector counts as a near neighbour of a current one. */
  nearNeighbourThreshold: 0.9,
  /** Equal-width bins of the numeric distribution charts. */
  histogramBins: 20,
  /** Lower and upper quantile levels whose range (over both samples) the chart bins span; the tails go to the outer bins. */
  histogramRange: [0.005, 0.995],
  /** Categories shown by name in the distribution charts. */
  chartCategories: 20,
} as const;
