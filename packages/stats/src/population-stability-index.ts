import { histogram, histogramSorted } from './histogram.js';
import { quantileSorted } from './quantile.js';
import { sortFloat64 } from './sort-float64.js';
import type { NumericSample } from './validate-input.js';
import { requireFiniteSample, requireInRange, requireInteger, requireNonNegative } from './validate-input.js';

export interface PopulationStabilityIndexOptions {
  /** Number of reference-quantile bins. Default 10 (deciles). */
  readonly bins?: number;
  /** Lower bound applied to every share so empty bins keep the logarithm finite. In (0, 1). Default 1e-4. */
  readonly floor?: number;
}

export interface PopulationStabilityIndexCountsOptions {
  /** Lower bound applied to every share so empty categories keep the logarithm finite. In (0, 1). Default 1e-4. */
  readonly floor?: number;
}

export interface PopulationStabilityIndexCountsResult {
  /** PSI = Σ contributions ≥ 0. Rules of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift. */
  readonly psi: number;
  /** Reference share per bin (count / total), floored. */
  readonly referenceShares: Float64Array;
  /** Current share per bin (count / total), floored. */
  readonly currentShares: Float64Array;
  /** (q_i − p_i)·ln(q_i / p_i) per bin, each ≥ 0. */
  readonly contributions: Float64Array;
}

export interface PopulationStabilityIndexResult extends PopulationStabilityIndexCountsResult {
  /** bins + 1 edges: reference quantiles, the first −Infinity and the last +Infinity. */
  readonly edges: Float64Array;
  /** Reference values per bin. */
  readonly referenceCounts: Float64Array;
  /** Current values per bin. */
  readonly currentCounts: Float64Array;
}

const DEFAULT_BINS = 10;
const DEFAULT_FLOOR = 1e-4;

/**
 * Population Stability Index of a numeric feature. Bin edges are the reference quantiles at levels
 * i·(1/bins), i = 0…bins (what `numpy.quantile(reference, numpy.linspace(0, 1, bins + 1))` returns, linear method),
 * with the outer edges widened to −∞ and +∞; values are counted with `numpy.histogram`'s rule (bins [a, b), the
 * last closed). With p_i, q_i the reference and current shares per bin, each floored at `floor`,
 * PSI = Σ (q_i − p_i)·ln(q_i / p_i).
 *
 * Ties: when many reference values are equal, several quantile edges coincide; as in numpy.histogram, a repeated
 * edge makes an empty bin (both shares floored, contribution 0) and the tied values fall in the bin that starts at
 * the edge. So a constant reference gives two live bins: below the constant and from it up.
 *
 * Cost: O(n) radix sort of the reference plus O(m log bins) to bin the current sample.
 *
 * @throws RangeError when a sample is empty or holds NaN/±Infinity, `bins` is not an integer in [1, 10000], or
 *   `floor` is outside (0, 1).
 * @example
 * const { psi } = populationStabilityIndex(referenceValues, currentValues); // bins: 10, floor: 1e-4
 */
export function populationStabilityIndex(
  reference: NumericSample,
  current: NumericSample,
  options: PopulationStabilityIndexOptions = {},
): PopulationStabilityIndexResult {
  const fn = 'populationStabilityIndex';
  const bins = options.bins ?? DEFAULT_BINS;
  const floor = options.floor ?? DEFAULT_FLOOR;
  requireFiniteSample(fn, 'reference', reference);
  requireFiniteSample(fn, 'current', current);
  requireInteger(fn, 'bins', bins, 1, 10_000);
  requireInRange(fn, 'floor', floor, 0, 1);

  const sorted = sortFloat64(reference);
  // numpy.linspace(0, 1, bins + 1): level i = i·step with step = 1/bins, the last level exactly 1.
  const step = 1 / bins;
  const levels = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) levels[i] = i * step;
  levels[bins] = 1;
  const edges = quantileSorted(sorted, levels);
  edges[0] = -Infinity;
  edges[bins] = Infinity;

  const referenceCounts = histogramSorted(sorted, edges).counts;
  const currentCounts = histogram(current, edges).counts;
  const shares = sharesAndIndex(referenceCounts, reference.length, currentCounts, current.length, floor);
  return { ...shares, edges, referenceCounts, currentCounts };
}

/**
 * PSI from counts per category (categorical features, or bins made elsewhere): shares p_i = r_i / Σr and
 * q_i = c_i / Σc, each floored at `floor`, PSI = Σ (q_i − p_i)·ln(q_i / p_i). Counts may be non-integer weights.
 * Cost: O(k) for k categories.
 *
 * @throws RangeError when the count vectors are empty, differ in length, hold a negative or non-finite entry, or sum
 *   to 0, or `floor` is outside (0, 1).
 * @example
 * populationStabilityIndexFromCounts([50, 30, 20], [40, 30, 30]).psi; // ≈ 0.0629
 */
export function populationStabilityIndexFromCounts(
  referenceCounts: NumericSample,
  currentCounts: NumericSample,
  options: PopulationStabilityIndexCountsOptions = {},
): PopulationStabilityIndexCountsResult {
  const fn = 'populationStabilityIndexFromCounts';
  const floor = options.floor ?? DEFAULT_FLOOR;
  requireNonNegative(fn, 'referenceCounts', referenceCounts);
  requireNonNegative(fn, 'currentCounts', currentCounts);
  if (referenceCounts.length !== currentCounts.length) {
    throw new RangeError(
      `${fn}: referenceCounts has ${referenceCounts.length} categories but currentCounts has ${currentCounts.length}; they must match`,
    );
  }
  requireInRange(fn, 'floor', floor, 0, 1);
  const referenceTotal = requirePositiveSum(fn, 'referenceCounts', referenceCounts);
  const currentTotal = requirePositiveSum(fn, 'currentCounts', currentCounts);
  return sharesAndIndex(referenceCounts, referenceTotal, currentCounts, currentTotal, floor);
}

function requirePositiveSum(fn: string, name: string, counts: NumericSample): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (!(total > 0 && Number.isFinite(total))) {
    throw new RangeError(`${fn}: ${name} must have a positive, finite sum, got ${String(total)}`);
  }
  return total;
}

function sharesAndIndex(
  referenceCounts: NumericSample,
  referenceTotal: number,
  currentCounts: NumericSample,
  currentTotal: number,
  floor: number,
): PopulationStabilityIndexCountsResult {
  const k = referenceCounts.length;
  const referenceShares = new Float64Array(k);
  const currentShares = new Float64Array(k);
  const contributions = new Float64Array(k);
  let psi = 0;
  for (let i = 0; i < k; i++) {
    const p = Math.max(referenceCounts[i]! / referenceTotal, floor);
    const q = Math.max(currentCounts[i]! / currentTotal, floor);
    referenceShares[i] = p;
    currentShares[i] = q;
    const c = (q - p) * Math.log(q / p);
    contributions[i] = c;
    psi += c;
  }
  return { psi, referenceShares, currentShares, contributions };
}
