import { describe, expect, it } from 'vitest';
import { requireFiniteSample, requireInRange, requireInteger, requireNonNegative, requireSameLength } from './validate-input.js';

describe('validate-input', () => {
  it('names the function, the field and the index of a non-finite value', () => {
    expect(() => requireFiniteSample('ksTest', 'reference', [1, Number.NaN])).toThrow('ksTest: reference[1] is NaN; only finite numbers are allowed');
    expect(() => requireFiniteSample('ksTest', 'current', new Float64Array([-Infinity]))).toThrow('ksTest: current[0] is -Infinity');
  });

  it('rejects empty and too-short samples', () => {
    expect(() => requireFiniteSample('f', 'x', [])).toThrow('f: x must not be empty');
    expect(() => requireFiniteSample('f', 'x', [1], 2)).toThrow('f: x needs at least 2 values, got 1');
    expect(() => requireFiniteSample('f', 'x', [1, 2], 2)).not.toThrow();
  });

  it('checks pairing, integers, ranges and signs', () => {
    expect(() => requireSameLength('f', 'labels', [1], 'scores', [1, 2])).toThrow('f: labels has 1 values but scores has 2');
    expect(() => requireInteger('f', 'bins', 2.5, 1)).toThrow('f: bins must be an integer ≥ 1, got 2.5');
    expect(() => requireInteger('f', 'k', 11, 1, 10)).toThrow('f: k must be an integer in [1, 10], got 11');
    expect(() => requireInRange('f', 'confidence', 1, 0, 1)).toThrow('f: confidence must be in (0, 1), got 1');
    expect(() => requireInRange('f', 'p', 1, 0, 1, true)).not.toThrow();
    expect(() => requireNonNegative('f', 'counts', [1, -2])).toThrow('f: counts[1] is -2; negative values are not allowed');
  });
});
