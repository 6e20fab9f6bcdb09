import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { normalMatrix } from '../test/normal-samples.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { X, Y } from '../test/small-embeddings.js';
import type { Matrix } from './matrix.js';
import { mmdGaussian } from './mmd-gaussian.js';

const mmdCases = loadReferenceSection<
  { reference: number[][]; current: number[][]; sigma: number; mmd2Biased: number; mmd2Unbiased: number }[]
>('mmd2_gaussian');
const TIGHT = { rel: 1e-12, abs: 1e-12 };

describe('mmdGaussian', () => {
  it.each(mmdCases.map((c, i) => [i, c] as const))('matches the reference case %i (given sigma)', (_i, c) => {
    const r = mmdGaussian(c.reference, c.current, { sigma: c.sigma });
    expectClose(r.mmd2Biased, c.mmd2Biased);
    expectClose(r.mmd2Unbiased, c.mmd2Unbiased);
    expect(r.sigma).toBe(c.sigma);
  });

  it('matches numpy/scipy with the default median-heuristic sigma and with sigma 0.7', () => {
    // numpy: kxx = exp(-cdist(X, X, "sqeuclidean") / (2σ²)) …; σ = sqrt(median(pdist(vstack([X, Y]), "sqeuclidean")) / 2).
    const byDefault = mmdGaussian(X, Y);
    expectClose(byDefault.sigma, 1.7544586059522749, { rel: 1e-15, abs: 1e-12 });
    expectClose(byDefault.mmd2Biased, 0.2510402775180002);
    expectClose(byDefault.mmd2Unbiased, -0.034867615485207226);
    const given = mmdGaussian(X, Y, { sigma: 0.7 });
    expectClose(given.mmd2Biased, 0.4204881262127576);
    expectClose(given.mmd2Unbiased, -0.021584697770504993);
  });

  it('is hand-checkable for one point against one point (twice)', () => {
    // X = {0, 0}, Y = {1, 1} in 1-D, σ = 1: Kxx = Kyy = 1, Kxy = e^{-1/2}.
    const r = mmdGaussian([[0], [0]], [[1], [1]], { sigma: 1 });
    expectClose(r.mmd2Biased, 2 - 2 * Math.exp(-0.5));
    expectClose(r.mmd2Unbiased, 2 - 2 * Math.exp(-0.5));
  });

  it('is zero for identical samples (biased), symmetric, and translation/rotation invariant', () => {
    const a = normalMatrix(1, 30, 4);
    const b = normalMatrix(2, 25, 4, 0.5);
    expect(mmdGaussian(a, a, { sigma: 1.3 }).mmd2Biased).toBeLessThanOrEqual(1e-15);
    const ab = mmdGaussian(a, b, { sigma: 1.3 });
    const ba = mmdGaussian(b, a, { sigma: 1.3 });
    expectClose(ba.mmd2Biased, ab.mmd2Biased, TIGHT);
    expectClose(ba.mmd2Unbiased, ab.mmd2Unbiased, TIGHT);
    const shiftRows = (m: Matrix): Matrix => ({ ...m, data: m.data.map((v, i) => v + (i % 4) * 100) });
    const shifted = mmdGaussian(shiftRows(a), shiftRows(b), { sigma: 1.3 });
    expectClose(shifted.mmd2Biased, ab.mmd2Biased);
    expectClose(shifted.mmd2Unbiased, ab.mmd2Unbiased);
    // Swap coordinates 0 and 1 (a rotation): distances, hence MMD², are unchanged.
    const swap = (m: Matrix): Matrix => ({ ...m, data: m.data.map((_v, i) => m.data[i % 4 === 0 ? i + 1 : i % 4 === 1 ? i - 1 : i]!) });
    expectClose(mmdGaussian(swap(a), swap(b), { sigma: 1.3 }).mmd2Unbiased, ab.mmd2Unbiased, TIGHT);
  });

  it('the biased estimate exceeds the unbiased one by the diagonal terms and is ≥ 0', () => {
    const a = normalMatrix(3, 20, 3);
    const b = normalMatrix(4, 40, 3);
    const r = mmdGaussian(a, b, { sigma: 2 });
    expect(r.mmd2Biased).toBeGreaterThanOrEqual(0);
    expect(r.mmd2Biased).toBeGreaterThan(r.mmd2Unbiased);
  });

  it('grows with the shift between the samples', () => {
    const a = normalMatrix(5, 60, 2);
    const values = [0, 0.5, 1, 2].map((s) => mmdGaussian(a, normalMatrix(6, 60, 2, s), { sigma: 1 }).mmd2Unbiased);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
  });

  it('keeps precision for close vectors far from the origin', () => {
    // Guards the choice of direct differences: the ‖x‖² + ‖y‖² − 2x·y expansion loses most digits here (1e8-sized norms, 1e-2 distances).
    const far = (m: Matrix): Matrix => ({ ...m, data: m.data.map((v) => 1e4 + 0.01 * v) });
    const a = normalMatrix(7, 15, 3);
    const b = normalMatrix(8, 15, 3, 1);
    const near = mmdGaussian(a, b, { sigma: 1 });
    const shifted = mmdGaussian(far(a), far(b), { sigma: 0.01 });
    expectClose(shifted.mmd2Unbiased, near.mmd2Unbiased);
  });

  it('accepts a Matrix and arrays of typed arrays alike', () => {
    const m: Matrix = { rows: 5, cols: 3, data: Float64Array.from(X.flat()) };
    expect(mmdGaussian(m, Y.map((r) => Float64Array.from(r)), { sigma: 0.7 })).toEqual(mmdGaussian(X, Y, { sigma: 0.7 }));
  });

  it('throws RangeError on bad input', () => {
    expect(() => mmdGaussian([], Y)).toThrow(/reference needs at least 2/);
    expect(() => mmdGaussian(X, [[1, 2, 3]])).toThrow(/current needs at least 2/);
    expect(() => mmdGaussian(X, [[1, 2], [3, 4]])).toThrow(/dimensions/);
    expect(() => mmdGaussian(X, [[1, 2, 3], [1, Number.POSITIVE_INFINITY, 3]])).toThrow(/Infinity/);
    expect(() => mmdGaussian([[1, 2, 3], [Number.NaN, 1, 1]], Y)).toThrow(/NaN/);
    for (const sigma of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => mmdGaussian(X, Y, { sigma })).toThrow(/sigma must be a finite number > 0/);
    }
    expect(() => mmdGaussian(X, Y, { sigma: 0 })).toThrow(RangeError);
  });
});
