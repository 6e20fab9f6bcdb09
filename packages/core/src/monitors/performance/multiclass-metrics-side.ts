import { multiclassClassificationMetrics } from '@bothub/stats';
import type { MetricValue } from '../../report/report-schema.js';
import type { SideMetrics, SideOptions } from './binary-metrics-side.js';
import { replicatesOf, wilsonMetric } from './binary-metrics-side.js';
import type { BootstrappedMetric } from './metric-bootstrap.js';
import { bootstrapMetrics, gather } from './metric-bootstrap.js';
import { pointMetric } from './metric-value.js';

export interface MulticlassOutcomes {
  /** True class per row, as an index into `classes`. */
  readonly labels: Int32Array;
  /** Predicted class per row, as an index into `classes`. */
  readonly predictions: Int32Array;
  readonly classes: readonly string[];
}

/** The averaged metrics reported for multiclass classification, in report order. */
export const MULTICLASS_AVERAGED_METRICS = [
  'f1Macro',
  'f1Weighted',
  'precisionMacro',
  'precisionWeighted',
  'recallMacro',
  'recallWeighted',
] as const;

type AveragedName = (typeof MULTICLASS_AVERAGED_METRICS)[number];

/**
 * Multiclass metrics of one side: accuracy with a Wilson interval; macro and weighted precision, recall and F1
 * (scikit-learn's averages with zero_division=0 over the classes that occur in the labels or predictions) with
 * bootstrap intervals.
 * @example multiclassMetricsSide({ labels, predictions, classes }, { confidence: 0.95, seed: 42, side: 'current' }).metrics.f1Macro;
 */
export function multiclassMetricsSide(outcomes: MulticlassOutcomes, options: SideOptions): SideMetrics {
  const { labels, predictions, classes } = outcomes;
  const n = labels.length;
  const metrics: Record<string, MetricValue> = {};
  if (n === 0) {
    metrics.accuracy = pointMetric(null);
    for (const name of MULTICLASS_AVERAGED_METRICS) metrics[name] = pointMetric(null);
    return { metrics, notes: [] };
  }
  const full = multiclassClassificationMetrics(
    Array.from(labels, (c) => classes[c]!),
    Array.from(predictions, (c) => classes[c]!),
  );
  let correct = 0;
  for (let i = 0; i < n; i++) if (labels[i] === predictions[i]) correct++;
  metrics.accuracy = wilsonMetric(correct, n, options.confidence);

  const k = classes.length;
  const cell = new Int32Array(n);
  for (let i = 0; i < n; i++) cell[i] = labels[i]! * k + predictions[i]!;
  const estimates: Record<AveragedName, number> = {
    f1Macro: full.f1.macro,
    f1Weighted: full.f1.weighted,
    precisionMacro: full.precision.macro,
    precisionWeighted: full.precision.weighted,
    recallMacro: full.recall.macro,
    recallWeighted: full.recall.weighted,
  };
  // One confusion matrix per resample serves all six averages: the first metric fills it, the rest reuse it.
  let latest: Record<AveragedName, number> | null = null;
  const bootstrapped: BootstrappedMetric[] = MULTICLASS_AVERAGED_METRICS.map((name, order) => ({
    name,
    estimate: estimates[name],
    bounds: [0, 1] as const,
    prepare: (rows: Int32Array) => {
      const local = order === 0 ? gather(cell, rows) : null;
      const matrix = new Float64Array(k * k);
      return (positions: Int32Array) => {
        if (local !== null) {
          matrix.fill(0);
          for (let i = 0; i < positions.length; i++) matrix[local[positions[i]!]!]!++;
          latest = averagedMetrics(matrix, k, positions.length);
        }
        return latest![name];
      };
    },
  }));
  const intervals = bootstrapMetrics(bootstrapped, { rows: n, confidence: options.confidence, seed: options.seed, ...replicatesOf(options) });
  return { metrics: { ...metrics, ...intervals }, notes: [] };
}

/**
 * Macro and weighted precision, recall and F1 of a k × k confusion matrix (rows true, columns predicted) over the
 * classes that occur in it, as `multiclassClassificationMetrics` computes them.
 * @example averagedMetrics(Float64Array.of(1, 0, 1, 1), 2, 3).f1Macro; // 0.6666666666666666
 */
export function averagedMetrics(matrix: Float64Array, k: number, n: number): Record<AveragedName, number> {
  let classesPresent = 0;
  const sum = { p: 0, r: 0, f: 0, wp: 0, wr: 0, wf: 0 };
  for (let c = 0; c < k; c++) {
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < k; j++) {
      support += matrix[c * k + j]!;
      predicted += matrix[j * k + c]!;
    }
    if (support === 0 && predicted === 0) continue;
    classesPresent++;
    const tp = matrix[c * k + c]!;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    sum.p += precision;
    sum.r += recall;
    sum.f += f1;
    sum.wp += precision * support;
    sum.wr += recall * support;
    sum.wf += f1 * support;
  }
  return {
    f1Macro: sum.f / classesPresent,
    f1Weighted: sum.wf / n,
    precisionMacro: sum.p / classesPresent,
    precisionWeighted: sum.wp / n,
    recallMacro: sum.r / classesPresent,
    recallWeighted: sum.wr / n,
  };
}
