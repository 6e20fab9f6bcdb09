import { describe, expect, it } from 'vitest';
import type { WindowPerformance } from './performance-series.js';
import { performanceMetrics, performanceSeries } from './performance-series.js';

const m = (value: number, lower: number | null = null, upper: number | null = null) => ({ value, lower, upper });

describe('performance series', () => {
  const windows: WindowPerformance[] = [
    { time: 2000, current: { rocAuc: m(0.7, 0.65, 0.75), brier: m(0.2) } },
    { time: 1000, current: { f1: m(0.6, 0.5, 0.7), rocAuc: m(0.8, 0.76, 0.84) } },
    { time: 3000, current: null },
  ];
  it('lists headline metrics first', () => {
    expect(performanceMetrics(windows)).toEqual(['rocAuc', 'f1', 'brier']);
    expect(performanceMetrics([])).toEqual([]);
  });
  it('orders by time with gaps where a window lacks the metric', () => {
    expect(performanceSeries(windows, 'rocAuc')).toEqual({
      data: [[1000, 0.8], [2000, 0.7], [3000, null]],
      band: [[1000, 0.76, 0.84], [2000, 0.65, 0.75], [3000, null, null]],
    });
    expect(performanceSeries(windows, 'brier').band[1]).toEqual([2000, null, null]);
  });
});
