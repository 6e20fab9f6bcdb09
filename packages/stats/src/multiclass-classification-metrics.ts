import { collectClasses, confusionMatrix, requirePairedLabels, type ClassLabel } from './confusion-matrix.js';

/** A metric averaged over classes in scikit-learn's three ways. */
export interface AveragedMetric {
  /** Unweighted mean over classes. */
  readonly macro: number;
  /** From the counts pooled over classes (for single-label data, micro precision = recall = F1 = accuracy). */
  readonly micro: number;
  /** Mean over classes weighted by each class's true count (support). */
  readonly weighted: number;
}

/** Precision, recall, F1 and support of one class (one-vs-rest). */
export interface ClassMetrics {
  readonly class: ClassLabel;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Number of samples whose true class is this one. */
  readonly support: number;
}

export interface MulticlassClassificationMetrics {
  readonly accuracy: number;
  readonly precision: AveragedMetric;
  readonly recall: AveragedMetric;
  readonly f1: AveragedMetric;
  /** The classes: the union of labels and predictions, sorted as scikit-learn's `unique_labels`. */
  readonly classes: ClassLabel[];
  /** Per-class metrics, in the order of `classes`. */
  readonly perClass: ClassMetrics[];
  /** Rows: true class; columns: predicted class; both in the order of `classes`. */
  readonly confusionMatrix: number[][];
}

/**
 * Accuracy and macro/micro/weighted precision, recall and F1 of `predictions` against `labels`, equal to
 * scikit-learn 1.2.1's `accuracy_score` and `precision_recall_fscore_support(average=…, zero_division=0)`:
 * the classes are the union of both inputs (a class only ever predicted counts in the macro mean with recall 0);
 * a ratio whose denominator is 0 is 0; F1 = 2PR/(P + R), 0 when P + R = 0. O(n + k²) for k classes.
 *
 * Throws a RangeError when the inputs are empty or differ in length, mix strings and numbers, or hold a
 * non-finite number.
 * @example multiclassClassificationMetrics(['a', 'b', 'c'], ['a', 'b', 'b']).f1.macro; // 0.5555555555555555
 */
export function multiclassClassificationMetrics(
  labels: ReadonlyArray<ClassLabel>,
  predictions: ReadonlyArray<ClassLabel>,
): MulticlassClassificationMetrics {
  const fn = 'multiclassClassificationMetrics';
  requirePairedLabels(fn, labels, predictions);
  const classes = collectClasses(fn, labels, predictions);
  const { matrix } = confusionMatrix(labels, predictions, { classes });
  const k = classes.length;
  const n = labels.length;
  const perClass: ClassMetrics[] = [];
  let correct = 0;
  const macro = { precision: 0, recall: 0, f1: 0 };
  const weighted = { precision: 0, recall: 0, f1: 0 };
  for (let c = 0; c < k; c++) {
    const row = matrix[c]!;
    const tp = row[c]!;
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < k; j++) {
      support += row[j]!;
      predicted += matrix[j]![c]!;
    }
    correct += tp;
    const precision = safeRatio(tp, predicted);
    const recall = safeRatio(tp, support);
    const f1 = fScore(precision, recall);
    perClass.push({ class: classes[c]!, precision, recall, f1, support });
    macro.precision += precision;
    macro.recall += recall;
    macro.f1 += f1;
    weighted.precision += precision * support;
    weighted.recall += recall * support;
    weighted.f1 += f1 * support;
  }
  // Single-label data: pooled tp = correct, pooled predicted = pooled support = n.
  const micro = correct / n;
  const microF1 = fScore(micro, micro);
  return {
    accuracy: correct / n,
    precision: { macro: macro.precision / k, micro, weighted: weighted.precision / n },
    recall: { macro: macro.recall / k, micro, weighted: weighted.recall / n },
    f1: { macro: macro.f1 / k, micro: microF1, weighted: weighted.f1 / n },
    classes,
    perClass,
    confusionMatrix: matrix,
  };
}

function safeRatio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function fScore(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
