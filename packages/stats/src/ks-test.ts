import { kolmogorovDistributionSf } from './special/kolmogorov-distribution.js';
import { sortFloat64 } from './sort-float64.js';
import type { NumericSample } from './validate-input.js';
import { requireFiniteSample } from './validate-input.js';

/** How the p-value of {@link ksTest} is computed. */
export type KsTestMethod = 'auto' | 'exact' | 'asymp';

export interface KsTestOptions {
  /**
   * `exact`: the exact null distribution of the two-sample statistic (lattice-path counting);
   * `asymp`: the one-sample Kolmogorov distribution with n = round(n₁n₂/(n₁+n₂));
   * `auto` (default): `exact` when both samples have at most 10,000 values, else `asymp`.
   */
  readonly method?: KsTestMethod;
}

export interface KsTestResult {
  /** D = max |F_reference − F_current| over the pooled values, in [0, 1]. */
  readonly statistic: number;
  /** Two-sided p-value under H₀ "both samples come from the same continuous distribution". */
  readonly pValue: number;
  /** The method actually used (`exact` falls back to `asymp` when scipy's does). */
  readonly method: 'exact' | 'asymp';
  /** A value where the largest gap between the two empirical CDFs occurs (scipy's `statistic_location`). */
  readonly statisticLocation: number;
  /** +1 when the reference ECDF lies above the current one there (current shifted right), −1 otherwise (scipy's `statistic_sign`). */
  readonly statisticSign: 1 | -1;
}

const MAX_AUTO_EXACT_SIZE = 10_000;
const INT32_MAX = 2_147_483_647;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided: D = sup_x |F_ref(x) − F_cur(x)| with F the empirical CDFs,
 * ties handled by evaluating both CDFs after all copies of a value. Same statistic and p-value as
 * `scipy.stats.ks_2samp(reference, current, alternative='two-sided', method=...)` in scipy 1.10.
 * Cost: O((n₁ + n₂) log(n₁ + n₂)) for the statistic (radix sort + one merge); the exact p-value costs
 * O(n) for equal sizes and up to O(n₁·n₂) otherwise, the asymptotic one at most O(n₁n₂/(n₁+n₂)).
 * When both samples hold a single value and `method` is `asymp`, n = round(0.5) = 0 and pValue is NaN (as in scipy).
 * Throws a RangeError for an empty sample, NaN or ±Infinity, or an unknown method.
 * @example
 * const { statistic, pValue } = ksTest([0.1, 0.4, 0.7], [0.5, 0.9, 1.3, 1.8]);
 * // statistic ≈ 0.75, pValue ≈ 0.2286 (exact)
 */
export function ksTest(reference: NumericSample, current: NumericSample, options: KsTestOptions = {}): KsTestResult {
  // Typed as string: callers from JavaScript or JSON may pass anything.
  const requested: string = options.method ?? 'auto';
  if (requested !== 'auto' && requested !== 'exact' && requested !== 'asymp') {
    throw new RangeError(`ksTest: method must be 'auto', 'exact' or 'asymp', got ${requested}`);
  }
  requireFiniteSample('ksTest', 'reference', reference);
  requireFiniteSample('ksTest', 'current', current);
  const a = sortFloat64(reference);
  const b = sortFloat64(current);
  const n1 = a.length;
  const n2 = b.length;

  // scipy reports the first position of the extreme in [sorted reference, sorted current], so a value present in
  // the reference wins over one present only in the current sample, and smaller values win within each.
  let maxInA = -Infinity;
  let maxInALocation = Number.NaN;
  let maxInB = -Infinity;
  let maxInBLocation = Number.NaN;
  let minInA = Infinity;
  let minInALocation = Number.NaN;
  let minInB = Infinity;
  let minInBLocation = Number.NaN;
  let i = 0;
  let j = 0;
  while (i < n1 || j < n2) {
    const value = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    const startI = i;
    const startJ = j;
    while (i < n1 && a[i] === value) i++;
    while (j < n2 && b[j] === value) j++;
    const diff = i / n1 - j / n2;
    if (i > startI) {
      if (diff > maxInA) {
        maxInA = diff;
        maxInALocation = value;
      }
      if (diff < minInA) {
        minInA = diff;
        minInALocation = value;
      }
    }
    if (j > startJ) {
      if (diff > maxInB) {
        maxInB = diff;
        maxInBLocation = value;
      }
      if (diff < minInB) {
        minInB = diff;
        minInBLocation = value;
      }
    }
  }
  const maxDiff = maxInA >= maxInB ? maxInA : maxInB;
  const maxLocation = maxInA >= maxInB ? maxInALocation : maxInBLocation;
  const minDiff = minInA <= minInB ? minInA : minInB;
  const minLocation = minInA <= minInB ? minInALocation : minInBLocation;
  const minStatistic = Math.min(Math.max(-minDiff, 0), 1);
  const useMin = minStatistic > maxDiff;
  let statistic = useMin ? minStatistic : maxDiff;
  const statisticLocation = useMin ? minLocation : maxLocation;
  const statisticSign = useMin ? -1 : 1;

  const g = greatestCommonDivisor(n1, n2);
  const n1g = n1 / g;
  const n2g = n2 / g;
  let method: 'exact' | 'asymp' =
    requested === 'auto' ? (Math.max(n1, n2) <= MAX_AUTO_EXACT_SIZE ? 'exact' : 'asymp') : requested;
  // Like scipy: an lcm beyond int32 makes `exact` impossible.
  if (requested === 'exact' && n1g >= INT32_MAX / n2g) method = 'asymp';

  let pValue = Number.NaN;
  if (method === 'exact') {
    // The statistic is a multiple of 1/lcm(n1, n2); scipy snaps it to the lattice before counting paths.
    const lcm = n1g * n2;
    const h = roundHalfEven(statistic * lcm);
    statistic = h / lcm;
    let probability: number;
    if (h === 0) probability = 1;
    else if (n1 === n2) probability = probabilityOutsideSquare(n1, h);
    else probability = probabilityOutsideInsideMethod(n1, n2, g, h);
    if (probability >= 0 && probability <= 1) pValue = probability;
    else method = 'asymp';
  }
  if (method === 'asymp') {
    const en = (n1 * n2) / (n1 + n2);
    const n = roundHalfEven(en);
    pValue = n >= 1 ? kolmogorovDistributionSf(statistic, n) : Number.NaN;
  }
  if (pValue < 0) pValue = 0;
  else if (pValue > 1) pValue = 1;
  return { statistic, pValue, method, statisticLocation, statisticSign };
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

// numpy's round: halves go to the even neighbour.
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// P(D_{n,n} ≥ h/n) = 2 Σ_{k≥1} (−1)^(k−1) C(2n, n − kh) / C(2n, n), evaluated Horner-like with each ratio
// A_k = Π_{j<h} (n − kh − j)/(n + kh + j + 1) so that no binomial is formed: P = 2A₁(1 − A₂(1 − A₃(…))).
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

// Hodges (1958) inside method in Viehmann's form (arXiv:2102.08037): the recursion tracks 1 − (share of lattice
// paths from (0,0) to (m,n) staying strictly inside |x/m − y/n| < h/lcm), one sliding column window at a time,
// so the result is the p-value directly, with no binomial coefficient and no overflow.
function probabilityOutsideInsideMethod(sizeA: number, sizeB: number, g: number, h: number): number {
  const m = Math.max(sizeA, sizeB);
  const n = Math.min(sizeA, sizeB);
  const mg = m / g;
  const ng = n / g;
  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const length = Math.min(2 * maxJ + 2, n + 1);
  const column = new Float64Array(length).fill(1);
  column.fill(0, minJ, maxJ);
  for (let i = 1; i <= m; i++) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    const shift = minJ - lastMinJ;
    for (let jj = 0; jj < maxJ - minJ; jj++) {
      const jIndex = jj + minJ;
      value = (column[jj + shift]! * i + value * jIndex) / (i + jIndex);
      column[jj] = value;
    }
    currentLength = maxJ - minJ;
    if (lastLength > currentLength) column.fill(1, currentLength, currentLength + (lastLength - currentLength));
  }
  return column[maxJ - minJ - 1]!;
}
