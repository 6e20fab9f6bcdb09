import { logGamma } from './log-gamma.js';

const HALF_LOG_TWO_PI = 0.9189385332046728; // ½ ln(2π)
const CF_EPSILON = 1e-16;
const CF_TINY = 1e-300;
const CF_MAX_ITERATIONS = 100_000;

/** Both tails of the regularized incomplete beta function: `lower` = I_x(a, b), `upper` = 1 − I_x(a, b). */
export interface IncompleteBetaTails {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Both tails of the regularized incomplete beta function at x, given x and its complement 1 − x separately so
 * that callers who know 1 − x more precisely than `1 - x` (e.g. t²/(ν + t²)) keep that precision. The smaller
 * tail is computed directly (never as 1 minus something), so it stays accurate far below 1e-16.
 * Accuracy: about 1e-14 relative (1e-13 at worst seen) for parameters up to 1e4, checked against Boost's ibeta
 * (scipy.stats.beta); the Stirling form of the prefactor avoids the cancellation of large log-gamma terms.
 * @example incompleteBetaTails(0.25, 0.75, 2, 3); // ≈ { lower: 0.26171875, upper: 0.73828125 }
 */
export function incompleteBetaTails(x: number, complementX: number, a: number, b: number): IncompleteBetaTails {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`incompleteBetaTails: a must be a finite number > 0, got ${String(a)}`);
  if (!(b > 0) || !Number.isFinite(b)) throw new RangeError(`incompleteBetaTails: b must be a finite number > 0, got ${String(b)}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`incompleteBetaTails: x must be in [0, 1], got ${String(x)}`);
  if (!(complementX >= 0 && complementX <= 1)) {
    throw new RangeError(`incompleteBetaTails: complementX must be in [0, 1], got ${String(complementX)}`);
  }
  if (x === 0) return { lower: 0, upper: 1 };
  if (complementX === 0) return { lower: 1, upper: 0 };
  // The continued fraction converges fast for x below the mean-ish point (a + 1)/(a + b + 2); above it use
  // the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x * (a + b + 2) < a + 1) {
    const lower = continuedFractionTail(x, complementX, a, b);
    return { lower, upper: 1 - lower };
  }
  const upper = continuedFractionTail(complementX, x, b, a);
  return { lower: 1 - upper, upper };
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the CDF of the Beta(a, b)
 * distribution at x, for x in [0, 1] and a, b > 0 (the same function as `scipy.special.betainc(a, b, x)`).
 * @example regularizedIncompleteBeta(0.3, 1, 1); // ≈ 0.3 (Beta(1, 1) is uniform)
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return incompleteBetaTails(x, 1 - x, a, b).lower;
}

/**
 * 1 − I_x(a, b), the survival function of Beta(a, b) at x, computed without cancellation when it is small
 * (`scipy.stats.beta.sf(x, a, b)`).
 * @example regularizedIncompleteBetaComplement(0.9, 2, 2); // ≈ 0.028
 */
export function regularizedIncompleteBetaComplement(x: number, a: number, b: number): number {
  return incompleteBetaTails(x, 1 - x, a, b).upper;
}

/**
 * P(T > t) for Student's t distribution with `dof` > 0 degrees of freedom (`scipy.stats.t.sf(t, dof)`),
 * through P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2). Accurate in the far tails (no 1 − p cancellation).
 * @example studentTSurvival(2.0, 10); // ≈ 0.036694
 */
export function studentTSurvival(t: number, dof: number): number {
  if (Number.isNaN(t)) throw new RangeError('studentTSurvival: t is NaN');
  if (!(dof > 0) || !Number.isFinite(dof)) {
    throw new RangeError(`studentTSurvival: dof must be a finite number > 0, got ${String(dof)}`);
  }
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const absT = Math.abs(t);
  // x = ν/(ν + t²) and 1 − x = t²/(ν + t²), both formed directly; for huge |t| scale first to avoid overflow.
  let x: number;
  let complementX: number;
  if (absT > 1e150) {
    const r = Math.sqrt(dof) / absT;
    x = (r * r) / (1 + r * r);
    complementX = 1 / (1 + r * r);
  } else {
    const tt = absT * absT;
    x = dof / (dof + tt);
    complementX = tt / (dof + tt);
  }
  const twoSided = incompleteBetaTails(x, complementX, dof / 2, 0.5).lower;
  return t >= 0 ? twoSided / 2 : 1 - twoSided / 2;
}

// I_x(a, b) by the continued fraction of Numerical Recipes §6.4 (modified Lentz), valid for x < (a+1)/(a+b+2):
// I_x(a, b) = x^a (1−x)^b / (a B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))).
function continuedFractionTail(x: number, y: number, a: number, b: number): number {
  const prefactor = powerTerms(x, y, a, b);
  if (prefactor === 0) return 0;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPSILON) break;
  }
  return (prefactor * h) / a;
}

// x^a y^b / B(a, b) through Stirling's form Γ(z) = √(2π) z^(z−½) e^(−z) e^(μ(z)):
// x^a y^b / B(a, b) = √(ab / (2π(a+b))) · (x(a+b)/a)^a · (y(a+b)/b)^b · e^(μ(a+b) − μ(a) − μ(b)).
// The two powers have bases near 1 around the bulk, where log1p keeps them exact, and the large
// z ln z terms of the log-gammas cancel analytically instead of numerically.
function powerTerms(x: number, y: number, a: number, b: number): number {
  const s = a + b;
  const deviation = x * b - y * a; // x(a+b) − a when x + y = 1
  const logA = Math.abs(deviation) < 0.5 * a ? a * Math.log1p(deviation / a) : a * (Math.log(x) + Math.log(s / a));
  const logB = Math.abs(deviation) < 0.5 * b ? b * Math.log1p(-deviation / b) : b * (Math.log(y) + Math.log(s / b));
  const exponent = logA + logB + stirlingCorrection(s) - stirlingCorrection(a) - stirlingCorrection(b);
  return Math.sqrt(((a / s) * b) / (2 * Math.PI)) * Math.exp(exponent);
}

// μ(z) = ln Γ(z) − (z − ½) ln z + z − ½ ln(2π); for z ≥ 10 its asymptotic series (Bernoulli numbers) through
// z⁻¹⁵ is exact to double precision.
function stirlingCorrection(z: number): number {
  if (z >= 10) {
    const r = 1 / z;
    const r2 = r * r;
    return (
      r *
      (1 / 12 +
        r2 *
          (-1 / 360 +
            r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
    );
  }
  return logGamma(z) - (z - 0.5) * Math.log(z) + z - HALF_LOG_TWO_PI;
}
