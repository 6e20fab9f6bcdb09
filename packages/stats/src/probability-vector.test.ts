import { describe, expect, it } from 'vitest';
import { relativeEntropyTerm, toProbabilityVectors } from './probability-vector.js';

describe('toProbabilityVectors', () => {
  it('divides each vector by its sum', () => {
    const [p, q] = toProbabilityVectors('f', [1, 3], [2, 2]);
    expect(Array.from(p)).toEqual([0.25, 0.75]);
    expect(Array.from(q)).toEqual([0.5, 0.5]);
  });

  it('accepts typed arrays and zeros in some entries', () => {
    const [p] = toProbabilityVectors('f', Float64Array.of(0, 5), [1, 1]);
    expect(Array.from(p)).toEqual([0, 1]);
  });

  it('names the function and the field in its errors', () => {
    expect(() => toProbabilityVectors('f', [], [])).toThrow(/^f: p must not be empty$/);
    expect(() => toProbabilityVectors('f', [1], [])).toThrow(/^f: q must not be empty$/);
    expect(() => toProbabilityVectors('f', [1, 2], [1])).toThrow(/^f: p has 2 entries but q has 1/);
    expect(() => toProbabilityVectors('f', [-1], [1])).toThrow(/^f: p\[0\] is -1; negative values are not allowed$/);
    expect(() => toProbabilityVectors('f', [1], [Number.NaN])).toThrow(/^f: q\[0\] is NaN/);
    expect(() => toProbabilityVectors('f', [0], [1])).toThrow(/^f: p must have a positive, finite sum, got 0$/);
    expect(() => toProbabilityVectors('f', [1e308, 1e308], [1, 1])).toThrow(/^f: p must have a positive, finite sum, got Infinity$/);
  });
});

describe('relativeEntropyTerm', () => {
  it('follows scipy.special.rel_entr conventions', () => {
    expect(relativeEntropyTerm(0, 0)).toBe(0);
    expect(relativeEntropyTerm(0, 0.3)).toBe(0);
    expect(relativeEntropyTerm(0.2, 0)).toBe(Infinity);
    expect(relativeEntropyTerm(0.5, 0.25)).toBeCloseTo(0.5 * Math.LN2, 15);
  });
});
