import { describe, expect, it } from 'vitest';
import { driftHeatmapData } from '../logic/drift-heatmap-data.js';
import { correlationOption, distributionOption, driftHeatmapOption, timeSeriesOption } from './chart-options.js';

type Series = { name: string; stack?: string; areaStyle?: unknown; data: unknown[]; markLine?: { data: { xAxis?: number; yAxis?: number }[] } };

describe('timeSeriesOption', () => {
  it('draws a confidence band as a filled area stacked on the lower bound, under the line', () => {
    const option = timeSeriesOption({ series: [{ name: 'rocAuc', data: [[1, 0.8], [2, 0.7]], band: [[1, 0.75, 0.85], [2, 0.6, null]] }] });
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['rocAuc lower', 'rocAuc interval', 'rocAuc']);
    expect(series[0]!.data).toEqual([[1, 0.75], [2, 0.6]]);
    expect(series[1]!.data[0]).toEqual([1, expect.closeTo(0.1, 12)]);
    expect(series[1]!.data[1]).toEqual([2, null]);
    expect(series[1]!.stack).toBe(series[0]!.stack);
    expect(series[1]!.areaStyle).toBeDefined();
  });

  it('leaves the band out when no window has an interval', () => {
    const option = timeSeriesOption({ series: [{ name: 'f1', data: [[1, 0.5]], band: [[1, null, null]] }] });
    expect((option.series as Series[]).map((s) => s.name)).toEqual(['f1']);
  });

  it('marks alerts and the threshold on the last line', () => {
    const option = timeSeriesOption({ series: [{ name: 'share', data: [[1, 0.1]] }], markers: [{ time: 5, label: 'drift', severity: 'warning' }], threshold: { value: 0.5, label: 'threshold' }, share: true });
    const [line] = option.series as Series[];
    expect(line!.markLine!.data).toMatchObject([{ xAxis: 5 }, { yAxis: 0.5 }]);
  });
});

describe('driftHeatmapOption', () => {
  it('outlines drifted cells and scales colours to the largest value', () => {
    const grid = driftHeatmapData(
      [
        { feature: 'income', windowId: 'w1', time: 1, value: 0.4, pValue: 0.001, status: 'warning' },
        { feature: 'age', windowId: 'w1', time: 1, value: 0.1, pValue: 0.5, status: 'ok' },
      ],
      'value',
    );
    const option = driftHeatmapOption(grid, 'effect size');
    const [series] = option.series as { data: { value: unknown[]; itemStyle?: { borderWidth: number } }[] }[];
    expect(series!.data).toEqual([{ value: [0, 0, 0.4], itemStyle: { borderColor: '#b45309', borderWidth: 2 } }, { value: [0, 1, 0.1] }]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 0.4 });
    expect(option.yAxis).toMatchObject({ data: ['income', 'age'] });
  });
});

describe('distributionOption and correlationOption', () => {
  it('shows shares in percent and labels histogram bins by their edges', () => {
    const option = distributionOption({ kind: 'histogram', edges: [0, 10, 20], reference: [0.25, 0.75], current: [0.5, 0.5] })!;
    expect(option.xAxis).toMatchObject({ data: ['0 – 10', '10 – 20'] });
    expect((option.series as Series[]).map((s) => s.data)).toEqual([[25, 75], [50, 50]]);
    expect(distributionOption({ kind: 'none' })).toBeNull();
  });
  it('keeps empty correlations empty', () => {
    const option = correlationOption(['a', 'b'], [[1, null], [null, 1]]);
    expect((option.series as Series[])[0]!.data).toEqual([[0, 0, 1], [1, 0, '-'], [0, 1, '-'], [1, 1, 1]]);
  });
});
