import type { EncodedLabels } from './encode-labels.js';

/** The two classes of a binary target: `positive` becomes 1, `negative` 0 (null when that class never occurs). */
export interface BinaryClasses {
  readonly positive: string | null;
  readonly negative: string | null;
}

const POSITIVE_SPELLINGS = ['1', 'true', 'yes'];
const TRUE_SPELLINGS = new Set(['1', '1.0', 'true', 'yes', 'y', 't']);
const FALSE_SPELLINGS = new Set(['0', '0.0', 'false', 'no', 'n', 'f']);

/**
 * Picks the positive class of a binary target from its classes (at most 2): the class spelled 1, true or yes
 * (any case); otherwise the larger number, or the later label in sorted order. A target with a single class
 * takes its other class from the prediction's classes when they hold one; a lone class spelled like false (0, no,
 * false) or any other lone class is negative unless it is spelled like true.
 * @example choosePositiveClass(['no', 'yes']); // { positive: 'yes', negative: 'no' }
 * @example choosePositiveClass(['2', '7']); // { positive: '7', negative: '2' }
 */
export function choosePositiveClass(targetClasses: readonly string[], predictionClasses: readonly string[] = []): BinaryClasses {
  let classes = [...new Set(targetClasses)];
  if (classes.length < 2) {
    for (const key of predictionClasses) if (!classes.includes(key) && classes.length < 2) classes.push(key);
  }
  if (classes.length > 2) throw new RangeError(`choosePositiveClass: a binary target has at most 2 classes, got ${classes.length}`);
  classes = sortClasses(classes);
  for (const spelling of POSITIVE_SPELLINGS) {
    const match = classes.find((c) => c.toLowerCase() === spelling);
    if (match !== undefined) return { positive: match, negative: classes.find((c) => c !== match) ?? null };
  }
  if (classes.length === 2) return { positive: classes[1]!, negative: classes[0]! };
  return { positive: null, negative: classes[0] ?? null };
}

/** Numbers ascending when every class is a number, else by string comparison. */
export function sortClasses(classes: readonly string[]): string[] {
  const numeric = classes.every((c) => c.trim() !== '' && Number.isFinite(Number(c)));
  return [...classes].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Maps a column's values to 0/1 (−1 missing) against the target's classes: a value spelled like a class takes its
 * class; otherwise a spelling of true (1, true, yes, y, t) matches a positive class spelled like true and a spelling
 * of false a negative class spelled like false (so a boolean prediction can be scored against a 0/1 target).
 * Throws a RangeError naming the column for any other value.
 * @example toBinaryCodes(encodeLabels(prediction), { positive: 'yes', negative: 'no' }, 'prediction "p"'); // Int8Array [1, 0, -1, …]
 */
export function toBinaryCodes(encoded: EncodedLabels, classes: BinaryClasses, what: string): Int8Array {
  const table = new Int8Array(encoded.keys.length);
  encoded.keys.forEach((key, code) => {
    table[code] = binaryValueOf(key, classes);
  });
  const out = new Int8Array(encoded.codes.length);
  // Unused dictionary entries must not throw: only map codes that occur.
  const checked = new Uint8Array(encoded.keys.length);
  for (let i = 0; i < encoded.codes.length; i++) {
    const code = encoded.codes[i]!;
    if (code < 0) {
      out[i] = -1;
      continue;
    }
    const value = table[code]!;
    if (value < 0 && checked[code] === 0) {
      checked[code] = 1;
      throw new RangeError(
        `${what} holds ${JSON.stringify(encoded.keys[code])}, which is not one of the target's classes (${describeClasses(classes)})`,
      );
    }
    out[i] = value;
  }
  return out;
}

function binaryValueOf(key: string, classes: BinaryClasses): number {
  if (key === classes.positive) return 1;
  if (key === classes.negative) return 0;
  const lower = key.toLowerCase();
  const positiveTrue = classes.positive !== null && TRUE_SPELLINGS.has(classes.positive.toLowerCase());
  const negativeFalse = classes.negative === null || FALSE_SPELLINGS.has(classes.negative.toLowerCase());
  if (TRUE_SPELLINGS.has(lower) && (positiveTrue || classes.positive === null)) return 1;
  if (FALSE_SPELLINGS.has(lower) && negativeFalse) return 0;
  // A single-class target: any other value is the missing class.
  if (classes.positive === null) return 1;
  if (classes.negative === null) return 0;
  return -1;
}

function describeClasses(classes: BinaryClasses): string {
  const parts: string[] = [];
  if (classes.negative !== null) parts.push(`${JSON.stringify(classes.negative)} = 0`);
  if (classes.positive !== null) parts.push(`${JSON.stringify(classes.positive)} = 1`);
  return parts.join(', ');
}
