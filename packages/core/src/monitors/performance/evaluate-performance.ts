import type { Dataset } from '../../dataset.js';
import type { MetricValue, Performance } from '../../report/report-schema.js';
import type { ReferenceMemo } from '../../reference-memo.js';
import { remember } from '../../reference-memo.js';
import type { ColumnRoles } from '../../report-options.js';
import type { SideMetrics, SideOptions } from './binary-metrics-side.js';
import { binaryMetricsSide } from './binary-metrics-side.js';
import { encodeLabels, presentKeys } from './encode-labels.js';
import { inferTask } from './infer-task.js';
import { BOOTSTRAP_MAX_ROWS, DEFAULT_BOOTSTRAP_REPLICATES } from './metric-bootstrap.js';
import { multiclassMetricsSide } from './multiclass-metrics-side.js';
import { regressionMetricsSide } from './regression-metrics-side.js';
import {
  binaryClassesOf,
  multiclassClassesOf,
  requireColumn,
  resolveBinaryOutcomes,
  resolveMulticlassOutcomes,
  resolveRegressionOutcomes,
} from './resolve-outcomes.js';

export interface PerformanceOptions {
  /** Confidence level of every interval, in (0, 1). */
  readonly confidence: number;
  /** Seed of the bootstraps: the reference side uses `seed`, the current side `seed + 1`. */
  readonly seed: number;
  /** Bootstrap replicates per metric; default 200. */
  readonly bootstrapReplicates?: number;
  /** Remembers the reference side's metrics across calls with the same reference (the service's windows). */
  readonly memo?: ReferenceMemo;
}

/** Whether a larger value of a metric is better; decides the direction of `degraded`. */
export const HIGHER_IS_BETTER: Readonly<Record<string, boolean>> = {
  accuracy: true,
  precision: true,
  recall: true,
  f1: true,
  rocAuc: true,
  averagePrecision: true,
  logLoss: false,
  brier: false,
  f1Macro: true,
  f1Weighted: true,
  precisionMacro: true,
  precisionWeighted: true,
  recallMacro: true,
  recallWeighted: true,
  mae: false,
  rmse: false,
  mape: false,
  r2: true,
  pearson: true,
  spearman: true,
};

/**
 * Model performance on the reference and the current data with confidence intervals, the change and the metrics
 * that degraded. Null when there is no target or neither a prediction nor a score.
 *
 * - Task: `inferTask` over both targets. Binary: labels become 0/1 (see `choosePositiveClass`: the class spelled
 *   1/true/yes, else the larger or later-sorted one, is positive); predictions are the prediction column, else
 *   score ≥ 0.5. Multiclass: the prediction column, else the class of the largest per-class score.
 * - Metrics (names of the statistics core): binary accuracy, precision, recall (Wilson), f1 (bootstrap), and with a
 *   score rocAuc (DeLong), averagePrecision, logLoss, brier (bootstrap); multiclass accuracy (Wilson), f1Macro,
 *   f1Weighted, precisionMacro, precisionWeighted, recallMacro, recallWeighted (bootstrap); regression mae, rmse,
 *   mape, r2, pearson, spearman (bootstrap). Metrics that do not apply (rocAuc without a score) are left out;
 *   metrics undefined on a side's data (rocAuc of a single-class side) are null with a note.
 * - Bootstraps: 200 seeded percentile replicates; above 20,000 rows on a seeded 20,000-row subsample with the
 *   half-widths scaled by √(m/n) (see `bootstrapMetrics`).
 * - Rows missing the target or the prediction/score are left out and counted in `droppedRows`.
 * - `degraded`: metrics whose current interval lies entirely on the worse side of the reference value.
 *
 * Throws a RangeError naming the column for a role column absent from a dataset, a prediction value that is not a
 * class of the target, a score outside [0, 1], or a single score column with a multiclass target.
 * @example
 * const performance = evaluatePerformance(reference, current, { target: 'churn', score: 'p_churn' }, { confidence: 0.95, seed: 42 });
 * performance?.current.rocAuc?.value; // 0.81
 */
export function evaluatePerformance(
  reference: Dataset,
  current: Dataset,
  roles: ColumnRoles,
  options: PerformanceOptions,
): Performance | null {
  if (roles.target === undefined) return null;
  const hasScores = roles.score !== undefined || (roles.scoreColumns?.length ?? 0) > 0;
  if (roles.prediction === undefined && !hasScores) return null;
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw new RangeError(`evaluatePerformance: confidence must be in (0, 1), got ${options.confidence}`);
  }
  const task = inferTask(
    requireColumn(reference, roles.target, '--target'),
    roles,
    requireColumn(current, roles.target, '--target'),
  );
  const sideOptions = (side: 'reference' | 'current'): SideOptions => ({
    confidence: options.confidence,
    seed: side === 'reference' ? options.seed : options.seed + 1,
    side,
    ...(options.bootstrapReplicates === undefined ? {} : { replicates: options.bootstrapReplicates }),
  });

  type Side = SideMetrics & { rows: number; dropped: number };
  // The reference side depends on the reference's role columns, the classes of both sides and the side's options.
  const referenceColumns = [roles.target, roles.prediction, roles.score, ...(roles.scoreColumns ?? [])].flatMap((name) => {
    const column = name === undefined ? undefined : reference.columns.get(name);
    return column === undefined ? [] : [column];
  });
  const bothSides = (classes: unknown, evaluate: (dataset: Dataset, side: 'reference' | 'current') => Side) => ({
    reference: remember(options.memo, referenceColumns, `performance ${task} ${JSON.stringify([classes, sideOptions('reference'), roles])}`, () => evaluate(reference, 'reference')),
    current: evaluate(current, 'current'),
  });
  let sides: { reference: Side; current: Side };
  if (task === 'binary_classification') {
    const classes = binaryClassesOf(reference, current, roles);
    sides = bothSides(classes, (dataset, side) => {
      const { outcomes, dropped } = resolveBinaryOutcomes(dataset, roles, classes);
      return { ...binaryMetricsSide(outcomes, sideOptions(side)), rows: outcomes.labels.length, dropped };
    });
  } else if (task === 'multiclass_classification') {
    const classes = multiclassClassesOf(reference, current, roles);
    sides = bothSides(classes, (dataset, side) => {
      const { outcomes, dropped } = resolveMulticlassOutcomes(dataset, roles, classes);
      return { ...multiclassMetricsSide(outcomes, sideOptions(side)), rows: outcomes.labels.length, dropped };
    });
  } else {
    sides = bothSides(null, (dataset, side) => {
      const { outcomes, dropped } = resolveRegressionOutcomes(dataset, roles);
      return { ...regressionMetricsSide(outcomes, sideOptions(side)), rows: outcomes.labels.length, dropped };
    });
  }

  const notes = [...sides.reference.notes, ...sides.current.notes];
  for (const side of ['reference', 'current'] as const) {
    const { rows, dropped } = sides[side];
    if (dropped > 0) notes.push(`${side}: ${dropped} rows without a target or prediction/score were left out`);
    if (rows > BOOTSTRAP_MAX_ROWS) {
      notes.push(
        `${side}: bootstrap intervals come from a seeded ${BOOTSTRAP_MAX_ROWS}-row subsample of ${rows} rows (${options.bootstrapReplicates ?? DEFAULT_BOOTSTRAP_REPLICATES} replicates), half-widths scaled by √(${BOOTSTRAP_MAX_ROWS}/${rows})`,
      );
    }
  }
  const change: Record<string, number | null> = {};
  const degraded: string[] = [];
  for (const [name, now] of Object.entries(sides.current.metrics)) {
    const before = sides.reference.metrics[name];
    change[name] = before?.value == null || now.value === null ? null : now.value - before.value;
    if (before !== undefined && isDegraded(name, before, now)) degraded.push(name);
  }
  return {
    task,
    confidence: options.confidence,
    rows: { reference: sides.reference.rows, current: sides.current.rows },
    reference: sides.reference.metrics,
    current: sides.current.metrics,
    change,
    degraded,
    droppedRows: { reference: sides.reference.dropped, current: sides.current.dropped },
    notes,
  };
}

/**
 * True when the two intervals do not overlap and the current one lies on the worse side. Both sides' uncertainty
 * counts: comparing the current interval with the reference's point value alone flags about 8 % of same-distribution
 * pairs (and all correlated metrics at once); non-overlap of two 95 % intervals keeps false alarms well under 1 %.
 * A side without an interval falls back to its point value.
 * @example isDegraded('rmse', { value: 1, lower: 0.9, upper: 1.1, … }, { value: 2, lower: 1.5, upper: 2.5, interval: 'bootstrap' }); // true
 */
export function isDegraded(name: string, reference: MetricValue, current: MetricValue): boolean {
  const higherIsBetter = HIGHER_IS_BETTER[name];
  if (higherIsBetter === undefined || reference.value === null || current.value === null) return false;
  const referenceLower = reference.lower ?? reference.value;
  const referenceUpper = reference.upper ?? reference.value;
  const currentLower = current.lower ?? current.value;
  const currentUpper = current.upper ?? current.value;
  if (current.lower === null && reference.lower === null) return false;
  return higherIsBetter ? currentUpper < referenceLower : currentLower > referenceUpper;
}

/**
 * Why the target cannot support a performance section, or null when it can. The CLI treats a message as bad input
 * (exit 2). Reported: a side with no row that has both a target and a prediction/score, and a classification
 * target with a single class over both datasets (every class metric is then undefined or trivially 0 or 1). A
 * single class on one side only is not a problem: that side's rocAuc and averagePrecision are null with a note.
 * @example describeTargetProblem(reference, current, { target: 'churn', score: 'p' }); // 'target column "churn" has a single class ("no") in ref.csv and cur.csv; …'
 */
export function describeTargetProblem(reference: Dataset, current: Dataset, roles: ColumnRoles): string | null {
  const target = roles.target;
  if (target === undefined) return null;
  const columns = [reference, current].map((d) => d.columns.get(target));
  const [ref, cur] = columns;
  if (ref === undefined || cur === undefined) return null;
  const task = inferTask(ref, roles, cur);
  if (task !== 'regression') {
    const classes = new Set([...presentKeys(encodeLabels(ref)), ...presentKeys(encodeLabels(cur))]);
    if (classes.size === 0) return `target column "${target}" has no values in ${reference.source} or ${current.source}`;
    if (classes.size === 1) {
      return `target column "${target}" has a single class (${JSON.stringify([...classes][0])}) in ${reference.source} and ${current.source}; classification metrics need two classes`;
    }
  }
  for (const dataset of [reference, current]) {
    const column = dataset.columns.get(target)!;
    if (column.counts.rows > 0 && countPresent(column) === 0) return `target column "${target}" has no values in ${dataset.source}`;
  }
  return null;
}

function countPresent(column: Parameters<typeof encodeLabels>[0]): number {
  let present = 0;
  for (const code of encodeLabels(column).codes) if (code >= 0) present++;
  return present;
}
