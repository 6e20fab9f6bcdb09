import { pearsonCorrelation } from '@bothub/stats';
import type { MetricValue } from '../../report/report-schema.js';
import type { SideMetrics, SideOptions } from './binary-metrics-side.js';
import { replicatesOf } from './binary-metrics-side.js';
import type { BootstrappedMetric } from './metric-bootstrap.js';
import { bootstrapMetrics, gather, meanOver } from './metric-bootstrap.js';
import { midranks, pearsonOver } from './midranks.js';
import { pointMetric } from './metric-value.js';

export interface RegressionOutcomes {
  readonly labels: Float64Array;
  readonly predictions: Float64Array;
}

/** The regression metrics reported, in report order. */
export const REGRESSION_METRICS = ['mae', 'rmse', 'mape', 'r2', 'pearson', 'spearman'] as const;

/**
 * Regression metrics of one side with bootstrap intervals: mae, rmse, mape (a fraction), r2, pearson (r) and
 * spearman (rho), as `regressionMetrics` computes them. Correlations of a constant target or prediction are null.
 * @example regressionMetricsSide({ labels, predictions }, { confidence: 0.95, seed: 42, side: 'current' }).metrics.rmse;
 */
export function regressionMetricsSide(outcomes: RegressionOutcomes, options: SideOptions): SideMetrics {
  const { labels, predictions } = outcomes;
  const n = labels.length;
  const notes: string[] = [];
  if (n < 2) {
    const metrics: Record<string, MetricValue> = {};
    for (const name of REGRESSION_METRICS) metrics[name] = pointMetric(null);
    notes.push(`${options.side}: regression metrics need at least 2 rows with both target and prediction, got ${n}`);
    return { metrics, notes };
  }
  const absError = new Float64Array(n);
  const squaredError = new Float64Array(n);
  const percentageError = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const e = Math.abs(y - predictions[i]!);
    absError[i] = e;
    squaredError[i] = e * e;
    percentageError[i] = e / Math.max(Math.abs(y), Number.EPSILON);
  }
  const all = Int32Array.from({ length: n }, (_, i) => i);
  // regressionMetrics ranks with a comparison sort, too slow for millions of rows; midranks gives the same ranks.
  const labelRanks = midranks(labels);
  const predictionRanks = midranks(predictions);
  const inf = Number.POSITIVE_INFINITY;
  const bootstrapped: BootstrappedMetric[] = [
    { name: 'mae', estimate: meanOver(absError)(all), bounds: [0, inf], prepare: (rows) => meanOver(gather(absError, rows)) },
    {
      name: 'rmse',
      estimate: Math.sqrt(meanOver(squaredError)(all)),
      bounds: [0, inf],
      prepare: (rows) => {
        const mean = meanOver(gather(squaredError, rows));
        return (positions) => Math.sqrt(mean(positions));
      },
    },
    { name: 'mape', estimate: meanOver(percentageError)(all), bounds: [0, inf], prepare: (rows) => meanOver(gather(percentageError, rows)) },
    {
      name: 'r2',
      estimate: r2Over(labels, squaredError, all),
      bounds: [Number.NEGATIVE_INFINITY, 1],
      prepare: (rows) => {
        const y = gather(labels, rows);
        const se = gather(squaredError, rows);
        return (positions) => r2Over(y, se, positions);
      },
    },
    {
      name: 'pearson',
      estimate: pearsonCorrelation(labels, predictions).r,
      bounds: [-1, 1],
      prepare: (rows) => {
        const x = gather(labels, rows);
        const y = gather(predictions, rows);
        return (positions) => pearsonOver(x, y, positions);
      },
    },
    {
      // Resamples keep the midranks of the rows they draw from instead of re-ranking each resample: the same
      // rank correlation to first order (ranks estimate the marginal CDFs), at O(m) instead of O(m log m) per resample.
      name: 'spearman',
      estimate: pearsonOver(labelRanks, predictionRanks, all),
      bounds: [-1, 1],
      prepare: (rows) => {
        const x = midranks(gather(labels, rows));
        const y = midranks(gather(predictions, rows));
        return (positions) => pearsonOver(x, y, positions);
      },
    },
  ];
  const metrics = bootstrapMetrics(bootstrapped, { rows: n, confidence: options.confidence, seed: options.seed, ...replicatesOf(options) });
  if (metrics.pearson?.value === null) notes.push(`${options.side}: the target or the prediction is constant, so pearson and spearman are undefined`);
  return { metrics, notes };
}

function r2Over(labels: Float64Array, squaredError: Float64Array, indices: Int32Array): number {
  const m = indices.length;
  let sumY = 0;
  let sse = 0;
  for (let i = 0; i < m; i++) {
    sumY += labels[indices[i]!]!;
    sse += squaredError[indices[i]!]!;
  }
  const mean = sumY / m;
  let sst = 0;
  for (let i = 0; i < m; i++) {
    const d = labels[indices[i]!]! - mean;
    sst += d * d;
  }
  // scikit-learn's force_finite: a constant target scores 1 when fitted exactly, else 0.
  if (sst === 0) return sse === 0 ? 1 : 0;
  return 1 - sse / sst;
}
