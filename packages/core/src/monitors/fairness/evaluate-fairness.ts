import { fairnessMetrics } from '@bothub/stats';
import type { FairnessValue, OutcomeRates } from '@bothub/stats';
import type { Dataset, DatasetColumn } from '../../dataset.js';
import type { Fairness, FairnessSide, MetricValue } from '../../report/report-schema.js';
import type { ColumnRoles } from '../../report-options.js';
import { wilsonMetric } from '../performance/binary-metrics-side.js';
import { encodeLabels, presentKeys } from '../performance/encode-labels.js';
import type { BootstrappedMetric } from '../performance/metric-bootstrap.js';
import { bootstrapMetrics, gather } from '../performance/metric-bootstrap.js';
import { pointMetric } from '../performance/metric-value.js';
import type { BinaryClasses } from '../performance/positive-class.js';
import { choosePositiveClass, toBinaryCodes } from '../performance/positive-class.js';
import { binaryClassesOf, keptRows, probabilityColumn, requireColumn } from '../performance/resolve-outcomes.js';

export interface FairnessOptions {
  /** Confidence level of every interval, in (0, 1). */
  readonly confidence: number;
  /** Seed of the bootstraps: the reference side uses `seed`, the current side `seed + 1`. */
  readonly seed: number;
  /** Smallest group whose rates are reported; default 30. */
  readonly minGroupSize?: number;
  /** Bootstrap replicates per metric; default 200. */
  readonly bootstrapReplicates?: number;
}

/** The lower bound of the four-fifths rule; its reverse (favouring the unprivileged groups) is 1 / 0.8 = 1.25. */
export const FOUR_FIFTHS = 0.8;

const HEADLINE = ['disparateImpact', 'statisticalParityDifference', 'equalOpportunityDifference', 'averageOddsDifference'] as const;
type Headline = (typeof HEADLINE)[number];

/**
 * Group fairness of the model's predictions for the protected column (`roles.protected`), on each side: AIF360's
 * disparate impact, statistical parity difference, equal opportunity difference and average odds difference of the
 * privileged group against all other groups pooled (`fairnessMetrics`), each with a seeded bootstrap interval
 * (200 replicates; above 20,000 rows on a 20,000-row subsample with half-widths scaled by √(m/n), as
 * `bootstrapMetrics`); per group the selection rate, true-positive rate and false-positive rate with Wilson
 * intervals; and the four-fifths rule: passed when 0.8 ≤ disparate impact ≤ 1.25 (the upper bound is the same rule
 * read the other way, the privileged group selected at less than four fifths of the others' rate).
 *
 * The favourable outcome is the positive class (see `choosePositiveClass`); predictions are the prediction column,
 * else score ≥ 0.5. Rows missing the group, the prediction or (when there is a target) the label are left out.
 * Without a target the current side keeps the selection rates and disparate impact / parity difference, and the
 * rate metrics that need labels are listed as insufficient; the reference side is null when it has no labels.
 * Groups under `minGroupSize` rows get null rates and an entry in `insufficient`.
 *
 * Null without `roles.protected`. Throws a RangeError (naming the column) without a prediction or score, or when
 * the privileged value occurs in neither dataset.
 * @example
 * const fairness = evaluateFairness(reference, current, { target: 'y', prediction: 'p', protected: { column: 'sex', privileged: 'male' } }, { confidence: 0.95, seed: 42 });
 * fairness?.current.fourFifthsRule.passed; // false
 */
export function evaluateFairness(reference: Dataset, current: Dataset, roles: ColumnRoles, options: FairnessOptions): Fairness | null {
  const protectedRole = roles.protected;
  if (protectedRole === undefined) return null;
  const minGroupSize = options.minGroupSize ?? 30;
  if (roles.prediction === undefined && roles.score === undefined) {
    throw new RangeError(`fairness on column "${protectedRole.column}" (--protected) needs a prediction column (--prediction) or a score column (--score)`);
  }
  const classes = fairnessClasses(reference, current, roles);
  const privileged = [reference, current].map((d) => matchPrivileged(requireColumn(d, protectedRole.column, '--protected'), protectedRole.privileged));
  if (privileged.every((p) => p === null)) {
    const values = new Set([reference, current].flatMap((d) => presentKeys(encodeLabels(d.columns.get(protectedRole.column)!))));
    throw new RangeError(
      `protected column "${protectedRole.column}" never holds the privileged value ${JSON.stringify(protectedRole.privileged)} (values: ${[...values].slice(0, 10).join(', ')})`,
    );
  }
  const sideOf = (dataset: Dataset, index: 0 | 1): FairnessSide | null => {
    const rows = fairnessRows(dataset, roles, classes);
    if (index === 0 && rows.labels === null) return null;
    return fairnessSide(rows, privileged[index] ?? protectedRole.privileged, {
      confidence: options.confidence,
      seed: options.seed + index,
      minGroupSize,
      ...(options.bootstrapReplicates === undefined ? {} : { replicates: options.bootstrapReplicates }),
    });
  };
  return {
    column: protectedRole.column,
    privileged: protectedRole.privileged,
    minGroupSize,
    reference: sideOf(reference, 0),
    current: sideOf(current, 1)!,
  };
}

/** The rows of one side that fairness uses. */
interface FairnessRows {
  readonly groups: string[];
  /** 0/1 labels, or null when the side has no target values. */
  readonly labels: Uint8Array | null;
  readonly predictions: Uint8Array;
}

function fairnessClasses(reference: Dataset, current: Dataset, roles: ColumnRoles): BinaryClasses {
  if (roles.target !== undefined) {
    try {
      return binaryClassesOf(reference, current, roles);
    } catch (error) {
      if (error instanceof RangeError) throw new RangeError(`fairness metrics need a binary outcome: ${error.message}`, { cause: error });
      throw error;
    }
  }
  const keys = new Set<string>();
  if (roles.prediction !== undefined) {
    for (const d of [reference, current]) for (const key of presentKeys(encodeLabels(requireColumn(d, roles.prediction, '--prediction')))) keys.add(key);
  }
  if (keys.size > 2) throw new RangeError(`fairness metrics need a binary outcome: prediction column "${roles.prediction!}" has ${keys.size} classes`);
  return choosePositiveClass([...keys]);
}

/** The dataset's spelling of the privileged value: exact, else ignoring case and surrounding spaces. */
function matchPrivileged(column: DatasetColumn, privileged: string): string | null {
  const keys = presentKeys(encodeLabels(column));
  if (keys.includes(privileged)) return privileged;
  const wanted = privileged.trim().toLowerCase();
  return keys.find((k) => k.trim().toLowerCase() === wanted) ?? null;
}

function fairnessRows(dataset: Dataset, roles: ColumnRoles, classes: BinaryClasses): FairnessRows {
  const protectedName = roles.protected!.column;
  const group = encodeLabels(requireColumn(dataset, protectedName, '--protected'));
  const target = roles.target === undefined ? undefined : requireColumn(dataset, roles.target, '--target');
  let labels = target === undefined ? null : toBinaryCodes(encodeLabels(target), classes, `target column "${target.name}" in ${dataset.source}`);
  if (labels !== null && !labels.some((v) => v >= 0)) labels = null;
  const predicted =
    roles.prediction !== undefined
      ? toBinaryCodes(
          encodeLabels(requireColumn(dataset, roles.prediction, '--prediction')),
          classes,
          `prediction column "${roles.prediction}" in ${dataset.source}`,
        )
      : Int8Array.from(probabilityColumn(dataset, roles.score!, '--score'), (p) => (Number.isNaN(p) ? -1 : p >= 0.5 ? 1 : 0));
  const keep = keptRows(group.codes.length, (i) => group.codes[i]! >= 0 && predicted[i]! >= 0 && (labels === null || labels[i]! >= 0));
  const groups = new Array<string>(keep.length);
  const keptLabels = labels === null ? null : new Uint8Array(keep.length);
  const predictions = new Uint8Array(keep.length);
  for (let j = 0; j < keep.length; j++) {
    const i = keep[j]!;
    groups[j] = group.keys[group.codes[i]!]!;
    if (keptLabels !== null) keptLabels[j] = labels![i]!;
    predictions[j] = predicted[i]!;
  }
  return { groups, labels: keptLabels, predictions };
}

interface SideOptions {
  readonly confidence: number;
  readonly seed: number;
  readonly minGroupSize: number;
  readonly replicates?: number;
}

function fairnessSide(rows: FairnessRows, privileged: string, options: SideOptions): FairnessSide {
  const { confidence, minGroupSize } = options;
  const n = rows.groups.length;
  const insufficient: string[] = [];
  const noLabels = rows.labels === null;
  if (noLabels) insufficient.push('equalOpportunityDifference, averageOddsDifference, truePositiveRate, falsePositiveRate: no target values, so rates among actual positives and negatives are unknown');
  const privilegedRows = rows.groups.reduce((count, g) => count + (g === privileged ? 1 : 0), 0);
  if (privilegedRows === 0) {
    insufficient.push(`every metric: no row of the privileged group ${JSON.stringify(privileged)} on this side`);
    return {
      disparateImpact: pointMetric(null),
      statisticalParityDifference: pointMetric(null),
      equalOpportunityDifference: pointMetric(null),
      averageOddsDifference: pointMetric(null),
      groups: [],
      fourFifthsRule: { passed: null, message: `No row of the privileged group ${JSON.stringify(privileged)}: the four-fifths rule cannot be checked.` },
      insufficient,
    };
  }
  const labels = rows.labels ?? new Uint8Array(n);
  const result = fairnessMetrics({ groups: rows.groups, labels, predictions: rows.predictions, privileged, minGroupSize });

  // Per-row flags for the bootstrap: bit 0 privileged, bit 1 label, bit 2 prediction.
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) flags[i] = (rows.groups[i] === privileged ? 1 : 0) | (labels[i]! << 1) | (rows.predictions[i]! << 2);
  const bootstrapped: BootstrappedMetric[] = [];
  for (const name of HEADLINE) {
    const value = result[name];
    if (noLabels && (name === 'equalOpportunityDifference' || name === 'averageOddsDifference')) continue;
    if (value.status !== 'ok') {
      insufficient.push(`${name}: ${value.reason}`);
      continue;
    }
    bootstrapped.push({
      name,
      estimate: value.value,
      bounds: name === 'disparateImpact' ? [0, Number.POSITIVE_INFINITY] : [-1, 1],
      prepare: (baseRows) => {
        const local = gather(flags, baseRows);
        return (positions) => headlineOf(name, local, positions);
      },
    });
  }
  const intervals = bootstrapMetrics(bootstrapped, {
    rows: n,
    confidence,
    seed: options.seed,
    ...(options.replicates === undefined ? {} : { replicates: options.replicates }),
  });
  const headline = {} as Record<Headline, MetricValue>;
  for (const name of HEADLINE) headline[name] = intervals[name] ?? pointMetric(null);

  const groups = [...result.groups]
    .sort((a, b) => (a.group === privileged ? -1 : b.group === privileged ? 1 : b.count - a.count || String(a.group).localeCompare(String(b.group))))
    .map((g) => {
      if (g.count < minGroupSize) insufficient.push(`group ${JSON.stringify(g.group)}: ${g.count} rows, fewer than minGroupSize (${minGroupSize})`);
      return {
        group: String(g.group),
        count: g.count,
        selectionRate: rateMetric(g.selectionRate, g.predictedPositives, g.count, confidence),
        truePositiveRate: noLabels ? pointMetric(null) : rateMetric(g.truePositiveRate, g.truePositives, g.actualPositives, confidence),
        falsePositiveRate: noLabels ? pointMetric(null) : rateMetric(g.falsePositiveRate, g.falsePositives, g.actualNegatives, confidence),
      };
    });
  return { ...headline, groups, fourFifthsRule: fourFifthsRule(result.disparateImpact, result.privileged, result.unprivileged), insufficient };
}

function rateMetric(rate: FairnessValue, successes: number, trials: number, confidence: number): MetricValue {
  return rate.status === 'ok' && trials > 0 ? wilsonMetric(successes, trials, confidence) : pointMetric(null);
}

/** A headline metric on a multiset of rows (NaN where a rate is undefined), as `fairnessMetrics` forms it. */
function headlineOf(name: Headline, flags: Uint8Array, indices: Int32Array): number {
  // counts[privileged][label][prediction]
  const c = new Float64Array(8);
  for (let i = 0; i < indices.length; i++) c[flags[indices[i]!]!]!++;
  const at = (priv: number, label: number, prediction: number): number => c[priv | (label << 1) | (prediction << 2)]!;
  const rates = (priv: number) => {
    const count = at(priv, 0, 0) + at(priv, 0, 1) + at(priv, 1, 0) + at(priv, 1, 1);
    const positives = at(priv, 1, 0) + at(priv, 1, 1);
    const negatives = at(priv, 0, 0) + at(priv, 0, 1);
    return {
      selection: (at(priv, 0, 1) + at(priv, 1, 1)) / count,
      tpr: at(priv, 1, 1) / positives,
      fpr: at(priv, 0, 1) / negatives,
    };
  };
  const p = rates(1);
  const u = rates(0);
  switch (name) {
    case 'disparateImpact':
      return p.selection === 0 ? Number.NaN : u.selection / p.selection;
    case 'statisticalParityDifference':
      return u.selection - p.selection;
    case 'equalOpportunityDifference':
      return u.tpr - p.tpr;
    case 'averageOddsDifference':
      return 0.5 * (u.fpr - p.fpr + (u.tpr - p.tpr));
  }
}

function fourFifthsRule(disparateImpact: FairnessValue, privileged: OutcomeRates, unprivileged: OutcomeRates): FairnessSide['fourFifthsRule'] {
  if (disparateImpact.status !== 'ok') {
    return { passed: null, message: `Not checked: ${disparateImpact.reason}.` };
  }
  const di = disparateImpact.value;
  const rates = `selection rate ${percent(unprivileged.predictedPositives / unprivileged.count)} for the other groups vs ${percent(privileged.predictedPositives / privileged.count)} for the privileged group`;
  if (di < FOUR_FIFTHS) return { passed: false, message: `Fails: disparate impact ${di.toFixed(3)} < 0.8 (${rates}).` };
  if (di > 1 / FOUR_FIFTHS) return { passed: false, message: `Fails in reverse: disparate impact ${di.toFixed(3)} > 1.25, the privileged group is disadvantaged (${rates}).` };
  return { passed: true, message: `Passes: disparate impact ${di.toFixed(3)} is within [0.8, 1.25] (${rates}).` };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
