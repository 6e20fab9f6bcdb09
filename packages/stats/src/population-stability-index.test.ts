import { describe, expect, it } from 'vitest';
import { expectClose } from '../test/close-to.js';
import { normalSample } from '../test/normal-samples.js';
import { loadReferenceSection } from '../test/reference-file.js';
import { populationStabilityIndex, populationStabilityIndexFromCounts } from './population-stability-index.js';

const psiCases = loadReferenceSection<{ reference: number[]; current: number[]; bins: number; psi: number }[]>('psi');

/**
 * Cases computed with numpy 1.24.2 by the reference definition:
 * e = np.quantile(ref, np.linspace(0, 1, bins + 1)); e[0], e[-1] = -inf, inf; p, q = np.histogram(·, e)[0] / n,
 * floored; psi = np.sum((q - p) * np.log(q / p)).
 */
const numpyCases = [
  {
    name: 'heavy ties: repeated quantile edges give empty bins',
    reference: [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 5],
    current: [0, 1, 1, 2, 2, 2, 5, 5, 7, 0, 0, 1],
    bins: 10,
    floor: 1e-4,
    psi: 0.554351940650746,
    edges: [-Infinity, 0, 0, 0, 0, 0, 1, 1, 1, 2, Infinity],
    referenceCounts: [0, 0, 0, 0, 0, 6, 0, 0, 3, 2],
    currentCounts: [0, 0, 0, 0, 0, 3, 0, 0, 3, 6],
  },
  {
    name: 'n = 11 integers: linspace levels put edges 1 ulp above 3, 6 and 7',
    reference: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    current: [7, 7, 7, 3, 3, 1, 10, 10],
    bins: 10,
    floor: 1e-4,
    psi: 3.6766558813049515,
    edges: [-Infinity, 1, 2, 3.0000000000000004, 4, 5, 6.000000000000001, 7.000000000000001, 8, 9, Infinity],
    referenceCounts: [1, 1, 2, 0, 1, 2, 1, 0, 1, 2],
    currentCounts: [0, 1, 2, 0, 0, 0, 3, 0, 0, 2],
  },
  {
    name: 'constant reference',
    reference: Array.from({ length: 20 }, () => 4),
    current: [3, 4, 4, 5, 5, 5],
    bins: 10,
    floor: 1e-4,
    psi: 1.266075218500072,
    edges: [-Infinity, 4, 4, 4, 4, 4, 4, 4, 4, 4, Infinity],
    referenceCounts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 20],
    currentCounts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 5],
  },
  {
    name: '4 bins and floor 1e-3',
    reference: [1.5, 2.5, 0.5, 3.5, 9, -4, 2.25, 7, 7.5],
    current: [0, 1, 2, 3, 4, 5, 6, 7, 8, 100],
    bins: 4,
    floor: 1e-3,
    psi: 0.2079441541679836,
    edges: [-Infinity, 1.5, 2.5, 7, Infinity],
    referenceCounts: [2, 2, 2, 3],
    currentCounts: [2, 1, 4, 3],
  },
];

describe('populationStabilityIndex', () => {
  it('matches the reference PSI definition on the reference cases', () => {
    expect(psiCases.length).toBe(3);
    for (const c of psiCases) {
      expectClose(populationStabilityIndex(c.reference, c.current, { bins: c.bins }).psi, c.psi);
      // bins = 10 and floor = 1e-4 are the defaults.
      expectClose(populationStabilityIndex(c.reference, c.current).psi, c.psi);
    }
  });

  it.each(numpyCases)('matches numpy step by step: $name', (c) => {
    const result = populationStabilityIndex(c.reference, c.current, { bins: c.bins, floor: c.floor });
    expectClose(result.psi, c.psi);
    expect(Array.from(result.edges)).toEqual(c.edges);
    expect(Array.from(result.referenceCounts)).toEqual(c.referenceCounts);
    expect(Array.from(result.currentCounts)).toEqual(c.currentCounts);
  });

  it('reports floored shares and contributions that sum to the index', () => {
    const c = numpyCases[0]!;
    const result = populationStabilityIndex(c.reference, c.current);
    expect(result.referenceShares[0]).toBe(1e-4);
    expect(result.referenceShares[5]).toBe(6 / 11);
    expect(result.currentShares[9]).toBe(6 / 12);
    let sum = 0;
    for (let i = 0; i < result.contributions.length; i++) {
      const p = result.referenceShares[i]!;
      const q = result.currentShares[i]!;
      expect(result.contributions[i]).toBe((q - p) * Math.log(q / p));
      sum += result.contributions[i]!;
    }
    expectClose(result.psi, sum);
  });

  it('is zero when current equals reference and non-negative otherwise', () => {
    const ref = normalSample(1, 2000);
    expect(populationStabilityIndex(ref, ref).psi).toBe(0);
    for (let seed = 2; seed < 12; seed++) {
      const result = populationStabilityIndex(ref, normalSample(seed, 500, (seed - 7) / 10));
      expect(result.psi).toBeGreaterThanOrEqual(0);
      for (const c of result.contributions) expect(c).toBeGreaterThanOrEqual(0);
    }
  });

  it('puts about 1/bins of the reference in each bin for continuous data', () => {
    const result = populationStabilityIndex(normalSample(3, 10_000), normalSample(4, 100), { bins: 20 });
    for (const share of result.referenceShares) expect(share).toBeCloseTo(0.05, 3);
    expect(result.edges.length).toBe(21);
  });

  it('grows with the shift of the current distribution', () => {
    const ref = normalSample(5, 5000);
    const small = populationStabilityIndex(ref, normalSample(6, 5000, 0.1)).psi;
    const large = populationStabilityIndex(ref, normalSample(6, 5000, 1)).psi;
    expect(large).toBeGreaterThan(small);
    expect(large).toBeGreaterThan(0.25);
  });

  it('counts current values outside the reference range in the outer bins', () => {
    const result = populationStabilityIndex([1, 2, 3, 4], [-100, 100], { bins: 2 });
    expect(Array.from(result.currentCounts)).toEqual([1, 1]);
  });

  it('rejects bad samples and options', () => {
    expect(() => populationStabilityIndex([], [1])).toThrow(/populationStabilityIndex: reference must not be empty/);
    expect(() => populationStabilityIndex([1], [])).toThrow(/populationStabilityIndex: current must not be empty/);
    expect(() => populationStabilityIndex([1, Number.NaN], [1])).toThrow(/reference\[1\] is NaN/);
    expect(() => populationStabilityIndex([1], [Infinity])).toThrow(/current\[0\] is Infinity/);
    expect(() => populationStabilityIndex([1], [1], { bins: 0 })).toThrow(/populationStabilityIndex: bins must be an integer in \[1, 10000\], got 0/);
    expect(() => populationStabilityIndex([1], [1], { bins: 2.5 })).toThrow(RangeError);
    expect(() => populationStabilityIndex([1], [1], { floor: 0 })).toThrow(/populationStabilityIndex: floor must be in \(0, 1\), got 0/);
    expect(() => populationStabilityIndex([1], [1], { floor: Number.NaN })).toThrow(RangeError);
  });
});

describe('populationStabilityIndexFromCounts', () => {
  it('has a hand-checkable value', () => {
    // (0.4 − 0.5)·ln 0.8 + 0 + (0.3 − 0.2)·ln 1.5
    const expected = -0.1 * Math.log(0.8) + 0.1 * Math.log(1.5);
    expectClose(populationStabilityIndexFromCounts([50, 30, 20], [40, 30, 30]).psi, expected);
  });

  it('agrees with populationStabilityIndex given the same bin counts', () => {
    for (const c of psiCases) {
      const binned = populationStabilityIndex(c.reference, c.current);
      const fromCounts = populationStabilityIndexFromCounts(binned.referenceCounts, binned.currentCounts);
      expectClose(fromCounts.psi, c.psi);
      expect(Array.from(fromCounts.referenceShares)).toEqual(Array.from(binned.referenceShares));
    }
  });

  it('floors empty categories so the index stays finite, and is symmetric in its arguments', () => {
    const a = populationStabilityIndexFromCounts([10, 0, 5], [0, 7, 8], { floor: 1e-3 });
    const b = populationStabilityIndexFromCounts([0, 7, 8], [10, 0, 5], { floor: 1e-3 });
    expect(Number.isFinite(a.psi)).toBe(true);
    expect(a.referenceShares[1]).toBe(1e-3);
    expectClose(a.psi, b.psi, { rel: 1e-14, abs: 1e-12 });
    expect(populationStabilityIndexFromCounts([3, 0, 1], [6, 0, 2]).psi).toBe(0);
  });

  it('rejects bad counts and options', () => {
    const fn = /populationStabilityIndexFromCounts/;
    expect(() => populationStabilityIndexFromCounts([], [])).toThrow(fn);
    expect(() => populationStabilityIndexFromCounts([1, 2], [1])).toThrow(/referenceCounts has 2 categories but currentCounts has 1/);
    expect(() => populationStabilityIndexFromCounts([1, -2], [1, 1])).toThrow(/referenceCounts\[1\] is -2; negative values are not allowed/);
    expect(() => populationStabilityIndexFromCounts([1, 2], [1, Number.NaN])).toThrow(/currentCounts\[1\] is NaN/);
    expect(() => populationStabilityIndexFromCounts([0, 0], [1, 1])).toThrow(/referenceCounts must have a positive, finite sum, got 0/);
    expect(() => populationStabilityIndexFromCounts([1, 1], [1, 1], { floor: 1 })).toThrow(/floor must be in \(0, 1\), got 1/);
  });
});
