/**
 * @bothub/stats — Bothub's statistics core. Pure TypeScript: no I/O, no dependencies, no clock; randomness comes
 * from an injected seeded generator (`createRandom`). Every statistic reproduces scipy 1.10 / scikit-learn 1.2 /
 * numpy 1.24 on the shared reference values (see docs/statistics.md).
 */

// Drift tests and distances between two samples or distributions
export { ksTest } from './ks-test.js';
export type { KsTestMethod, KsTestOptions, KsTestResult } from './ks-test.js';
export { chiSquaredTest } from './chi-squared-test.js';
export type { ChiSquaredTestResult } from './chi-squared-test.js';
export { cramerVonMisesTest } from './cramer-von-mises-test.js';
export type { CramerVonMisesTestResult } from './cramer-von-mises-test.js';
export { wassersteinDistance } from './wasserstein-distance.js';
export type { WassersteinOptions, WassersteinResult } from './wasserstein-distance.js';
export { jensenShannonDistance } from './jensen-shannon-distance.js';
export type { JensenShannonOptions, JensenShannonResult } from './jensen-shannon-distance.js';
export { hellingerDistance } from './hellinger-distance.js';
export type { HellingerResult } from './hellinger-distance.js';
export { klDivergence } from './kl-divergence.js';
export type { KlDivergenceOptions, KlDivergenceResult } from './kl-divergence.js';
export { populationStabilityIndex, populationStabilityIndexFromCounts } from './population-stability-index.js';
export type {
  PopulationStabilityIndexCountsOptions,
  PopulationStabilityIndexCountsResult,
  PopulationStabilityIndexOptions,
  PopulationStabilityIndexResult,
} from './population-stability-index.js';

// Multivariate drift and embeddings
export { mmdGaussian } from './mmd-gaussian.js';
export type { MmdGaussianOptions, MmdGaussianResult } from './mmd-gaussian.js';
export { medianHeuristicBandwidth, MEDIAN_HEURISTIC_MAX_SAMPLES } from './median-heuristic-bandwidth.js';
export type { MedianHeuristicOptions, MedianHeuristicResult } from './median-heuristic-bandwidth.js';
export { mmdPermutationTest } from './mmd-permutation-test.js';
export type { MmdPermutationTestOptions, MmdPermutationTestResult } from './mmd-permutation-test.js';
export { mmdLinearTime } from './mmd-linear-time.js';
export type { MmdLinearTimeOptions, MmdLinearTimeResult } from './mmd-linear-time.js';
export { meanEmbeddingCosine } from './mean-embedding-cosine.js';
export type { MeanEmbeddingCosineResult } from './mean-embedding-cosine.js';
export { buildSimHashIndex, bruteForceNearNeighbours, findNearNeighbours, SIMHASH_DEFAULT_BITS_PER_TABLE, SIMHASH_DEFAULT_TABLES } from './simhash-lsh.js';
export type { NearNeighbourOptions, NearNeighbourResult, SimHashIndex, SimHashIndexOptions } from './simhash-lsh.js';

// Performance metrics
export { confusionMatrix } from './confusion-matrix.js';
export type { ClassLabel, ConfusionMatrixResult } from './confusion-matrix.js';
export { rocAuc } from './roc-auc.js';
export { averagePrecision } from './average-precision.js';
export { logLoss } from './log-loss.js';
export { brierScore } from './brier-score.js';
export { binaryClassificationMetrics } from './binary-classification-metrics.js';
export type { BinaryClassificationMetrics } from './binary-classification-metrics.js';
export { multiclassClassificationMetrics } from './multiclass-classification-metrics.js';
export type { AveragedMetric, ClassMetrics, MulticlassClassificationMetrics } from './multiclass-classification-metrics.js';
export { regressionMetrics } from './regression-metrics.js';
export type { RegressionMetrics } from './regression-metrics.js';
export { pearsonCorrelation } from './pearson-correlation.js';
export type { PearsonCorrelationResult } from './pearson-correlation.js';
export { spearmanCorrelation } from './spearman-correlation.js';
export type { SpearmanCorrelationResult } from './spearman-correlation.js';
export { rankWithTies } from './rank-with-ties.js';

// Uncertainty
export { wilsonInterval } from './wilson-interval.js';
export type { ProportionInterval, WilsonIntervalOptions } from './wilson-interval.js';
export { delongInterval } from './delong-interval.js';
export type { AucInterval, DelongIntervalOptions } from './delong-interval.js';
export { bootstrapInterval } from './bootstrap-interval.js';
export type { BootstrapInterval, BootstrapIntervalOptions } from './bootstrap-interval.js';

// Fairness
export { fairnessMetrics } from './fairness-metrics.js';
export type { FairnessMetrics, FairnessMetricsInput, FairnessValue, GroupOutcomeRates, OutcomeRates } from './fairness-metrics.js';

// Anomalies
export { averagePathLength } from './average-path-length.js';
export {
  fitIsolationForest,
  flagIsolationForestAnomalies,
  isolationForestFromJSON,
  isolationForestThreshold,
  isolationForestToJSON,
  scoreIsolationForest,
} from './isolation-forest.js';
export type { IsolationForest, IsolationForestFlags, IsolationForestJSON, IsolationForestOptions } from './isolation-forest.js';

// Sampling, descriptive helpers, collinearity, regression, privacy
export { createReservoirSampler } from './reservoir-sample.js';
export type { ReservoirSampler } from './reservoir-sample.js';
export { allocateStratifiedSample, stratifiedSample } from './stratified-sample.js';
export type { StratifiedSampleOptions, StratumAllocation } from './stratified-sample.js';
export { quantile, quantileSorted } from './quantile.js';
export { histogram, histogramEdges, histogramSorted } from './histogram.js';
export type { HistogramResult } from './histogram.js';
export { varianceInflationFactors } from './variance-inflation-factor.js';
export type { VarianceInflationResult } from './variance-inflation-factor.js';
export { fitLogisticRegression } from './logistic-regression.js';
export type { LogisticRegressionOptions, LogisticRegressionResult } from './logistic-regression.js';
export { laplaceNoise, privateCount, privateHistogram } from './laplace-mechanism.js';
export type { PrivateCountOptions, PrivateHistogramOptions } from './laplace-mechanism.js';
export { sortFloat64 } from './sort-float64.js';

// Distributions and special functions
export { normalCdf, normalQuantile, normalSurvival } from './special/normal-distribution.js';
export { chiSquaredCdf, chiSquaredSurvival } from './special/chi-squared-distribution.js';
export { studentTSurvival, regularizedIncompleteBeta, regularizedIncompleteBetaComplement } from './special/incomplete-beta.js';
export { regularizedGammaP, regularizedGammaQ } from './special/incomplete-gamma.js';
export { kolmogorovDistributionSf, kolmogorovLimitSf, smirnovSf } from './special/kolmogorov-distribution.js';
export { logGamma } from './special/log-gamma.js';
export { besselK } from './special/bessel-k.js';

// Inputs and randomness
export { createRandom, sampleStandardNormal, shuffleInPlace } from './random.js';
export type { RandomGenerator } from './random.js';
export { toMatrix } from './matrix.js';
export type { Matrix, MatrixInput } from './matrix.js';
export type { NumericSample } from './validate-input.js';
