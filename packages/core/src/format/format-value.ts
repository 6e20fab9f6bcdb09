/**
 * Formats a number for display: 3 significant digits, exponent for very small or large magnitudes, an em dash
 * for null or NaN.
 *
 * @example
 * formatNumber(0.123456); // '0.123'
 * formatNumber(null); // '—'
 */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e7) return value.toExponential(digits - 1);
  if (magnitude >= 1000) return formatCount(Math.round(value));
  return String(Number(value.toPrecision(digits)));
}

/**
 * Formats a p-value: two significant digits, `< 0.0001` below that.
 *
 * @example
 * formatPValue(0.03214); // '0.032'
 * formatPValue(1e-9); // '< 0.0001'
 */
export function formatPValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value < 1e-4) return '< 0.0001';
  return String(Number(value.toPrecision(2)));
}

/**
 * Formats a share in [0, 1] as a percentage with one decimal.
 *
 * @example
 * formatShare(0.1234); // '12.3 %'
 */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${(value * 100).toFixed(1)} %`;
}

/**
 * Formats an integer count with thousands separators, independent of the locale.
 *
 * @example
 * formatCount(1234567); // '1,234,567'
 */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
