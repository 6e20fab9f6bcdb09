// Distributions of Kolmogorov–Smirnov statistics, computed as scipy 1.10 does (scipy.stats.kstwo,
// scipy.special.smirnov, scipy.special.kolmogorov), so that p-values agree with scipy to about 1e-10.
//
// Two-sided D_n = sup |F_n − F| for a sample of size n: Simard & L'Ecuyer, "Computing the Two-Sided
// Kolmogorov-Smirnov Distribution", J. Stat. Softw. 39(11) (2011) choose per (n, d) among
//  - Ruben & Gambino's closed forms for d ≤ 1/n and d ≥ 1 − 1/n,
//  - 2·P(D_n⁺ ≥ d) (exact for d ≥ 1/2, Miller's approximation elsewhere in the upper tail),
//  - Durbin's matrix algorithm in the form of Marsaglia, Tsang & Wang, J. Stat. Softw. 8(18) (2003),
//  - Pomeranz's recursion, Comm. ACM 17(12) (1974) 703–704,
//  - Pelz & Good's asymptotic series, JRSS B 38(2) (1976) 152–156.
// One-sided D_n⁺: the Smirnov / Birnbaum–Tingey sum (van Mulbregt, arXiv:1802.06966).

import { logGamma } from './log-gamma.js';
import { requireInteger } from '../validate-input.js';

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const PI_SQUARED = Math.PI ** 2;
const PI_FOURTH = Math.PI ** 4;
const PI_SIXTH = Math.PI ** 6;
const SQRT3 = Math.sqrt(3);
const MIN_LOG_PELZ_GOOD = -708;
// Cephes MINLOG: exp() below this underflows.
const CEPHES_MIN_LOG = -708.3964185322641;
const SMIRNOV_MAX_EXACT_N = 1_000_000;
const EPSILON = Number.EPSILON;
const BINOMIAL_RESCALE_EXPONENT = 600;
const BINOMIAL_RESCALE = 2 ** BINOMIAL_RESCALE_EXPONENT;
// ln 2 split so that k·LN2_HIGH is exact for |k| < 2^21 (Cody–Waite).
const LN2_HIGH = 0.6931471803691238;
const LN2_LOW = 1.9082149292705877e-10;

// Stirling series coefficients B_2j / (2j(2j−1)), j = 8 … 1, highest first (Horner order).
const STIRLING_COEFFICIENTS = [
  -3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12,
];

/**
 * Survival function P(D_n ≥ d) of the two-sided one-sample Kolmogorov–Smirnov statistic
 * D_n = sup_x |F_n(x) − F(x)| for a sample of size `n` from a continuous distribution:
 * the same as `scipy.stats.kstwo.sf(d, n)` (scipy 1.10). Returns 1 for d ≤ 1/(2n) and 0 for d ≥ 1.
 * Throws a RangeError when `n` is not an integer ≥ 1 or `d` is NaN.
 * @example kolmogorovDistributionSf(0.3, 10); // ≈ 0.27054
 */
export function kolmogorovDistributionSf(d: number, n: number): number {
  requireInteger('kolmogorovDistributionSf', 'n', n, 1);
  if (Number.isNaN(d)) throw new RangeError('kolmogorovDistributionSf: d is NaN; a number is required');
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    // Ruben–Gambino: P(D_n ≤ d) = n!/nⁿ · (2t − 1)ⁿ for 1/(2n) < d ≤ 1/n.
    let cdf: number;
    if (n <= 140) {
      const factor = (1 / n) * (2 * t - 1);
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i * factor;
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clipProbability(1 - cdf);
  }
  // Ruben–Gambino: P(D_n ≥ d) = 2(1 − d)ⁿ for d ≥ 1 − 1/n.
  if (t >= n - 1) return clipProbability(2 * (1 - d) ** n);
  // For d ≥ 1/2 the events D⁺ ≥ d and D⁻ ≥ d are disjoint.
  if (d >= 0.5) return clipProbability(2 * smirnovSf(n, d));

  const nd2 = t * d;
  if (n <= 140) {
    if (nd2 <= 0.754693) return clipProbability(1 - durbinMatrixCdf(n, d));
    if (nd2 <= 4) return clipProbability(1 - pomeranzCdf(n, d));
    return clipProbability(2 * smirnovSf(n, d));
  }
  if (nd2 >= 370) return 0;
  if (nd2 >= 2.2) return clipProbability(2 * smirnovSf(n, d));
  const cdf = n <= 100_000 && n * d ** 1.5 <= 1.4 ? durbinMatrixCdf(n, d) : pelzGoodCdf(n, d);
  return clipProbability(1 - cdf);
}

/**
 * Survival function P(D_n⁺ ≥ d) of the one-sided Kolmogorov–Smirnov statistic D_n⁺ = sup_x (F_n(x) − F(x))
 * for a sample of size `n`: the same as `scipy.special.smirnov(n, d)` (exact Smirnov/Birnbaum–Tingey sum up to
 * n = 10⁶, Miller's approximation exp(−(6nd + 1)²/(18n)) above). Returns NaN for d outside [0, 1].
 * Throws a RangeError when `n` is not an integer ≥ 1.
 * @example smirnovSf(5, 0.3); // 0.34282
 */
export function smirnovSf(n: number, d: number): number {
  requireInteger('smirnovSf', 'n', n, 1);
  if (!(d >= 0 && d <= 1)) return Number.NaN;
  if (n === 1) return 1 - d;
  if (d === 0) return 1;
  if (d === 1) return 0;

  const { floor: nxFloor, fraction: alpha } = splitProduct(n, d);
  // P(D⁺ ≤ d) = d(1 + d)^(n−1) for d ≤ 1/n.
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    return clipProbability(1 - d * Math.exp((n - 1) * Math.log1p(d)));
  }
  if (-2 * n * d * d < CEPHES_MIN_LOG) return 0;
  if (nxFloor >= n - 1) return clipProbability(Math.exp(n * Math.log1p(-d)));
  if (n > SMIRNOV_MAX_EXACT_N) {
    // Miller (1956): P ≈ exp(−(6nd + 1)² / (18n)).
    const logP = -((6 * n * d + 1) ** 2) / 18 / n;
    return clipProbability(logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP));
  }

  // Terms A_v = C(n, v) (d + v/n)^(v−1) (1 − d − v/n)^(n−v), P(D⁺ ≥ d) = d Σ_{v ≤ n(1−d)} A_v (all positive);
  // a short alternating upper sum gives the CDF when n d is tiny (van Mulbregt's choice).
  const lastLower = n - nxFloor - 1;
  const upperTerms = alpha === 0 ? nxFloor : nxFloor + 1;
  const useUpper = n >= 10 && upperTerms <= 3 && d <= 0.5 / Math.sqrt(n);
  if (useUpper) {
    let sum = Math.exp((n - 1) * Math.log1p(d));
    for (let v = n - 1; v > n - upperTerms; v--) sum += smirnovTerm(n, v, nxFloor, alpha);
    return clipProbability(1 - d * sum);
  }
  let sum = Math.exp(n * Math.log1p(-d)) / d;
  const half = Math.floor(n / 2);
  // C(n, v) = binomial · 2^binomialScale, updated by ratios: a running sum of logarithms would lose ~1e-8 at n = 1e6.
  let binomial = 1;
  let binomialScale = 0;
  for (let v = 1; v <= lastLower; v++) {
    binomial *= (n - v + 1) / v;
    if (binomial > BINOMIAL_RESCALE) {
      binomial /= BINOMIAL_RESCALE;
      binomialScale += BINOMIAL_RESCALE_EXPONENT;
    } else if (binomial < 1 / BINOMIAL_RESCALE) {
      binomial *= BINOMIAL_RESCALE;
      binomialScale -= BINOMIAL_RESCALE_EXPONENT;
    }
    // d + v/n and 1 − d − v/n from the exact split n·d = ⌊nd⌋ + α, so neither loses digits near 0.
    const above = (nxFloor + v + alpha) / n;
    const below = (n - nxFloor - v - alpha) / n;
    const logPowers =
      (v - 1) * Math.log(above) + (n - v) * Math.log(below) + binomialScale * LN2_HIGH + binomialScale * LN2_LOW;
    const term = binomial * Math.exp(logPowers);
    sum += term;
    if (term !== 0) {
      if (4 * (lastLower + 1 - v) * term < EPSILON * sum && v !== lastLower) break;
    } else if (v > half) {
      break;
    }
  }
  return clipProbability(d * sum);
}

/**
 * Kolmogorov's limiting survival function K̄(x) = lim P(√n·D_n ≥ x) = 2 Σ_{k≥1} (−1)^(k−1) e^(−2k²x²):
 * the same as `scipy.special.kolmogorov(x)`. Below x = 0.82 the Jacobi-theta form
 * 1 − (√(2π)/x) Σ e^(−(2k−1)²π²/(8x²)) is used. Returns NaN for NaN.
 * @example kolmogorovLimitSf(1.3581); // ≈ 0.05
 */
export function kolmogorovLimitSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= Math.PI / Math.sqrt(746 * 8)) return 1;
  if (x <= 0.82) {
    const logU8 = -PI_SQUARED / (x * x);
    const w = SQRT_2PI / x;
    const u = Math.exp(logU8 / 8);
    let cdf: number;
    if (u === 0) {
      cdf = Math.exp(logU8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logU8);
      cdf = w * u * (1 + u8 * (1 + u8 * u8 * (1 + u8 ** 3)));
    }
    return clipProbability(1 - cdf);
  }
  const v = Math.exp(-2 * x * x);
  // 2(v − v⁴ + v⁹ − v¹⁶) in nested form; further terms are below double precision for x > 0.82.
  const v3 = v ** 3;
  let p = 1 - v3 * v3 * v;
  p = 1 - v3 * v * v * p;
  p = 1 - v3 * p;
  return clipProbability(2 * v * p);
}

function clipProbability(p: number): number {
  if (Number.isNaN(p)) return p;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

// ln(n!/nⁿ) by Stirling's series with n·ln n removed up front (no cancellation).
function logFactorialOverPower(n: number): number {
  const r = 1 / n;
  const r2 = r / n;
  let series = 0;
  for (const c of STIRLING_COEFFICIENTS) series = series * r2 + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + r * series;
}

// ⌊n·d⌋ and the fractional part of the exact product n·d (Dekker's two-product, no FMA in JavaScript).
function splitProduct(n: number, d: number): { floor: number; fraction: number } {
  const product = n * d;
  const error = twoProductError(n, d, product);
  let floor = Math.floor(product);
  let fraction = product - floor + error;
  if (fraction < 0) {
    floor -= 1;
    fraction += 1;
  }
  if (fraction >= 1) {
    floor += 1;
    fraction -= 1;
  }
  return { floor, fraction };
}

function twoProductError(a: number, b: number, product: number): number {
  const splitter = 134217729; // 2^27 + 1
  let t = splitter * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = splitter * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
}

// A_v for the upper sum, where 1 − d − v/n < 0 and the power's sign alternates.
function smirnovTerm(n: number, v: number, nxFloor: number, alpha: number): number {
  const logBinomial = logGamma(n + 1) - logGamma(v + 1) - logGamma(n - v + 1);
  const above = (nxFloor + v + alpha) / n;
  const below = (n - nxFloor - v - alpha) / n;
  const sign = below < 0 && (n - v) % 2 === 1 ? -1 : 1;
  return sign * Math.exp(logBinomial + (v - 1) * Math.log(above) + (n - v) * Math.log(Math.abs(below)));
}

// Durbin (1968) via Marsaglia, Tsang & Wang (2003): P(D_n ≤ d) = n!/nⁿ · (Hⁿ)_{kk} with d = (k − h)/n and
// H the (2k−1)×(2k−1) matrix below; powers are rescaled by 2^128 to stay in range.
function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const inverseFactorial = new Float64Array(m);
  let factor = 1;
  for (let j = 1; j <= m; j++) {
    inverseFactorial[j - 1] = factor;
    factor /= j;
    v[j - 1] = (1 - h ** j) * factor;
  }
  v[m - 1] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * factor;

  let power = new Float64Array(m * m);
  for (let c = 1; c < m; c++) {
    for (let r = c - 1; r < m; r++) power[r * m + c] = inverseFactorial[r - c + 1]!;
  }
  for (let r = 0; r < m; r++) power[r * m] = v[r]!;
  for (let c = 0; c < m; c++) power[(m - 1) * m + c] = v[m - 1 - c]!;

  let result = new Float64Array(m * m);
  for (let i = 0; i < m; i++) result[i * m + i] = 1;
  let scratch = new Float64Array(m * m);
  let exponent = 0;
  let powerExponent = 0;
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      multiplySquare(result, power, scratch, m);
      [result, scratch] = [scratch, result];
      exponent += powerExponent;
    }
    multiplySquare(power, power, scratch, m);
    [power, scratch] = [scratch, power];
    powerExponent *= 2;
    if (Math.abs(power[(k - 1) * m + (k - 1)]!) > SCALE_UP) {
      for (let i = 0; i < m * m; i++) power[i]! /= SCALE_UP;
      powerExponent += SCALE_EXPONENT;
    }
  }
  let p = result[(k - 1) * m + (k - 1)]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < SCALE_DOWN) {
      p *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
  }
  return clipProbability(scaleByPowerOfTwo(p, exponent));
}

function multiplySquare(a: Float64Array, b: Float64Array, out: Float64Array, m: number): void {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const rowA = i * m;
    for (let l = 0; l < m; l++) {
      const x = a[rowA + l]!;
      if (x === 0) continue;
      const rowB = l * m;
      for (let j = 0; j < m; j++) out[rowA + j]! += x * b[rowB + j]!;
    }
  }
}

function scaleByPowerOfTwo(x: number, exponent: number): number {
  let result = x;
  let e = exponent;
  while (e > 1000) {
    result *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    result *= 2 ** -1000;
    e += 1000;
  }
  return result * 2 ** e;
}

// Pomeranz (1974): P(D_n ≤ d) = n!·V[2n+1][n] where each row of V is the previous row convolved with
// truncated Poisson-like weights (g/n)^j/j!, (2g/n)^j/j! or ((1−2g)/n)^j/j!; only a window of each row is nonzero.
function pomeranzCdf(n: number, d: number): number {
  const t = n * d;
  const whole = Math.floor(t);
  const f = t - whole;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const size = 2 * (whole + 1);
  const gPower = new Float64Array(size);
  const twoGPower = new Float64Array(size);
  const oneMinusTwoGPower = new Float64Array(size);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let j = 1; j < size; j++) {
    gPower[j] = (gPower[j - 1]! * gOverN) / j;
    twoGPower[j] = (twoGPower[j - 1]! * twoGOverN) / j;
    oneMinusTwoGPower[j] = (oneMinusTwoGPower[j - 1]! * oneMinusTwoGOverN) / j;
  }

  let previous = new Float64Array(size);
  let current = new Float64Array(size);
  current[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let j1 = pomeranzWindow(0, n, whole, ceilF, roundF)[0];
  let j2: number;
  for (let i = 1; i <= 2 * n + 1; i++) {
    const k1 = j1;
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
    current.fill(0);
    [j1, j2] = pomeranzWindow(i, n, whole, ceilF, roundF);
    const weights = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const span = j2 - k1 + 1;
    if (span > 0) {
      const offset = k1 - previousStart;
      const sourceLength = Math.min(span, size - offset);
      const weightLength = Math.min(span, size);
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      let largest = 0;
      for (let c = 0; c < convLength; c++) {
        const s = convStart + c;
        let acc = 0;
        const lo = Math.max(0, s - weightLength + 1);
        const hi = Math.min(s, sourceLength - 1);
        for (let a = lo; a <= hi; a++) acc += previous[offset + a]! * weights[s - a]!;
        current[c] = acc;
        if (acc > largest) largest = acc;
      }
      if (largest > 0 && largest < SCALE_DOWN) {
        for (let c = 0; c < size; c++) current[c]! *= SCALE_UP;
        exponent -= SCALE_EXPONENT;
      }
      currentStart = previousStart + j1 - k1;
    }
  }
  let answer = current[n - currentStart]!;
  for (let j = 1; j <= n; j++) {
    if (Math.abs(answer) > SCALE_UP) {
      answer *= SCALE_DOWN;
      exponent += SCALE_EXPONENT;
    }
    answer *= j;
  }
  return clipProbability(scaleByPowerOfTwo(answer, exponent));
}

function pomeranzWindow(i: number, n: number, whole: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -whole - ceilF - 1;
    j2 = whole + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - whole - ceilF - 1;
        j2 = n + whole + ceilF - 1;
      } else {
        j1 = half - 1 - whole - roundF - 1;
        j2 = half + whole - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - whole - 1;
      j2 = half + whole + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

// Pelz & Good (1976): P(D_n ≤ d) ≈ K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 with z = d√n, each K_i in its
// Jacobi-theta form (sums over odd m of polynomial·q^(m²), q = e^(−π²/(8z²))), accurate for small z.
function pelzGoodCdf(n: number, d: number): number {
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const z = Math.sqrt(n) * d;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const logQ = -PI_SQUARED / 8 / z2;
  if (logQ < MIN_LOG_PELZ_GOOD) return 0;

  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (PI_FOURTH * (1 - 2 * z2)) / 16;
  const k3d = (PI_SIXTH * (5 - 30 * z2)) / 64;
  const k3c = (PI_FOURTH * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z4 * z4;

  const maxK = Math.ceil((16 * z) / Math.PI);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 1; k <= maxK; k++) {
    const odd = 2 * k - 1;
    const odd2 = odd * odd;
    const odd4 = odd2 * odd2;
    const weight = Math.exp(logQ * odd2);
    s0 += weight;
    s1 += (k1a + k1b * odd2) * weight;
    s2 += (k2a + k2b * odd2 + k2c * odd4) * weight;
    s3 += (k3a + k3b * odd2 + k3c * odd4 + k3d * odd4 * odd2) * weight;
  }
  const k0 = (s0 * SQRT_2PI) / z;
  let kOne = (s1 * SQRT_2PI) / (6 * z4);
  let k2 = (s2 * SQRT_2PI) / (72 * z ** 7);
  let k3 = (s3 * SQRT_2PI) / (6480 * z ** 10);

  // Second sums over all k ≥ 1 with q = e^(−π²/(2z²)), for K2 and K3.
  const logQ2 = -PI_SQUARED / 2 / z2;
  const sqrt3z = SQRT3 * z;
  let extra2 = 0;
  let extra3 = 0;
  for (let k = maxK; k >= 1; k--) {
    const k2sq = k * k;
    const weight = Math.exp(logQ2 * k2sq);
    const kPi = Math.PI * k;
    extra2 += k2sq * weight;
    extra3 += (sqrt3z + kPi) * (sqrt3z - kPi) * k2sq * weight;
  }
  k2 += (extra2 * PI_SQUARED * SQRT_2PI) / (-36 * z * z2);
  k3 += (extra3 * PI_SQUARED * SQRT_2PI) / (216 * z6);
  const rootN = Math.sqrt(n);
  kOne /= rootN;
  k2 /= n;
  k3 /= n * rootN;
  return k0 + kOne + k2 + k3;
}
