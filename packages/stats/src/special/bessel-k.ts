import { RECIPROCAL_GAMMA_TAYLOR } from './reciprocal-gamma.js';

const EPS = 1e-16;
const MAX_ITERATIONS = 10_000;
const TEMME_LIMIT = 2;

/** The four gamma-function values Temme's series needs for an order μ with |μ| ≤ ½. */
interface TemmeGammas {
  /** Γ₁(μ) = (1/Γ(1−μ) − 1/Γ(1+μ)) / 2μ */
  gam1: number;
  /** Γ₂(μ) = (1/Γ(1−μ) + 1/Γ(1+μ)) / 2 */
  gam2: number;
  /** 1/Γ(1+μ) */
  reciprocalGammaPlus: number;
  /** 1/Γ(1−μ) */
  reciprocalGammaMinus: number;
}

/**
 * Kᵥ(x), the modified Bessel function of the second kind, for real order ν and x > 0
 * (the same function as `scipy.special.kv(nu, x)` for real arguments). Relative error about 5e-15 or better
 * (scipy's own kv is off by up to ~7e-14 just below x = 2, see {@link besselKLikeScipy}).
 *
 * The order is reduced to μ = ν − n with |μ| ≤ ½; K_μ and K_μ₊₁ come from Temme's series for x ≤ 2 and from
 * Steed's continued fraction (Temme's CF2) for x > 2, then forward recurrence, which is stable for K, climbs to ν
 * (Temme 1975, J. Comput. Phys. 19: 324–337; the layout of Numerical Recipes' `bessik`). K₋ᵥ = Kᵥ.
 *
 * Kᵥ(x) ~ √(π/2x)·e⁻ˣ decays exponentially: results become subnormal near x ≈ 705 (losing relative precision) and
 * are 0 from about x ≈ 745 (scipy's kv already returns 0 from x ≈ 698); `besselK(nu, Infinity)` is 0.
 * Kᵥ(x) → ∞ as x → 0 and overflows to Infinity for tiny x with large ν.
 * @throws RangeError when ν is not finite or x is not > 0.
 * @example besselK(0.5, 1); // ≈ √(π/2)·e⁻¹ = 0.46106850444789456…
 */
export function besselK(nu: number, x: number): number {
  return besselKWith('besselK', nu, x, exactTemmeGammas);
}

/**
 * Kᵥ(x) as scipy 1.10's `scipy.special.kv` returns it, bias included; use it only to reproduce scipy
 * results (the Cramér–von Mises p-value), and {@link besselK} otherwise.
 *
 * scipy's kv is AMOS `zbesk`, whose series for x ≤ 2 takes 1/Γ(1+μ) from its own log-gamma routine
 * (`dgamln`: Stirling's series at z shifted up to ≥ 7, less the logarithm of the shift product). For
 * 1 + μ = 1.25 that routine is low by about 8e-16, which propagates through Γ₁(μ) = (1/Γ(1−μ) − 1/Γ(1+μ))/2μ
 * into a relative error of kv growing from −1e-15 at small x to −7e-14 at x = 2. This function forms
 * 1/Γ(1+μ) the same way for |μ| > 0.1, as AMOS does (below that, and at |μ| = ½, AMOS is accurate and so is
 * {@link besselK}), and otherwise equals {@link besselK}. It agrees with scipy's kv to about 5e-15 relative,
 * most values bit for bit, for x below ~698, where scipy's kv underflows to 0 and this function does not.
 * @throws RangeError when ν is not finite or x is not > 0.
 * @example
 * besselKLikeScipy(0.25, 1); // 0.4307397744485814 = scipy.special.kv(0.25, 1); the true value is 0.43073977444858552…
 */
export function besselKLikeScipy(nu: number, x: number): number {
  return besselKWith('besselKLikeScipy', nu, x, amosTemmeGammas);
}

function besselKWith(fn: string, nu: number, x: number, gammas: (mu: number) => TemmeGammas): number {
  if (!Number.isFinite(nu)) throw new RangeError(`${fn}: nu must be a finite number, got ${String(nu)}`);
  if (!(x > 0)) throw new RangeError(`${fn}: x must be > 0, got ${String(x)}`);
  if (x === Infinity) return 0;
  const order = Math.abs(nu);
  const steps = Math.floor(order + 0.5);
  const mu = order - steps;
  let kMu: number;
  let kMu1: number;
  if (x <= TEMME_LIMIT) {
    [kMu, kMu1] = temmeSeries(mu, x, gammas(mu));
  } else {
    [kMu, kMu1] = steedFraction(mu, x);
  }
  // K_{μ+i+1} = K_{μ+i−1} + (2(μ+i)/x)·K_{μ+i}
  const twoOverX = 2 / x;
  for (let i = 1; i <= steps; i++) {
    const next = (mu + i) * twoOverX * kMu1 + kMu;
    kMu = kMu1;
    kMu1 = next;
  }
  return kMu;
}

/**
 * Γ₁ and Γ₂ are the odd and even halves of the Taylor series of 1/Γ(1+μ), summed separately so that Γ₁ carries no
 * cancellation as μ → 0.
 */
function exactTemmeGammas(mu: number): TemmeGammas {
  const mu2 = mu * mu;
  let gam1 = 0;
  let gam2 = 0;
  for (let k = RECIPROCAL_GAMMA_TAYLOR.length; k >= 1; k--) {
    const c = RECIPROCAL_GAMMA_TAYLOR[k - 1]!;
    if (k % 2 === 0) gam1 = gam1 * mu2 - c;
    else gam2 = gam2 * mu2 + c;
  }
  return { gam1, gam2, reciprocalGammaPlus: gam2 - mu * gam1, reciprocalGammaMinus: gam2 + mu * gam1 };
}

/** The gamma values as AMOS `zbknu` forms them (see {@link besselKLikeScipy}). */
function amosTemmeGammas(mu: number): TemmeGammas {
  // AMOS sums a series for |μ| ≤ 0.1 and uses the closed form of K at |μ| = ½; both are accurate, as ours are.
  if (Math.abs(mu) <= 0.1 || Math.abs(mu) === 0.5) return exactTemmeGammas(mu);
  const fc = (mu * Math.PI) / Math.sin(mu * Math.PI);
  const reciprocalGammaPlus = Math.exp(-amosLogGamma(1 + mu));
  // Γ(1−μ)Γ(1+μ) = πμ / sin(πμ)
  const reciprocalGammaMinus = 1 / (reciprocalGammaPlus * fc);
  return {
    gam1: (reciprocalGammaMinus - reciprocalGammaPlus) / (mu + mu),
    gam2: (reciprocalGammaMinus + reciprocalGammaPlus) * 0.5,
    reciprocalGammaPlus,
    reciprocalGammaMinus,
  };
}

// Stirling-series coefficients B₂ₖ / (2k(2k−1)), k = 1…15 (at z ≥ 7 the series is cut before the 13th).
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400, 43867 / 244188,
  -174611 / 125400, 854513 / 63756, -236364091 / 1506960, 8553103 / 3900, -23749461029 / 657720,
  8615841276005 / 12460140,
];
const LOG_TWO_PI = 1.8378770664093456;

/**
 * ln Γ(z) for 0.5 ≤ z < 7 the way AMOS `dgamln` computes it: Stirling's series at z + n ≥ 7 (n whole), less
 * ln(z(z+1)…(z+n−1)). The subtraction of two numbers near 7 is what costs it its last digits.
 */
function amosLogGamma(z: number): number {
  const shift = 7 - Math.trunc(z);
  const shifted = z + shift;
  let p = 1 / shifted;
  const first = STIRLING[0]! * p;
  let series = first;
  const p2 = p * p;
  const cutoff = first * Number.EPSILON;
  for (let k = 1; k < STIRLING.length; k++) {
    p *= p2;
    const term = STIRLING[k]! * p;
    if (Math.abs(term) < cutoff) break;
    series += term;
  }
  let product = 1;
  for (let i = 0; i < shift; i++) product *= z + i;
  const logShifted = Math.log(shifted);
  return shifted * (logShifted - 1) - Math.log(product) + 0.5 * (LOG_TWO_PI - logShifted) + series;
}

/** K_μ(x) and K_{μ+1}(x) for |μ| ≤ ½ and 0 < x ≤ 2 from Temme's series. */
function temmeSeries(mu: number, x: number, gammas: TemmeGammas): [number, number] {
  const { gam1, gam2, reciprocalGammaPlus, reciprocalGammaMinus } = gammas;
  const mu2 = mu * mu;

  const halfX = 0.5 * x;
  const piMu = Math.PI * mu;
  const fact = Math.abs(piMu) < EPS ? 1 : piMu / Math.sin(piMu);
  const minusLogHalfX = -Math.log(halfX);
  const e = mu * minusLogHalfX;
  const sinhRatio = Math.abs(e) < EPS ? 1 : Math.sinh(e) / e;
  let f = fact * (gam1 * Math.cosh(e) + gam2 * sinhRatio * minusLogHalfX);
  let sum = f;
  const expE = Math.exp(e);
  let p = (0.5 * expE) / reciprocalGammaPlus;
  let q = 0.5 / (expE * reciprocalGammaMinus);
  let c = 1;
  const quarterX2 = halfX * halfX;
  let sum1 = p;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    f = (i * f + p + q) / (i * i - mu2);
    c *= quarterX2 / i;
    p /= i - mu;
    q /= i + mu;
    const term = c * f;
    sum += term;
    sum1 += c * (p - i * f);
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return [sum, (sum1 * 2) / x];
}

/** K_μ(x) and K_{μ+1}(x) for |μ| ≤ ½ and x > 2 from Steed's algorithm on Temme's continued fraction CF2. */
function steedFraction(mu: number, x: number): [number, number] {
  const a1 = 0.25 - mu * mu;
  let b = 2 * (1 + x);
  let d = 1 / b;
  let delh = d;
  let h = d;
  let q1 = 0;
  let q2 = 1;
  let q = a1;
  let c = a1;
  let a = -a1;
  let s = 1 + q * delh;
  for (let i = 2; i <= MAX_ITERATIONS; i++) {
    a -= 2 * (i - 1);
    c = (-a * c) / i;
    const qNew = (q1 - b * q2) / a;
    q1 = q2;
    q2 = qNew;
    q += c * qNew;
    b += 2;
    d = 1 / (b + a * d);
    delh = (b * d - 1) * delh;
    h += delh;
    const dels = q * delh;
    s += dels;
    if (Math.abs(dels / s) < EPS) break;
  }
  h *= a1;
  const kMu = (Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x)) / s;
  return [kMu, (kMu * (mu + x + 0.5 - h)) / x];
}
