/**
 * A number as alert reasons and explanations show it: four significant digits, no trailing zeros, no exponent for
 * ordinary magnitudes.
 * @example formatAlertNumber(0.312345); // '0.3123'
 * formatAlertNumber(2); // '2'
 */
export function formatAlertNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}
