import { requireInteger, requireSameLength } from './validate-input.js';

/**
 * A metric that may be missing. Read `status` (or test `value !== null`) before using `value`: when the data cannot
 * support the metric the value is `null`, never a number, and `reason` says why.
 */
export type FairnessValue =
  | { readonly status: 'ok'; readonly value: number }
  | { readonly status: 'insufficient_data'; readonly value: null; readonly reason: string };

/** Confusion counts and rates of a set of rows (one group, or all unprivileged groups pooled). */
export interface OutcomeRates {
  /** Rows. */
  readonly count: number;
  /** Rows with label 1. */
  readonly actualPositives: number;
  /** Rows with label 0. */
  readonly actualNegatives: number;
  /** Rows with prediction 1. */
  readonly predictedPositives: number;
  /** Rows with label 1 and prediction 1. */
  readonly truePositives: number;
  /** Rows with label 0 and prediction 1. */
  readonly falsePositives: number;
  /** P(ŷ = 1) = predictedPositives / count. */
  readonly selectionRate: FairnessValue;
  /** P(ŷ = 1 | y = 1) = truePositives / actualPositives. */
  readonly truePositiveRate: FairnessValue;
  /** P(ŷ = 1 | y = 0) = falsePositives / actualNegatives. */
  readonly falsePositiveRate: FairnessValue;
}

/** The counts and rates of one group. */
export interface GroupOutcomeRates extends OutcomeRates {
  readonly group: string | number;
}

export interface FairnessMetricsInput {
  /** The protected attribute of each row (strings or finite numbers; `1` and `'1'` are different groups). */
  readonly groups: ReadonlyArray<string | number>;
  /** True outcomes, 0 or 1 (1 is the favourable outcome). */
  readonly labels: ArrayLike<number>;
  /** Predicted outcomes, 0 or 1 (1 is the favourable outcome). */
  readonly predictions: ArrayLike<number>;
  /** The privileged group; every other group together forms the unprivileged group. */
  readonly privileged: string | number;
  /** Smallest number of rows a group needs before its rates are reported; default 30. */
  readonly minGroupSize?: number;
}

export interface FairnessMetrics {
  /** P(ŷ=1 | unprivileged) / P(ŷ=1 | privileged); 1 is parity, AIF360's "four-fifths rule" flags < 0.8. */
  readonly disparateImpact: FairnessValue;
  /** P(ŷ=1 | unprivileged) − P(ŷ=1 | privileged); 0 is parity. */
  readonly statisticalParityDifference: FairnessValue;
  /** TPR(unprivileged) − TPR(privileged); 0 is parity. */
  readonly equalOpportunityDifference: FairnessValue;
  /** ½[(FPR(unpriv) − FPR(priv)) + (TPR(unpriv) − TPR(priv))]; 0 is parity. */
  readonly averageOddsDifference: FairnessValue;
  readonly privileged: GroupOutcomeRates;
  /** All non-privileged rows pooled. */
  readonly unprivileged: OutcomeRates;
  /** The groups that make up the unprivileged side, in order of first appearance. */
  readonly unprivilegedGroups: ReadonlyArray<string | number>;
  /** Every group, in order of first appearance, with its own rates. */
  readonly groups: readonly GroupOutcomeRates[];
  readonly minGroupSize: number;
}

interface Counts {
  count: number;
  actualPositives: number;
  predictedPositives: number;
  truePositives: number;
  falsePositives: number;
}

const ok = (value: number): FairnessValue => ({ status: 'ok', value });
const insufficient = (reason: string): FairnessValue => ({ status: 'insufficient_data', value: null, reason });

/**
 * Group fairness of binary predictions, with the AIF360 definitions (`ClassificationMetric.disparate_impact`,
 * `statistical_parity_difference`, `equal_opportunity_difference`, `average_odds_difference`; favourable outcome
 * 1), comparing the privileged group with all other rows pooled, plus per-group selection rate, TPR and FPR.
 *
 * A rate is `insufficient_data` (value `null`) when its group has fewer than `minGroupSize` rows (default 30:
 * below that a rate moves by more than 3 percentage points per row) or its denominator is 0 (no actual positives
 * for TPR, no actual negatives for FPR). A comparison metric is `insufficient_data` when a rate it needs is, and
 * disparate impact also when the privileged selection rate is 0 (the ratio would be infinite or 0/0).
 * One pass over the rows: O(n).
 *
 * Throws a RangeError on mismatched lengths, labels or predictions other than 0/1, group values that are not
 * strings or finite numbers, a privileged group absent from `groups`, or minGroupSize not an integer ≥ 1.
 * @example
 * const r = fairnessMetrics({ groups, labels, predictions, privileged: 'a' });
 * if (r.disparateImpact.status === 'ok' && r.disparateImpact.value < 0.8) flag();
 */
export function fairnessMetrics(input: FairnessMetricsInput): FairnessMetrics {
  const fn = 'fairnessMetrics';
  const { groups, labels, predictions, privileged } = input;
  const minGroupSize = input.minGroupSize ?? 30;
  requireSameLength(fn, 'groups', groups, 'labels', labels);
  requireSameLength(fn, 'groups', groups, 'predictions', predictions);
  requireInteger(fn, 'minGroupSize', minGroupSize, 1);
  if (groups.length === 0) throw new RangeError(`${fn}: groups must not be empty`);
  requireGroupValue(fn, 'privileged', privileged);

  const byGroup = new Map<string | number, Counts>();
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const label = labels[i];
    const prediction = predictions[i];
    if (label !== 0 && label !== 1) throw new RangeError(`${fn}: labels[${i}] is ${String(label)}; labels must be 0 or 1`);
    if (prediction !== 0 && prediction !== 1) {
      throw new RangeError(`${fn}: predictions[${i}] is ${String(prediction)}; predictions must be 0 or 1`);
    }
    let counts = byGroup.get(group);
    if (counts === undefined) {
      requireGroupValue(fn, `groups[${i}]`, group);
      counts = { count: 0, actualPositives: 0, predictedPositives: 0, truePositives: 0, falsePositives: 0 };
      byGroup.set(group, counts);
    }
    counts.count++;
    counts.actualPositives += label;
    counts.predictedPositives += prediction;
    if (prediction === 1) {
      if (label === 1) counts.truePositives++;
      else counts.falsePositives++;
    }
  }
  const privilegedCounts = byGroup.get(privileged);
  if (privilegedCounts === undefined) {
    throw new RangeError(`${fn}: privileged group ${JSON.stringify(privileged)} does not occur in groups`);
  }

  const pooled: Counts = { count: 0, actualPositives: 0, predictedPositives: 0, truePositives: 0, falsePositives: 0 };
  const unprivilegedGroups: Array<string | number> = [];
  const groupRates: GroupOutcomeRates[] = [];
  for (const [group, counts] of byGroup) {
    groupRates.push({ group, ...ratesOf(counts, `group ${JSON.stringify(group)}`, minGroupSize) });
    if (group === privileged) continue;
    unprivilegedGroups.push(group);
    pooled.count += counts.count;
    pooled.actualPositives += counts.actualPositives;
    pooled.predictedPositives += counts.predictedPositives;
    pooled.truePositives += counts.truePositives;
    pooled.falsePositives += counts.falsePositives;
  }
  const priv: GroupOutcomeRates = { group: privileged, ...ratesOf(privilegedCounts, 'the privileged group', minGroupSize) };
  const unpriv = ratesOf(pooled, 'the unprivileged group', minGroupSize);

  const statisticalParityDifference = combine([unpriv.selectionRate, priv.selectionRate], (v) => v[0]! - v[1]!);
  let disparateImpact: FairnessValue;
  if (priv.selectionRate.status === 'ok' && priv.selectionRate.value === 0) {
    disparateImpact = insufficient('the privileged group has no favourable predictions (selection rate 0), so the ratio is undefined');
  } else {
    disparateImpact = combine([unpriv.selectionRate, priv.selectionRate], (v) => v[0]! / v[1]!);
  }
  const equalOpportunityDifference = combine([unpriv.truePositiveRate, priv.truePositiveRate], (v) => v[0]! - v[1]!);
  const averageOddsDifference = combine(
    [unpriv.falsePositiveRate, priv.falsePositiveRate, unpriv.truePositiveRate, priv.truePositiveRate],
    (v) => 0.5 * (v[0]! - v[1]! + (v[2]! - v[3]!)),
  );

  return {
    disparateImpact,
    statisticalParityDifference,
    equalOpportunityDifference,
    averageOddsDifference,
    privileged: priv,
    unprivileged: unpriv,
    unprivilegedGroups,
    groups: groupRates,
    minGroupSize,
  };
}

function requireGroupValue(fn: string, name: string, value: unknown): void {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return;
  throw new RangeError(`${fn}: ${name} is ${String(value)}; groups must be strings or finite numbers`);
}

function ratesOf(counts: Counts, who: string, minGroupSize: number): OutcomeRates {
  const actualNegatives = counts.count - counts.actualPositives;
  const small =
    counts.count < minGroupSize ? `${who} has ${counts.count} rows; at least ${minGroupSize} (minGroupSize) are needed` : null;
  const rate = (numerator: number, denominator: number, empty: string): FairnessValue => {
    if (small !== null) return insufficient(small);
    if (denominator === 0) return insufficient(`${who} has ${empty}`);
    return ok(numerator / denominator);
  };
  return {
    count: counts.count,
    actualPositives: counts.actualPositives,
    actualNegatives,
    predictedPositives: counts.predictedPositives,
    truePositives: counts.truePositives,
    falsePositives: counts.falsePositives,
    selectionRate: rate(counts.predictedPositives, counts.count, 'no rows'),
    truePositiveRate: rate(counts.truePositives, counts.actualPositives, 'no actual positives (label 1), so its TPR is undefined'),
    falsePositiveRate: rate(counts.falsePositives, actualNegatives, 'no actual negatives (label 0), so its FPR is undefined'),
  };
}

/** Applies `compute` to the values when every part is available; otherwise passes on the first part's reason. */
function combine(parts: readonly FairnessValue[], compute: (values: readonly number[]) => number): FairnessValue {
  const values: number[] = [];
  for (const part of parts) {
    if (part.status !== 'ok') return part;
    values.push(part.value);
  }
  return ok(compute(values));
}
