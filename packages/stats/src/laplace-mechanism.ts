import type { RandomGenerator } from './random.js';
import { requireInRange, requireNonNegative } from './validate-input.js';

/**
 * One draw from the Laplace distribution with location 0 and scale `b` (density e^(−|x|/b) / 2b, variance 2b²).
 * Inverse-CDF sampling from one uniform u = k/2⁵³ of `rng.nextFloat()`, evaluated at the midpoint u' = (k + ½)/2⁵³ of
 * its grid cell: F⁻¹(u') = b·ln(2u') for u' < ½ and −b·ln(2 − 2u'). The midpoint lies strictly inside (0, 1), so the
 * logarithm never sees 0, and the 2⁵³ possible draws are exactly symmetric about 0; draws lie within ±53·ln2·b ≈ ±36.74·b.
 * Not hardened against floating-point side channels (Mironov 2012); see the documentation.
 * @param scale b, a finite number > 0.
 * @example laplaceNoise(2, createRandom(1)); // 0.2951725215936086
 */
export function laplaceNoise(scale: number, rng: RandomGenerator): number {
  requirePositive('laplaceNoise', 'scale', scale);
  return drawLaplace(scale, rng);
}

const HALF_ULP_OF_ONE = 2 ** -53;

function drawLaplace(scale: number, rng: RandomGenerator): number {
  const u = rng.nextFloat();
  // 2u' = 2u + 2⁻⁵³ and 2 − 2u' = 2(1 − u) − 2⁻⁵³ are exact for u on the 2⁻⁵³ grid (at most 53 significant bits).
  return u < 0.5 ? scale * Math.log(2 * u + HALF_ULP_OF_ONE) : -scale * Math.log(2 * (1 - u) - HALF_ULP_OF_ONE);
}

function requirePositive(fn: string, name: string, value: number): void {
  requireInRange(fn, name, value, 0, Number.POSITIVE_INFINITY);
}

/** Options of the Laplace mechanism for counts. */
export interface PrivateCountOptions {
  /** Privacy budget ε, a finite number > 0; smaller is more private and noisier. */
  epsilon: number;
  /** L1 sensitivity Δ of the released value(s): how much one individual can change them; default 1. */
  sensitivity?: number;
  /** The seeded random source. */
  rng: RandomGenerator;
  /** Round the noisy value to the nearest integer (post-processing: keeps ε-DP). Default false. */
  round?: boolean;
  /** Replace negative noisy values by 0 (post-processing: keeps ε-DP, but biases the estimate upwards). Default false. */
  clampToZero?: boolean;
}

/** Options of the Laplace mechanism for histograms (same fields as {@link PrivateCountOptions}). */
export type PrivateHistogramOptions = PrivateCountOptions;

function readOptions(fn: string, options: PrivateCountOptions): { scale: number; round: boolean; clamp: boolean } {
  requirePositive(fn, 'epsilon', options.epsilon);
  const sensitivity = options.sensitivity ?? 1;
  requirePositive(fn, 'sensitivity', sensitivity);
  return { scale: sensitivity / options.epsilon, round: options.round ?? false, clamp: options.clampToZero ?? false };
}

function postProcess(value: number, round: boolean, clamp: boolean): number {
  let v = round ? Math.round(value) : value;
  if (clamp && v < 0) v = 0;
  // Math.round(-0.4) is -0; report a plain 0.
  return v === 0 ? 0 : v;
}

/**
 * The Laplace mechanism for one count (Dwork, McSherry, Nissim & Smith 2006): count + Laplace(0, Δ/ε), which is ε-differentially
 * private when one individual changes the count by at most Δ (default 1: add/remove-one neighbouring datasets).
 * The noisy value is unbiased unless `clampToZero` is set; rounding and clamping are post-processing and keep ε-DP.
 * @param count the true count, a finite number ≥ 0.
 * @example privateCount(1200, { epsilon: 0.5, rng: createRandom(3), round: true, clampToZero: true }); // 1201
 */
export function privateCount(count: number, options: PrivateCountOptions): number {
  const fn = 'privateCount';
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`${fn}: count must be a finite number ≥ 0, got ${String(count)}`);
  const { scale, round, clamp } = readOptions(fn, options);
  return postProcess(count + drawLaplace(scale, options.rng), round, clamp);
}

/**
 * The Laplace mechanism for a histogram: adds independent Laplace(0, Δ/ε) noise to every bin. Under add/remove-one
 * neighbouring (datasets differing by one record, each record in exactly one bin) the L1 sensitivity of the whole
 * histogram is 1, so the released histogram is ε-DP with the default Δ = 1. Under replace-one neighbouring (same size,
 * one record changed) one record can move between two bins: pass `sensitivity: 2`.
 * Bins must be fixed in advance (not chosen from the data), otherwise the set of bins itself leaks.
 * @param counts the true counts per bin, finite numbers ≥ 0.
 * @returns the noisy counts, in bin order.
 * @example privateHistogram([120, 30, 4], { epsilon: 1, rng: createRandom(9) }); // Float64Array [119.495…, 30.894…, 5.775…]
 */
export function privateHistogram(counts: ArrayLike<number>, options: PrivateHistogramOptions): Float64Array {
  const fn = 'privateHistogram';
  requireNonNegative(fn, 'counts', counts);
  const { scale, round, clamp } = readOptions(fn, options);
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = postProcess(counts[i]! + drawLaplace(scale, options.rng), round, clamp);
  return out;
}
