import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Path of the reference values: BOTHUB_STATS_REFERENCE, or the project's shared file beside the repository. */
export function referenceFilePath(): string {
  return process.env.BOTHUB_STATS_REFERENCE ?? resolve(import.meta.dirname, '../../../../shared/reference/stats-reference.json');
}

/** The file parsed last, by path: each test file (one module instance per worker) reads and parses it once. */
let parsed: { readonly path: string; readonly content: Record<string, unknown> } | undefined;

/** The parsed reference file: one array of cases per section (one object for the Isolation Forest detection case). */
export function loadReferenceFile(): Record<string, unknown> {
  const path = referenceFilePath();
  if (parsed?.path !== path) parsed = { path, content: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> };
  return parsed.content;
}

/**
 * One section of the reference file, cast to the shape the caller names (the file is trusted test data, not validated).
 * Throws when the file has no such section, naming the file and the sections it has.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names the section's shape for the caller: a cast by design.
export function loadReferenceSection<T>(name: string): T {
  const file = loadReferenceFile();
  if (!Object.hasOwn(file, name) || file[name] === undefined || file[name] === null) {
    throw new Error(`reference file ${referenceFilePath()} has no section "${name}" (sections: ${Object.keys(file).join(', ')})`);
  }
  return file[name] as T;
}

/** A case of the `binary_classification` section: scikit-learn 1.2.1 metrics of labels 0/1 against scores in [0, 1]. */
export interface BinaryClassificationCase {
  readonly labels: number[];
  readonly scores: number[];
  readonly threshold: number;
  readonly rocAuc: number;
  readonly averagePrecision: number;
  readonly logLoss: number;
  readonly brier: number;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly confusionMatrix: number[][];
}

/** A case of the `regression` section: scikit-learn 1.2.1 errors and scipy 1.10.1 correlations of predictions against labels. */
export interface RegressionCase {
  readonly labels: number[];
  readonly predictions: number[];
  readonly mae: number;
  readonly rmse: number;
  readonly r2: number;
  readonly mape: number;
  readonly pearsonR: number;
  readonly pearsonPValue: number;
  readonly spearmanRho: number;
  readonly spearmanPValue: number;
}
