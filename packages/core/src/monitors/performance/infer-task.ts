import type { DatasetColumn } from '../../dataset.js';
import type { Performance } from '../../report/report-schema.js';
import type { ColumnRoles } from '../../report-options.js';

export type PerformanceTask = Performance['task'];

/** A numeric target with more distinct values than this (or any non-integer value) is a regression target. */
export const MAX_CLASSES_OF_NUMERIC_TARGET = 10;

/**
 * The task a target implies, from its values in one or more datasets (pass the reference and current columns to
 * count classes over both):
 * - a categorical, text, id or boolean target is classification: binary with at most 2 distinct values, else multiclass;
 * - a numerical (or datetime) target with a non-integer value or more than 10 distinct values is regression,
 *   unless `roles.score` or `roles.scoreColumns` is given (class probabilities only make sense for classes);
 * - any other numeric target is classification: binary with at most 2 distinct values, else multiclass.
 * A single class counts as binary (its problems are reported by `describeTargetProblem`).
 * @example inferTask(referenceTarget, roles, currentTarget); // 'binary_classification'
 */
export function inferTask(target: DatasetColumn, roles: ColumnRoles, ...more: readonly DatasetColumn[]): PerformanceTask {
  const columns = [target, ...more];
  const hasScores = roles.score !== undefined || (roles.scoreColumns !== undefined && roles.scoreColumns.length > 0);
  const distinct = new Set<string>();
  const numbers = new Set<number>();
  let nonInteger = false;
  for (const column of columns) {
    const values = column.values;
    if (values.storage === 'embedding') {
      throw new RangeError(`target column "${column.name}" is an embedding column; a target must hold classes or numbers`);
    }
    if (values.storage === 'categorical') {
      for (const code of values.codes) if (code >= 0) distinct.add(values.dictionary[code]!);
      continue;
    }
    for (const v of values.values) {
      if (Number.isNaN(v)) continue;
      if (!Number.isInteger(v)) nonInteger = true;
      // Stop early: only "more than the class limit" matters for large regression targets.
      if (numbers.size <= MAX_CLASSES_OF_NUMERIC_TARGET) numbers.add(v);
      else if (nonInteger) break;
    }
  }
  for (const v of numbers) distinct.add(String(v));
  const numeric = columns.every((c) => c.type === 'numerical' || c.type === 'datetime');
  if (numeric && !hasScores && (nonInteger || distinct.size > MAX_CLASSES_OF_NUMERIC_TARGET)) return 'regression';
  return distinct.size <= 2 ? 'binary_classification' : 'multiclass_classification';
}
