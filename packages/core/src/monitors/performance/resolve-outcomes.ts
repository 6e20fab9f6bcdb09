import type { Dataset, DatasetColumn } from '../../dataset.js';
import type { ColumnRoles } from '../../report-options.js';
import type { BinaryOutcomes } from './binary-metrics-side.js';
import { encodeLabels, presentKeys } from './encode-labels.js';
import type { MulticlassOutcomes } from './multiclass-metrics-side.js';
import type { BinaryClasses } from './positive-class.js';
import { choosePositiveClass, sortClasses, toBinaryCodes } from './positive-class.js';
import type { RegressionOutcomes } from './regression-metrics-side.js';
import { gather } from './metric-bootstrap.js';

/** Outcomes of one side with the rows that had to be left out. */
export interface Resolved<T> {
  readonly outcomes: T;
  /** Rows without a target or without a prediction/score. */
  readonly dropped: number;
}

/**
 * A column named by a role, or a RangeError naming the role, the column and the dataset.
 * @example requireColumn(current, 'churn', '--target');
 */
export function requireColumn(dataset: Dataset, name: string, role: string): DatasetColumn {
  const column = dataset.columns.get(name);
  if (column === undefined) throw new RangeError(`column "${name}" (${role}) is not in ${dataset.source}`);
  return column;
}

/**
 * The two classes of a binary target over both datasets (the prediction's classes fill in a missing one).
 * @example binaryClassesOf(reference, current, roles); // { positive: 'yes', negative: 'no' }
 */
export function binaryClassesOf(reference: Dataset, current: Dataset, roles: ColumnRoles): BinaryClasses {
  const target = roles.target!;
  const targetKeys = new Set<string>();
  const predictionKeys = new Set<string>();
  for (const dataset of [reference, current]) {
    const column = dataset.columns.get(target);
    if (column !== undefined) for (const key of presentKeys(encodeLabels(column))) targetKeys.add(key);
    const prediction = roles.prediction === undefined ? undefined : dataset.columns.get(roles.prediction);
    if (prediction !== undefined) for (const key of presentKeys(encodeLabels(prediction))) predictionKeys.add(key);
  }
  if (targetKeys.size > 2) {
    throw new RangeError(`target column "${target}" has ${targetKeys.size} classes; a binary target has at most 2`);
  }
  return choosePositiveClass([...targetKeys], [...predictionKeys]);
}

/**
 * 0/1 labels, 0/1 predictions and (with a score) probabilities of one side, leaving out rows where any is missing.
 * Predictions come from the prediction column, else from score ≥ 0.5.
 * @example resolveBinaryOutcomes(current, roles, classes).outcomes.labels;
 */
export function resolveBinaryOutcomes(dataset: Dataset, roles: ColumnRoles, classes: BinaryClasses): Resolved<BinaryOutcomes> {
  const targetName = roles.target!;
  const target = requireColumn(dataset, targetName, '--target');
  const labels = toBinaryCodes(encodeLabels(target), classes, `target column "${targetName}" in ${dataset.source}`);
  const predicted =
    roles.prediction === undefined
      ? null
      : toBinaryCodes(
          encodeLabels(requireColumn(dataset, roles.prediction, '--prediction')),
          classes,
          `prediction column "${roles.prediction}" in ${dataset.source}`,
        );
  const scores = binaryScores(dataset, roles, classes);
  if (predicted === null && scores === null) {
    throw new RangeError('binary classification needs a prediction column (--prediction) or a score column (--score)');
  }
  const n = labels.length;
  const keep = keptRows(n, (i) => labels[i]! >= 0 && (predicted === null || predicted[i]! >= 0) && (scores === null || !Number.isNaN(scores[i]!)));
  const m = keep.length;
  const out = { labels: new Uint8Array(m), predictions: new Uint8Array(m), scores: scores === null ? null : new Float64Array(m) };
  for (let j = 0; j < m; j++) {
    const i = keep[j]!;
    out.labels[j] = labels[i]!;
    if (out.scores !== null) out.scores[j] = scores![i]!;
    out.predictions[j] = predicted !== null ? predicted[i]! : scores![i]! >= 0.5 ? 1 : 0;
  }
  return { outcomes: out, dropped: n - m };
}

/** The probability of the positive class per row (NaN missing), from --score or the matching --score-prefix column. */
function binaryScores(dataset: Dataset, roles: ColumnRoles, classes: BinaryClasses): Float64Array | null {
  if (roles.score !== undefined) return probabilityColumn(dataset, roles.score, '--score');
  const scoreColumns = roles.scoreColumns ?? [];
  if (scoreColumns.length === 0) return null;
  const known = [classes.positive, classes.negative].filter((c): c is string => c !== null);
  const owners = scoreColumns.map((name) => scoreColumnClass(name, scoreColumns, known));
  const positiveAt = owners.indexOf(classes.positive ?? '\u0000');
  if (positiveAt >= 0) return probabilityColumn(dataset, scoreColumns[positiveAt]!, '--score-prefix');
  const negativeAt = owners.indexOf(classes.negative ?? '\u0000');
  if (negativeAt >= 0) return probabilityColumn(dataset, scoreColumns[negativeAt]!, '--score-prefix').map((p) => 1 - p);
  throw new RangeError(
    `none of the score columns (${scoreColumns.join(', ')}) matches a class of target "${roles.target!}" (${known.join(', ')})`,
  );
}

/**
 * A numeric column of probabilities (NaN missing); a RangeError names the column for values outside [0, 1].
 * @example probabilityColumn(current, 'p_yes', '--score');
 */
export function probabilityColumn(dataset: Dataset, name: string, role: string): Float64Array {
  const column = requireColumn(dataset, name, role);
  if (column.values.storage !== 'numeric') {
    throw new RangeError(`score column "${name}" in ${dataset.source} is ${column.type}; a score must be a probability in [0, 1]`);
  }
  const values = column.values.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0 || v > 1) {
      throw new RangeError(`score column "${name}" in ${dataset.source} holds ${v} (row ${i + 1}); a score must be a probability in [0, 1]`);
    }
  }
  return values;
}

/**
 * The class a per-class score column stands for: the longest known class its name ends with, else the name
 * without the prefix all score columns share.
 * @example scoreColumnClass('p_b', ['p_a', 'p_b'], ['a', 'b']); // 'b'
 */
export function scoreColumnClass(name: string, allNames: readonly string[], classes: readonly string[]): string {
  let best: string | null = null;
  for (const c of classes) if (c !== '' && name.endsWith(c) && (best === null || c.length > best.length)) best = c;
  if (best !== null) return best;
  let prefix = allNames[0] ?? '';
  for (const other of allNames) while (!other.startsWith(prefix)) prefix = prefix.slice(0, -1);
  if (prefix.length === name.length) prefix = '';
  return name.slice(prefix.length);
}

/**
 * The sorted classes of a multiclass target over both datasets, with every class predicted (or scored) too.
 * @example multiclassClassesOf(reference, current, roles); // ['a', 'b', 'c']
 */
export function multiclassClassesOf(reference: Dataset, current: Dataset, roles: ColumnRoles): string[] {
  const keys = new Set<string>();
  for (const dataset of [reference, current]) {
    for (const name of [roles.target, roles.prediction]) {
      const column = name === undefined ? undefined : dataset.columns.get(name);
      if (column !== undefined) for (const key of presentKeys(encodeLabels(column))) keys.add(key);
    }
  }
  const targetKeys = [...keys];
  const scoreColumns = roles.scoreColumns ?? [];
  if (roles.prediction === undefined) for (const name of scoreColumns) keys.add(scoreColumnClass(name, scoreColumns, targetKeys));
  return sortClasses([...keys]);
}

/**
 * Class indices (into `classes`) of the target and the prediction of one side; the prediction is the prediction
 * column, else the class of the largest per-class score. Rows missing either are left out.
 * @example resolveMulticlassOutcomes(current, roles, ['a', 'b', 'c']).outcomes.predictions;
 */
export function resolveMulticlassOutcomes(dataset: Dataset, roles: ColumnRoles, classes: readonly string[]): Resolved<MulticlassOutcomes> {
  const index = new Map(classes.map((c, i) => [c, i]));
  const targetCodes = classCodes(requireColumn(dataset, roles.target!, '--target'), index);
  let predictionCodes: Int32Array;
  if (roles.prediction !== undefined) {
    predictionCodes = classCodes(requireColumn(dataset, roles.prediction, '--prediction'), index);
  } else {
    const scoreColumns = roles.scoreColumns ?? [];
    if (scoreColumns.length === 0) {
      throw new RangeError(
        `target "${roles.target!}" has ${classes.length} classes (multiclass): a single --score column is for binary classification; give --prediction or --score-prefix`,
      );
    }
    predictionCodes = argmaxCodes(dataset, scoreColumns, classes, index);
  }
  const keep = keptRows(targetCodes.length, (i) => targetCodes[i]! >= 0 && predictionCodes[i]! >= 0);
  const labels = gather(targetCodes, keep);
  const predictions = gather(predictionCodes, keep);
  return { outcomes: { labels, predictions, classes }, dropped: targetCodes.length - keep.length };
}

function classCodes(column: DatasetColumn, index: ReadonlyMap<string, number>): Int32Array {
  const encoded = encodeLabels(column);
  const table = Int32Array.from(encoded.keys, (key) => index.get(key) ?? -1);
  const out = new Int32Array(encoded.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = encoded.codes[i]!;
    out[i] = code < 0 ? -1 : table[code]!;
  }
  return out;
}

function argmaxCodes(dataset: Dataset, scoreColumns: readonly string[], classes: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  const columns = scoreColumns.map((name) => ({
    values: probabilityColumn(dataset, name, '--score-prefix'),
    code: index.get(scoreColumnClass(name, scoreColumns, classes))!,
  }));
  const n = columns[0]!.values.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const { values, code } of columns) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        best = -1;
        break;
      }
      if (v > bestScore) {
        bestScore = v;
        best = code;
      }
    }
    out[i] = best;
  }
  return out;
}

/**
 * Numeric target and prediction of one side for regression; rows missing either are left out.
 * @example resolveRegressionOutcomes(current, roles).outcomes.labels;
 */
export function resolveRegressionOutcomes(dataset: Dataset, roles: ColumnRoles): Resolved<RegressionOutcomes> {
  if (roles.prediction === undefined) throw new RangeError(`regression on target "${roles.target!}" needs a prediction column (--prediction)`);
  const target = numericValues(requireColumn(dataset, roles.target!, '--target'), dataset, 'target');
  const prediction = numericValues(requireColumn(dataset, roles.prediction, '--prediction'), dataset, 'prediction');
  const keep = keptRows(target.length, (i) => Number.isFinite(target[i]!) && Number.isFinite(prediction[i]!));
  return {
    outcomes: { labels: gather(target, keep), predictions: gather(prediction, keep) },
    dropped: target.length - keep.length,
  };
}

function numericValues(column: DatasetColumn, dataset: Dataset, role: string): Float64Array {
  if (column.values.storage !== 'numeric') {
    throw new RangeError(`${role} column "${column.name}" in ${dataset.source} is ${column.type}; regression needs numbers`);
  }
  return column.values.values;
}

/**
 * The rows (ascending) for which `kept` holds.
 * @example keptRows(4, (i) => i % 2 === 0); // Int32Array [0, 2]
 */
export function keptRows(n: number, kept: (row: number) => boolean): Int32Array {
  const rows = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (kept(i)) rows[m++] = i;
  return rows.subarray(0, m);
}
