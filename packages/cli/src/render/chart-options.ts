import type { BarSeriesOption, EChartsOption, HeatmapSeriesOption, SeriesOption } from 'echarts';
import type { Distribution, MetricValue } from '@bothub/core';
import { formatNumber } from './format-value.js';

export const REFERENCE_COLOR = '#94a3b8';
export const CURRENT_COLOR = '#2563eb';
export const DRIFT_COLOR = '#dc2626';
export const OK_COLOR = '#16a34a';
export const NEUTRAL_COLOR = '#cbd5e1';

/** Name under which the page script registers its bar-with-interval renderer (ECharts custom series). */
export const BAR_INTERVAL_RENDERER = 'bothubBarInterval';

const roundTo = (value: number, digits: number): number => Number(value.toFixed(digits));

/**
 * A sparkline of a column's distribution: reference and current shares per histogram bin (overlaid) or per
 * category (side by side), in percent. Null when the report holds no distribution for the column.
 *
 * @example
 * distributionChartOption({ kind: 'categories', categories: ['a', 'b'], reference: [0.5, 0.5], current: [0.9, 0.1] });
 */
export function distributionChartOption(distribution: Distribution): EChartsOption | null {
  if (distribution.kind === 'none') return null;
  const labels =
    distribution.kind === 'histogram'
      ? distribution.reference.map((_, i) => `${formatNumber(distribution.edges[i])} – ${formatNumber(distribution.edges[i + 1])}`)
      : distribution.categories;
  const overlay = distribution.kind === 'histogram';
  const bar = (name: string, color: string, shares: number[]): BarSeriesOption => ({
    name,
    type: 'bar',
    data: shares.map((s) => roundTo(s * 100, 1)),
    itemStyle: { color },
    barGap: overlay ? '-100%' : '10%',
    barCategoryGap: overlay ? '8%' : '25%',
    emphasis: { disabled: true },
  });
  return {
    grid: { left: 1, right: 1, top: 2, bottom: 1 },
    xAxis: { type: 'category', data: labels, show: false },
    yAxis: { type: 'value', show: false, min: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      appendTo: 'body',
      formatter: '{b}<br/>{a0}: {c0} %<br/>{a1}: {c1} %',
    },
    series: [bar('reference', overlay ? 'rgba(148,163,184,0.75)' : REFERENCE_COLOR, distribution.reference), bar('current', overlay ? 'rgba(37,99,235,0.55)' : CURRENT_COLOR, distribution.current)],
  };
}

/**
 * A correlation heatmap over columns on a diverging scale from −1 to 1; null cells stay empty.
 *
 * @example
 * correlationHeatmapOption(['a', 'b'], [[1, 0.5], [0.5, 1]]);
 */
export function correlationHeatmapOption(columns: string[], matrix: (number | null)[][]): EChartsOption {
  const data: [number, number, number | '-'][] = [];
  matrix.forEach((row, y) => {
    row.forEach((value, x) => data.push([x, y, value === null ? '-' : roundTo(value, 2)]));
  });
  // Margins sized from the longest label (about 7 px per character at 12 px), capped where labels are truncated.
  const longest = Math.min(22, Math.max(1, ...columns.map((c) => c.length)));
  const series: HeatmapSeriesOption = {
    name: 'correlation',
    type: 'heatmap',
    data,
    label: { show: columns.length <= 12, fontSize: 10 },
    emphasis: { itemStyle: { borderColor: '#111827', borderWidth: 1 } },
  };
  return {
    tooltip: { position: 'top', appendTo: 'body' },
    grid: { left: 14 + longest * 7, right: 12, top: 8, bottom: 56 + Math.round(longest * 4.6) },
    xAxis: { type: 'category', data: columns, axisLabel: { rotate: 40, interval: columns.length <= 40 ? 0 : 'auto', width: 150, overflow: 'truncate' }, splitArea: { show: true } },
    yAxis: { type: 'category', data: columns, inverse: true, axisLabel: { interval: columns.length <= 40 ? 0 : 'auto', width: 150, overflow: 'truncate' }, splitArea: { show: true } },
    visualMap: {
      min: -1,
      max: 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      precision: 1,
      text: ['+1', '−1'],
      inRange: { color: ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'] },
    },
    series: [series],
  };
}

/** One series of bars with confidence intervals. */
export interface IntervalSeries {
  name: string;
  color: string;
  /** Per-category colours overriding `color`, e.g. reference grey and current blue in one series. */
  colors?: string[];
  /** One per category; null or a null value leaves the bar out. */
  values: (MetricValue | null)[];
}

/**
 * Bars with confidence-interval whiskers, one group per category, drawn by the page script's custom renderer.
 *
 * @example
 * intervalBarsOption(['reference', 'current'], [{ name: 'accuracy', color: '#2563eb', values: [
 *   { value: 0.9, lower: 0.88, upper: 0.92, interval: 'wilson' }, { value: 0.8, lower: 0.77, upper: 0.83, interval: 'wilson' }] }]);
 */
export function intervalBarsOption(categories: string[], series: IntervalSeries[], axis: { percent?: boolean; legend?: boolean } = {}): EChartsOption {
  const scale = axis.percent === true ? 100 : 1;
  const digits = axis.percent === true ? 2 : 4;
  const show = (x: number | null): number | '-' => (x === null || !Number.isFinite(x) ? '-' : roundTo(x * scale, digits));
  const width = 0.7 / Math.max(1, series.length);
  const legend = axis.legend ?? series.length > 1;
  return {
    grid: { left: 8, right: 8, top: legend ? 30 : 10, bottom: 4, containLabel: true },
    legend: legend ? { top: 0, data: series.map((s) => s.name) } : { show: false },
    tooltip: { trigger: 'item', appendTo: 'body' },
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, overflow: 'truncate', width: 90 } },
    yAxis: { type: 'value', axisLabel: axis.percent === true ? { formatter: '{value} %' } : {}, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    series: series.map((s, k) => {
      const custom = {
        name: s.name,
        type: 'custom',
        renderItem: BAR_INTERVAL_RENDERER,
        itemPayload: { offset: -0.35 + width * (k + 0.5), width: width * 0.85, colors: s.colors ?? null },
        itemStyle: { color: s.color },
        dimensions: ['category', 'value', 'lower', 'upper'],
        encode: { x: 0, y: [1, 2, 3], tooltip: [1, 2, 3] },
        data: s.values.map((v, i) => ({ name: categories[i] ?? '', value: [i, show(v?.value ?? null), show(v?.lower ?? null), show(v?.upper ?? null)] })),
      };
      // ECharts 6 accepts the name of a registered renderer; its typings only know functions.
      return custom as unknown as SeriesOption;
    }),
  };
}

/**
 * A donut of columns by drift verdict.
 *
 * @example
 * driftDonutOption({ drifted: 3, stable: 7, undecided: 1 });
 */
export function driftDonutOption(counts: { drifted: number; stable: number; undecided: number }): EChartsOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d} %)', appendTo: 'body' },
    legend: { orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        name: 'columns',
        type: 'pie',
        radius: ['48%', '78%'],
        center: ['35%', '50%'],
        label: { show: false },
        data: [
          { name: 'drifted', value: counts.drifted, itemStyle: { color: DRIFT_COLOR } },
          { name: 'not drifted', value: counts.stable, itemStyle: { color: OK_COLOR } },
          { name: 'not decided', value: counts.undecided, itemStyle: { color: NEUTRAL_COLOR } },
        ],
      },
    ],
  };
}

/**
 * Horizontal bars of the share of drifted columns per segment, worst at the top; bars at or above the dataset
 * threshold are red.
 *
 * @example
 * segmentsChartOption([{ value: 'EU', driftedShare: 0.6 }, { value: 'US', driftedShare: 0.1 }], 0.5);
 */
export function segmentsChartOption(segments: { value: string; driftedShare: number }[], threshold: number): EChartsOption {
  const sorted = [...segments].sort((a, b) => b.driftedShare - a.driftedShare);
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: '{b}: {c} %', appendTo: 'body' },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    yAxis: { type: 'category', inverse: true, data: sorted.map((s) => s.value), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: 'drifted columns',
        type: 'bar',
        barMaxWidth: 22,
        data: sorted.map((s) => ({ value: roundTo(s.driftedShare * 100, 1), itemStyle: { color: s.driftedShare >= threshold ? DRIFT_COLOR : CURRENT_COLOR } })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#6b7280', type: 'dashed' },
          label: { formatter: 'threshold' },
          data: [{ xAxis: roundTo(threshold * 100, 1) }],
        },
      },
    ],
  };
}
