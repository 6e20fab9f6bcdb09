/**
 * Taylor coefficients c₁…c₂₆ of 1/Γ(z) = Σ cₖ zᵏ about z = 0 (c₁ = 1, c₂ = Euler's γ; Abramowitz & Stegun 6.1.34,
 * recomputed to 50 digits with mpmath and rounded to double). Hence 1/Γ(1 + x) = Σ cₖ xᵏ⁻¹, an entire function
 * whose series needs no subtraction, which is what the incomplete gamma and Bessel K routines need near x = 0.
 */
export const RECIPROCAL_GAMMA_TAYLOR: readonly number[] = [
  1.0, 0.5772156649015329, -0.6558780715202539, -0.04200263503409524, 0.16653861138229148, -0.04219773455554433,
  -0.009621971527876973, 0.0072189432466631, -0.0011651675918590652, -0.00021524167411495098, 0.0001280502823881162,
  -2.013485478078824e-5, -1.2504934821426706e-6, 1.133027231981696e-6, -2.056338416977607e-7, 6.116095104481416e-9,
  5.002007644469223e-9, -1.18127457048702e-9, 1.0434267116911005e-10, 7.782263439905071e-12, -3.696805618642206e-12,
  5.100370287454476e-13, -2.0583260535665066e-14, -5.348122539423018e-15, 1.2267786282382608e-15,
  -1.1812593016974588e-16,
];

/**
 * 1/Γ(1 + x) − 1 for |x| ≤ 1/2, to full relative precision even where the result is tiny (x near 0).
 * Outside that interval the truncated series loses accuracy; callers stay inside it.
 * @example reciprocalGammaOnePlusMinusOne(1e-10); // ≈ 5.772156649e-11 (Euler's γ · x)
 */
export function reciprocalGammaOnePlusMinusOne(x: number): number {
  if (!(Math.abs(x) <= 0.5)) {
    throw new RangeError(`reciprocalGammaOnePlusMinusOne: x must be in [-0.5, 0.5], got ${String(x)}`);
  }
  // Horner on Σ_{k≥2} cₖ xᵏ⁻¹ = x · Σ_{k≥2} cₖ xᵏ⁻²: the leading 1 is left out, so nothing cancels.
  let sum = 0;
  for (let k = RECIPROCAL_GAMMA_TAYLOR.length - 1; k >= 1; k--) sum = sum * x + RECIPROCAL_GAMMA_TAYLOR[k]!;
  return sum * x;
}
