/** Numbers as plain arrays or typed arrays: every statistic accepts both. */
export type NumericSample = ArrayLike<number>;

/**
 * Throws a RangeError naming the function and the field when a sample is shorter than `minLength`
 * or holds NaN or ±Infinity.
 * @example requireFiniteSample('ksTest', 'reference', [1, 2, 3]);
 */
export function requireFiniteSample(fn: string, name: string, values: NumericSample, minLength = 1): void {
  if (values.length < minLength) {
    throw new RangeError(
      minLength === 1
        ? `${fn}: ${name} must not be empty`
        : `${fn}: ${name} needs at least ${minLength} values, got ${values.length}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] is ${String(v)}; only finite numbers are allowed`);
    }
  }
}

/** Throws a RangeError when two paired inputs differ in length. */
export function requireSameLength(fn: string, nameA: string, a: ArrayLike<unknown>, nameB: string, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new RangeError(`${fn}: ${nameA} has ${a.length} values but ${nameB} has ${b.length}; they must be paired`);
  }
}

/** Throws a RangeError unless `value` is an integer in [min, max]. */
export function requireInteger(fn: string, name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${fn}: ${name} must be an integer ${range}, got ${String(value)}`);
  }
}

/** Throws a RangeError unless `value` is a finite number strictly inside (min, max) or, with `inclusive`, in [min, max]. */
export function requireInRange(fn: string, name: string, value: number, min: number, max: number, inclusive = false): void {
  const ok = Number.isFinite(value) && (inclusive ? value >= min && value <= max : value > min && value < max);
  if (!ok) {
    const range = inclusive ? `[${min}, ${max}]` : `(${min}, ${max})`;
    throw new RangeError(`${fn}: ${name} must be in ${range}, got ${String(value)}`);
  }
}

/** Throws a RangeError unless every value is a finite number ≥ 0 (counts, weights, probabilities). */
export function requireNonNegative(fn: string, name: string, values: NumericSample): void {
  requireFiniteSample(fn, name, values);
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < 0) throw new RangeError(`${fn}: ${name}[${i}] is ${values[i]!}; negative values are not allowed`);
  }
}
