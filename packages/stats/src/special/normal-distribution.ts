// erf / erfc: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631–638, with the double-precision coefficients of his 1990 SPECFUN packet (netlib specfun/erf, public domain).
// Relative error below about 1e-16 on each of the three ranges. All coefficients below are written as the shortest
// decimal of the double nearest the published value (the same doubles the longer published literals give).
const ERF_SMALL_NUM = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const ERF_SMALL_DEN = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const ERFC_MID_NUM = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_MID_DEN = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_LARGE_NUM = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const ERFC_LARGE_DEN = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];
const INV_SQRT_PI = 0.5641895835477563;
const SQRT1_2 = Math.SQRT1_2;
// Beyond this erfc(x) is below the smallest subnormal double (erfc(26.55) is the smallest normal one).
const ERFC_UNDERFLOW = 27.3;

// Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics 37 (1988)
// 477–484, PPND16: rational approximations accurate to about 1e-16 in three ranges of p.
const PPND_CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const PPND_CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const PPND_INNER_TAIL_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const PPND_INNER_TAIL_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const PPND_OUTER_TAIL_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const PPND_OUTER_TAIL_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Evaluates c[0] + c[1]·x + … + c[k]·x^k (Horner). */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i]!;
  return sum;
}

/** erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const xsq = x * x;
  let num = ERF_SMALL_NUM[4]! * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_SMALL_NUM[i]!) * xsq;
    den = (den + ERF_SMALL_DEN[i]!) * xsq;
  }
  return (x * (num + ERF_SMALL_NUM[3]!)) / (den + ERF_SMALL_DEN[3]!);
}

/** erfc(y) for y > 0.46875. */
function erfcPositive(y: number): number {
  if (y >= ERFC_UNDERFLOW) return 0;
  let ratio: number;
  if (y <= 4) {
    let num = ERFC_MID_NUM[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_MID_NUM[i]!) * y;
      den = (den + ERFC_MID_DEN[i]!) * y;
    }
    ratio = (num + ERFC_MID_NUM[7]!) / (den + ERFC_MID_DEN[7]!);
  } else {
    const inv = 1 / (y * y);
    let num = ERFC_LARGE_NUM[5]! * inv;
    let den = inv;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_LARGE_NUM[i]!) * inv;
      den = (den + ERFC_LARGE_DEN[i]!) * inv;
    }
    ratio = (INV_SQRT_PI - (inv * (num + ERFC_LARGE_NUM[4]!)) / (den + ERFC_LARGE_DEN[4]!)) / y;
  }
  // exp(−y²) = exp(−h²)·exp(−(y−h)(y+h)) with h = y rounded down to 1/16: h² is exact, so the rounding error of y²
  // (which exp would multiply by y²) never enters.
  const head = Math.trunc(y * 16) / 16;
  const tail = (y - head) * (y + head);
  return Math.exp(-head * head) * Math.exp(-tail) * ratio;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x) = (2/√π)∫ₓ^∞ e^(−t²) dt, with full relative accuracy in
 * the right tail (Cody 1969; about 1e-16 relative).
 * @example complementaryErrorFunction(3); // 0.00002209049699858544
 */
export function complementaryErrorFunction(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('complementaryErrorFunction: x is NaN');
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const upper = erfcPositive(y);
  return x < 0 ? 2 - upper : upper;
}

/**
 * The error function erf(x) = (2/√π)∫₀ˣ e^(−t²) dt (Cody 1969; about 1e-16 relative).
 * @example errorFunction(0.5); // 0.5204998778130465
 */
export function errorFunction(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('errorFunction: x is NaN');
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const value = 0.5 - erfcPositive(y) + 0.5;
  return x < 0 ? -value : value;
}

/** Φ(z) for finite or infinite z, no validation. */
function lowerTail(z: number): number {
  const x = z * SQRT1_2;
  // Inside |x| ≤ 0.46875 erf is accurate and Φ is near ½, so no cancellation; outside, erfc of |x| keeps the tail exact.
  if (Math.abs(x) <= 0.46875) return 0.5 + 0.5 * erfSmall(x);
  const tail = 0.5 * erfcPositive(Math.abs(x));
  return x < 0 ? tail : 1 - tail;
}

/**
 * The standard normal cumulative distribution function Φ(z) = P(Z ≤ z), as `scipy.stats.norm.cdf`.
 * Accurate to about 1e-16 relative in the left tail (down to Φ(−37.5) ≈ 5e-308); Φ(±∞) = 1 or 0.
 * Throws a RangeError for NaN.
 * @example normalCdf(1.959963984540054); // 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalCdf: z is NaN');
  return lowerTail(z);
}

/**
 * The standard normal survival function 1 − Φ(z) = P(Z > z), as `scipy.stats.norm.sf`, computed from erfc so the
 * far right tail keeps full relative accuracy (normalSurvival(10) ≈ 7.62e-24, not 0). Throws a RangeError for NaN.
 * @example normalSurvival(3); // 0.0013498980316301035
 */
export function normalSurvival(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalSurvival: z is NaN');
  return lowerTail(-z);
}

/**
 * The standard normal quantile function Φ⁻¹(p), as `scipy.stats.norm.ppf`, by Wichura's algorithm AS 241
 * (about 1e-16 relative). normalQuantile(0) = −∞ and normalQuantile(1) = +∞; p outside [0, 1] or NaN throws a
 * RangeError. For upper-tail quantiles of tiny probabilities prefer −normalQuantile(q) over normalQuantile(1 − q).
 * @example normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${String(p)}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(PPND_CENTRAL_NUM, r)) / polynomial(PPND_CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(PPND_INNER_TAIL_NUM, r) / polynomial(PPND_INNER_TAIL_DEN, r);
  } else {
    r -= 5;
    value = polynomial(PPND_OUTER_TAIL_NUM, r) / polynomial(PPND_OUTER_TAIL_DEN, r);
  }
  return q < 0 ? -value : value;
}
