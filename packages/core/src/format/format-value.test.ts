import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPValue, formatShare } from './format-value.js';

describe('format-value', () => {
  it('formats numbers with 3 significant digits, exponents at the extremes and a dash for nothing', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
  it('formats p-values, shares and counts', () => {
    expect(formatPValue(0.03214)).toBe('0.032');
    expect(formatPValue(1e-9)).toBe('< 0.0001');
    expect(formatShare(0.1234)).toBe('12.3 %');
    expect(formatCount(-1234567)).toBe('-1,234,567');
  });
});
