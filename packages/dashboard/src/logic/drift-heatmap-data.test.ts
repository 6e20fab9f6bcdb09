import { describe, expect, it } from 'vitest';
import type { DriftPoint } from './drift-heatmap-data.js';
import { driftHeatmapData } from './drift-heatmap-data.js';

const point = (feature: string | null, windowId: string, time: number, value: number | null, status: DriftPoint['status'] = 'ok', pValue: number | null = null): DriftPoint => ({
  feature,
  windowId,
  time,
  value,
  pValue,
  status,
});

describe('driftHeatmapData', () => {
  const points = [
    point('age', 'w2', 2000, 0.1),
    point('income', 'w2', 2000, 0.5, 'warning', 1e-6),
    point('age', 'w1', 1000, 0.05),
    point('income', 'w1', 1000, 0.02, 'ok', 0.5),
    point(null, 'w3', 3000, 0.9),
    point('zip', 'w1', 1000, null, 'insufficient_data'),
  ];

  it('orders windows by time and drifting features first', () => {
    const grid = driftHeatmapData(points, 'value');
    expect(grid.windows).toEqual([{ id: 'w1', time: 1000 }, { id: 'w2', time: 2000 }]);
    expect(grid.features).toEqual(['income', 'age', 'zip']);
    expect(grid.max).toBe(0.5);
  });

  it('places each point in its cell, with a dash for a missing value', () => {
    const grid = driftHeatmapData(points, 'value');
    expect(grid.cells).toContainEqual([1, 0, 0.5, 'warning']);
    expect(grid.cells).toContainEqual([0, 1, 0.05, 'ok']);
    expect(grid.cells).toContainEqual([0, 2, '-', 'insufficient_data']);
    expect(grid.cells).toHaveLength(5);
  });

  it('colours by −log10 p when asked, capped at 10', () => {
    const grid = driftHeatmapData(points, 'negLog10P');
    expect(grid.cells).toContainEqual([1, 0, 6, 'warning']);
    const income1 = grid.cells.find(([x, y]) => x === 0 && y === 0)!;
    expect(income1[2]).toBeCloseTo(-Math.log10(0.5), 12);
    expect(driftHeatmapData([point('a', 'w', 1, 1, 'warning', 0)], 'negLog10P').max).toBe(10);
  });

  it('keeps only the newest windows', () => {
    const grid = driftHeatmapData(points, 'value', 1);
    expect(grid.windows).toEqual([{ id: 'w2', time: 2000 }]);
    expect(grid.cells.every(([x]) => x === 0)).toBe(true);
    expect(grid.features).toEqual(['income', 'age']);
  });
});
