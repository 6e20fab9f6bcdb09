import { describe, expect, it } from 'vitest';
import { toMatrix } from './matrix.js';

describe('toMatrix', () => {
  it('packs vectors row-major and passes a Matrix through', () => {
    const m = toMatrix('f', 'x', [[1, 2], new Float64Array([3, 4])]);
    expect(m).toEqual({ rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) });
    expect(toMatrix('f', 'x', m)).toBe(m);
  });

  it('rejects ragged rows, non-finite values, too few rows, zero dimensions and inconsistent matrices', () => {
    expect(() => toMatrix('f', 'x', [[1, 2], [3]])).toThrow('f: x[1] has 1 values but x[0] has 2');
    expect(() => toMatrix('f', 'x', [[1, Number.NaN]])).toThrow('f: x[0][1] is NaN');
    expect(() => toMatrix('f', 'x', [[1]], 2)).toThrow('f: x needs at least 2 vectors, got 1');
    expect(() => toMatrix('f', 'x', [[]])).toThrow('f: x vectors must have at least one dimension');
    expect(() => toMatrix('f', 'x', { rows: 2, cols: 2, data: new Float64Array(3) })).toThrow('expected rows × cols = 4');
  });
});
