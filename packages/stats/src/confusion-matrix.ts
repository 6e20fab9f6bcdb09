/** A class label: string or number (one kind per call, as scikit-learn requires). */
export type ClassLabel = string | number;

/** A confusion matrix with its class order. */
export interface ConfusionMatrixResult {
  /** Classes in the order of the rows and columns. */
  readonly classes: ClassLabel[];
  /** matrix[i][j] = number of samples whose true class is classes[i] and predicted class is classes[j]. */
  readonly matrix: number[][];
}

/**
 * The confusion matrix of `sklearn.metrics.confusion_matrix(labels, predictions, labels=classes)`: rows are true
 * classes, columns predicted classes. Without `options.classes` the classes are the union of both inputs,
 * sorted as scikit-learn's `unique_labels` sorts them (numbers ascending, strings by Unicode code point).
 * For 0/1 inputs with both classes present, matrix is [[tn, fp], [fn, tp]]. O(n + k²).
 *
 * Throws a RangeError when the inputs are empty or differ in length, mix strings and numbers, hold a non-finite
 * number, or (with `options.classes`) hold a value not listed or list a class twice.
 * @example confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]); // { classes: [0, 1], matrix: [[2, 0], [1, 1]] }
 */
export function confusionMatrix(
  labels: ArrayLike<ClassLabel>,
  predictions: ArrayLike<ClassLabel>,
  options: { readonly classes?: readonly ClassLabel[] } = {},
): ConfusionMatrixResult {
  const fn = 'confusionMatrix';
  requirePairedLabels(fn, labels, predictions);
  let classes: ClassLabel[];
  if (options.classes === undefined) {
    classes = collectClasses(fn, labels, predictions);
  } else {
    classes = [...options.classes];
    if (classes.length === 0) throw new RangeError(`${fn}: options.classes must not be empty`);
    requireOneLabelKind(fn, 'options.classes', classes, typeof classes[0]);
  }
  const index = new Map<ClassLabel, number>();
  classes.forEach((c, i) => {
    if (index.has(c)) throw new RangeError(`${fn}: options.classes lists ${JSON.stringify(c)} twice`);
    index.set(c, i);
  });
  const k = classes.length;
  const counts = new Float64Array(k * k);
  for (let i = 0; i < labels.length; i++) {
    const t = index.get(labels[i]!);
    const p = index.get(predictions[i]!);
    if (t === undefined) throw new RangeError(`${fn}: labels[${i}] is ${JSON.stringify(labels[i])}, not one of options.classes`);
    if (p === undefined) {
      throw new RangeError(`${fn}: predictions[${i}] is ${JSON.stringify(predictions[i])}, not one of options.classes`);
    }
    counts[t * k + p]!++;
  }
  const matrix: number[][] = [];
  for (let r = 0; r < k; r++) matrix.push(Array.from(counts.subarray(r * k, r * k + k)));
  return { classes, matrix };
}

/**
 * The sorted union of the classes in `labels` and `predictions` (scikit-learn's `unique_labels` order:
 * numbers ascending, strings by Unicode code point). Throws a RangeError on mixed kinds or non-finite numbers.
 * @example collectClasses('f1', ['b', 'a'], ['c', 'a']); // ['a', 'b', 'c']
 */
export function collectClasses(fn: string, labels: ArrayLike<ClassLabel>, predictions: ArrayLike<ClassLabel>): ClassLabel[] {
  const kind = labels.length > 0 ? typeof labels[0] : typeof predictions[0];
  requireOneLabelKind(fn, 'labels', labels, kind);
  requireOneLabelKind(fn, 'predictions', predictions, kind);
  const seen = new Set<ClassLabel>();
  for (let i = 0; i < labels.length; i++) seen.add(labels[i]!);
  for (let i = 0; i < predictions.length; i++) seen.add(predictions[i]!);
  const classes = [...seen];
  if (kind === 'number') (classes as number[]).sort((a, b) => a - b);
  else (classes as string[]).sort(compareCodePoints);
  return classes;
}

/**
 * Throws a RangeError unless every label is exactly 0 or 1.
 * @example requireBinaryLabels('rocAuc', 'labels', [0, 1, 1]);
 */
export function requireBinaryLabels(fn: string, name: string, labels: ArrayLike<number>): void {
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: ${name}[${i}] is ${String(v)}; labels must be 0 or 1`);
  }
}

/**
 * Throws a RangeError when label arrays are empty or differ in length.
 * @example requirePairedLabels('f1', ['a', 'b'], ['a', 'a']);
 */
export function requirePairedLabels(fn: string, labels: ArrayLike<unknown>, predictions: ArrayLike<unknown>): void {
  if (labels.length === 0) throw new RangeError(`${fn}: labels must not be empty`);
  if (labels.length !== predictions.length) {
    throw new RangeError(
      `${fn}: labels has ${labels.length} values but predictions has ${predictions.length}; they must be paired`,
    );
  }
}

function requireOneLabelKind(fn: string, name: string, values: ArrayLike<ClassLabel>, kind: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new RangeError(`${fn}: ${name}[${i}] is ${String(v)}; class labels must be strings or numbers`);
    }
    if (typeof v !== kind) {
      throw new RangeError(`${fn}: ${name}[${i}] is a ${typeof v} but earlier labels are ${kind}s; do not mix strings and numbers`);
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] is ${String(v)}; only finite numbers are allowed`);
    }
  }
}

// Python orders strings by code point; JavaScript's < by UTF-16 code unit. They differ only between surrogates
// (U+D800–DFFF, astral characters) and U+E000–FFFF, so shift those ranges before comparing.
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

function codeUnitRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
