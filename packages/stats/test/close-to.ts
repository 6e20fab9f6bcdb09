import { expect } from 'vitest';

/** The issue's tolerances: metrics to 1e-9 relative, p-values to 1e-6 relative; absolute 1e-12 only for expected values nearer zero than that. */
export const METRIC_TOLERANCE = { rel: 1e-9, abs: 1e-12 } as const;
export const P_VALUE_TOLERANCE = { rel: 1e-6, abs: 1e-12 } as const;

/**
 * Relative tolerance `rel`; the absolute `abs` applies only where |expected| ≤ abs (use abs 0 for a purely relative check,
 * which then also demands an exact 0 for an expected 0).
 */
export interface Tolerance {
  readonly rel: number;
  readonly abs: number;
}

/** Describes how `actual` misses `expected`, or returns undefined when it is within tolerance (or equal, infinities included). */
export function mismatch(field: string, actual: unknown, expected: number, tolerance: Tolerance): string | undefined {
  if (typeof actual !== 'number' || Number.isNaN(actual)) return `${field}: expected ${expected}, got ${String(actual)}`;
  if (actual === expected) return undefined;
  const diff = Math.abs(actual - expected);
  const nearZero = Math.abs(expected) <= tolerance.abs;
  if (nearZero ? diff <= tolerance.abs : diff <= tolerance.rel * Math.abs(expected)) return undefined;
  const rel = expected === 0 ? Infinity : diff / Math.abs(expected);
  return `${field}: expected ${expected}, got ${actual} (relative error ${rel.toExponential(2)}, allowed ${nearZero ? `absolute ${tolerance.abs}` : tolerance.rel})`;
}

/** Asserts that `actual` is within `tolerance` of `expected` (the rule of `mismatch`); a failure names both numbers and the error. */
export function expectClose(actual: number, expected: number, tolerance: Tolerance = METRIC_TOLERANCE): void {
  const problem = mismatch('value', actual, expected, tolerance);
  // As the assertion's message, so the numbers are not truncated as a compared value would be.
  expect(problem === undefined, problem).toBe(true);
}
