import { describe, expect, it } from 'vitest';
import { histogram, histogramEdges, histogramSorted } from './histogram.js';
import { createRandom, sampleStandardNormal } from './random.js';

describe('histogram', () => {
  it('uses half-open bins with a closed last bin and reports values outside the edges', () => {
    const result = histogram([0, 1, 1.5, 2, 3, 9, -0.5], [0, 1, 2, 3]);
    expect(Array.from(result.counts)).toEqual([1, 2, 2]);
    expect(result.below).toBe(1);
    expect(result.above).toBe(1);
  });

  it('matches numpy.histogram with repeated edges (empty bins, ties go to the bin starting at the last copy)', () => {
    // numpy 1.24.2: np.histogram(vals, [0, 1, 1, 2, 2])[0] == [2, 0, 4, 3]; with [0, 1, 1, 2, 3] == [2, 0, 4, 4]
    const values = [0, 0.5, 1, 1, 1, 1.5, 2, 2, 2, 3, -1, 4];
    expect(Array.from(histogram(values, [0, 1, 1, 2, 2]).counts)).toEqual([2, 0, 4, 3]);
    expect(Array.from(histogram(values, [0, 1, 1, 2, 3]).counts)).toEqual([2, 0, 4, 4]);
    expect(Array.from(histogramSorted(Float64Array.from(values).sort(), [0, 1, 1, 2, 2]).counts)).toEqual([2, 0, 4, 3]);
    expect(Array.from(histogramSorted(Float64Array.from(values).sort(), [0, 1, 1, 2, 3]).counts)).toEqual([2, 0, 4, 4]);
  });

  it('accepts infinite outer edges and a single closed bin of equal edges', () => {
    expect(Array.from(histogram([-1e300, 0, 1e300], [-Infinity, 0, Infinity]).counts)).toEqual([1, 2]);
    const degenerate = histogram([1, 1, 0.5, 2], [1, 1]);
    expect(Array.from(degenerate.counts)).toEqual([2]);
    expect([degenerate.below, degenerate.above]).toEqual([1, 1]);
  });

  it('accounts for every value, and histogramSorted agrees with histogram', () => {
    const rng = createRandom(11);
    const values = Array.from({ length: 5000 }, () => Math.round(sampleStandardNormal(rng) * 4) / 4);
    const edges = [-2, -1, -1, -0.25, 0, 0.5, 0.5, 1.75, 2];
    const direct = histogram(values, edges);
    const sorted = histogramSorted(Float64Array.from(values).sort(), edges);
    expect(Array.from(sorted.counts)).toEqual(Array.from(direct.counts));
    expect([sorted.below, sorted.above]).toEqual([direct.below, direct.above]);
    const inBins = direct.counts.reduce((a, b) => a + b, 0);
    expect(inBins + direct.below + direct.above).toBe(values.length);
  });

  it('counts nothing for an empty sample', () => {
    const result = histogram([], [0, 1]);
    expect(Array.from(result.counts)).toEqual([0]);
    expect(histogramSorted([], [0, 1]).above).toBe(0);
  });

  it('rejects bad values and bad edges', () => {
    expect(() => histogram([Number.NaN], [0, 1])).toThrow(/histogram: values\[0\] is NaN/);
    expect(() => histogram([Infinity], [0, 1])).toThrow(RangeError);
    expect(() => histogram([1], [0])).toThrow(/histogram: edges needs at least 2 values, got 1/);
    expect(() => histogram([1], [0, Number.NaN])).toThrow(/histogram: edges\[1\] is NaN/);
    expect(() => histogram([1], [0, 2, 1])).toThrow(/histogram: edges must not decrease/);
    expect(() => histogramSorted([1], [2, 1])).toThrow(/histogramSorted: edges must not decrease/);
    expect(() => histogramSorted([Number.NaN], [0, 1])).toThrow(/histogramSorted: sorted\[0\] is NaN/);
  });
});

describe('histogramEdges', () => {
  it('equals numpy.histogram_bin_edges bit for bit', () => {
    // numpy 1.24.2: np.histogram_bin_edges([0.1, 0.7, 2.3, -1.9, 5.55], 7)
    expect(Array.from(histogramEdges([0.1, 0.7, 2.3, -1.9, 5.55], 7))).toEqual([
      -1.9, -0.8357142857142856, 0.22857142857142865, 1.2928571428571431, 2.357142857142857, 3.4214285714285713,
      4.485714285714286, 5.55,
    ]);
    // np.histogram_bin_edges([2, 2, 2], 3): an empty range is widened by ±0.5
    expect(Array.from(histogramEdges([2, 2, 2], 3))).toEqual([1.5, 1.8333333333333333, 2.1666666666666665, 2.5]);
  });

  it('puts every value into a bin', () => {
    const values = [3, -7.5, 0.125, 12, 12, -7.5];
    const { counts, below, above } = histogram(values, histogramEdges(values, 5));
    expect(below + above).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });

  it('rejects empty samples and bad bin counts', () => {
    expect(() => histogramEdges([], 3)).toThrow(/histogramEdges: values must not be empty/);
    expect(() => histogramEdges([1, Number.NaN], 3)).toThrow(/values\[1\] is NaN/);
    expect(() => histogramEdges([1], 0)).toThrow(/histogramEdges: bins must be an integer/);
    expect(() => histogramEdges([1], 2.5)).toThrow(RangeError);
  });
});
