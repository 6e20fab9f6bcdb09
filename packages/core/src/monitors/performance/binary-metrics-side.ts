import { averagePrecision, brierScore, delongInterval, logLoss, rocAuc, wilsonInterval } from '@bothub/stats';
import type { MetricValue } from '../../report/report-schema.js';
import type { BootstrappedMetric } from './metric-bootstrap.js';
import { bootstrapMetrics, gather, meanOver } from './metric-bootstrap.js';
import { intervalMetric, pointMetric } from './metric-value.js';

export interface BinaryOutcomes {
  /** True class per row, 0 or 1. */
  readonly labels: Uint8Array;
  /** Predicted class per row, 0 or 1. */
  readonly predictions: Uint8Array;
  /** Probability of class 1 per row, when a score column is given. */
  readonly scores: Float64Array | null;
}

export interface SideOptions {
  readonly confidence: number;
  readonly seed: number;
  readonly replicates?: number;
  /** Names the side in notes, e.g. "current". */
  readonly side: string;
}

export interface SideMetrics {
  readonly metrics: Record<string, MetricValue>;
  readonly notes: string[];
}

/**
 * Binary-classification metrics of one side with intervals: accuracy, precision and recall with Wilson intervals,
 * f1 by bootstrap; with scores also rocAuc (DeLong), averagePrecision, logLoss and brier (bootstrap). Metrics
 * undefined on the data (ROC AUC and AP with one class) are null with a note; precision and recall follow
 * scikit-learn's zero_division=0 (0 with no interval when their denominator is 0).
 * @example binaryMetricsSide({ labels, predictions, scores }, { confidence: 0.95, seed: 42, side: 'current' }).metrics.rocAuc;
 */
export function binaryMetricsSide(outcomes: BinaryOutcomes, options: SideOptions): SideMetrics {
  const { labels, predictions, scores } = outcomes;
  const { confidence, side } = options;
  const n = labels.length;
  const notes: string[] = [];
  const metrics: Record<string, MetricValue> = {};
  // Per-row confusion cell: 0 tn, 1 fp, 2 fn, 3 tp.
  const cell = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    cell[i] = labels[i]! * 2 + predictions[i]!;
    positives += labels[i]!;
  }
  const counts = countCells(cell);
  const [tn, fp, fn, tp] = [counts[0]!, counts[1]!, counts[2]!, counts[3]!];
  const negatives = n - positives;
  const bootstrapOptions = { rows: n, confidence, seed: options.seed, ...replicatesOf(options) };

  metrics.accuracy = n === 0 ? pointMetric(null) : wilsonMetric(tp + tn, n, confidence);
  if (n > 0 && tp + fp === 0) notes.push(`${side}: nothing is predicted positive, so precision is 0 (scikit-learn's zero_division=0) without an interval`);
  metrics.precision = n === 0 ? pointMetric(null) : tp + fp === 0 ? pointMetric(0) : wilsonMetric(tp, tp + fp, confidence);
  if (n > 0 && positives === 0) notes.push(`${side}: the target has no positive rows, so recall is 0 without an interval`);
  metrics.recall = n === 0 ? pointMetric(null) : positives === 0 ? pointMetric(0) : wilsonMetric(tp, positives, confidence);
  const f1: BootstrappedMetric = {
    name: 'f1',
    estimate: n === 0 ? null : f1FromCounts(tp, fp, fn),
    bounds: [0, 1],
    prepare: (rows) => {
      const local = gather(cell, rows);
      const c = new Float64Array(4);
      return (positions) => {
        c.fill(0);
        for (let i = 0; i < positions.length; i++) c[local[positions[i]!]!]!++;
        return f1FromCounts(c[3]!, c[1]!, c[2]!);
      };
    },
  };
  if (scores === null) return { metrics: { ...metrics, ...bootstrapMetrics([f1], bootstrapOptions) }, notes };

  const oneClass = n > 0 && (positives === 0 || negatives === 0);
  if (oneClass) {
    notes.push(
      `${side}: the target holds a single class (${positives} positive, ${negatives} negative rows), so rocAuc and averagePrecision are undefined`,
    );
  }
  const ranked = n > 0 && !oneClass;
  if (!ranked) {
    metrics.rocAuc = pointMetric(null);
  } else if (positives >= 2 && negatives >= 2) {
    const auc = delongInterval(labels, scores, { confidence });
    metrics.rocAuc = intervalMetric(auc.auc, auc.lower, auc.upper, 'delong');
  } else {
    metrics.rocAuc = pointMetric(rocAuc(labels, scores).auc);
    notes.push(`${side}: the DeLong interval of rocAuc needs at least 2 rows of each class`);
  }
  const bootstrapped: BootstrappedMetric[] = [f1];
  bootstrapped.push({
    name: 'averagePrecision',
    estimate: ranked ? averagePrecision(labels, scores).averagePrecision : null,
    bounds: [0, 1],
    prepare: (rows) => weightedAveragePrecision(gather(labels, rows), gather(scores, rows)),
  });
  if (n > 0) {
    // Per-row terms as the statistics core computes them (scikit-learn's clipping for the log loss).
    const rowLoss = new Float64Array(n);
    const rowSquared = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = Math.min(1 - Number.EPSILON, Math.max(Number.EPSILON, scores[i]!));
      const q = 1 - p;
      rowLoss[i] = -Math.log((labels[i] === 1 ? p : q) / (q + p));
      const d = labels[i]! - scores[i]!;
      rowSquared[i] = d * d;
    }
    bootstrapped.push(
      { name: 'logLoss', estimate: logLoss(labels, scores).logLoss, bounds: [0, Number.POSITIVE_INFINITY], prepare: (rows) => meanOver(gather(rowLoss, rows)) },
      { name: 'brier', estimate: brierScore(labels, scores).brier, bounds: [0, 1], prepare: (rows) => meanOver(gather(rowSquared, rows)) },
    );
  } else {
    bootstrapped.push({ name: 'logLoss', estimate: null, prepare: () => () => Number.NaN }, { name: 'brier', estimate: null, prepare: () => () => Number.NaN });
  }
  const intervals = bootstrapMetrics(bootstrapped, bootstrapOptions);
  const ordered: Record<string, MetricValue> = {};
  for (const name of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier']) {
    ordered[name] = metrics[name] ?? intervals[name]!;
  }
  return { metrics: ordered, notes };
}

/**
 * Average precision (as `averagePrecision`) of a resample given as positions into `labels` / `scores`, in O(m) per
 * resample: the rows are sorted by score once, and a resample only changes each row's multiplicity.
 */
function weightedAveragePrecision(labels: Uint8Array, scores: Float64Array): (positions: Int32Array) => number {
  const m = labels.length;
  const order = Int32Array.from({ length: m }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const weight = new Float64Array(m);
  return (positions) => {
    weight.fill(0);
    for (let i = 0; i < positions.length; i++) weight[positions[i]!]!++;
    let totalPositive = 0;
    for (let i = 0; i < m; i++) totalPositive += weight[i]! * labels[i]!;
    if (totalPositive === 0 || totalPositive === positions.length) return Number.NaN;
    let tp = 0;
    let fp = 0;
    let sum = 0;
    for (let start = 0; start < m; ) {
      // One threshold per distinct score: every row tied with it enters at once.
      const v = scores[order[start]!]!;
      let groupTp = 0;
      let groupFp = 0;
      let end = start;
      for (; end < m && scores[order[end]!] === v; end++) {
        const row = order[end]!;
        groupTp += weight[row]! * labels[row]!;
        groupFp += weight[row]! * (1 - labels[row]!);
      }
      tp += groupTp;
      fp += groupFp;
      if (groupTp > 0) sum += (groupTp / totalPositive) * (tp / (tp + fp));
      start = end;
    }
    return sum;
  };
}

/** The bootstrap replicates option, only when given (exactOptionalPropertyTypes-safe). */
export function replicatesOf(options: { readonly replicates?: number }): { replicates?: number } {
  return options.replicates === undefined ? {} : { replicates: options.replicates };
}

/**
 * A proportion with its Wilson interval.
 * @example wilsonMetric(8, 10, 0.95); // { value: 0.8, lower: 0.49…, upper: 0.94…, interval: 'wilson' }
 */
export function wilsonMetric(successes: number, trials: number, confidence: number): MetricValue {
  const w = wilsonInterval(successes, trials, { confidence });
  return intervalMetric(w.estimate, w.lower, w.upper, 'wilson');
}

function countCells(cell: Uint8Array): Float64Array {
  const c = new Float64Array(4);
  for (let i = 0; i < cell.length; i++) c[cell[i]!]!++;
  return c;
}

function f1FromCounts(tp: number, fp: number, fn: number): number {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
