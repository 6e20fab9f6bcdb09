/**
 * ECharts options for the dashboard's charts, built from plain data (pure, tested without a browser). Colours follow
 * the HTML report: reference grey, current blue, drift red.
 */
import type { EChartsOption, HeatmapSeriesOption, LineSeriesOption, MarkLineComponentOption } from 'echarts';
import type { Distribution } from '@bothub/core';
import { formatNumber } from '@bothub/core';
import { formatTime } from '../format/format-time.js';
import type { DriftHeatmapData } from '../logic/drift-heatmap-data.js';
import { STATUS_COLORS } from '../logic/status.js';

export const REFERENCE_COLOR = '#94a3b8';
export const CURRENT_COLOR = '#2563eb';
export const DRIFT_COLOR = '#dc2626';
const SERIES_COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9333ea'];

/** A line over time: `[epoch ms, value]` pairs, with an optional confidence band `[epoch ms, lower, upper]`. */
export interface TimeSeries {
  readonly name: string;
  readonly data: readonly (readonly [number, number | null])[];
  readonly band?: readonly (readonly [number, number | null, number | null])[];
}

/** A vertical marker where an alert fired. */
export interface TimeMarker {
  readonly time: number;
  readonly label: string;
  readonly severity: 'info' | 'warning' | 'critical';
}

export interface TimeSeriesChart {
  readonly series: readonly TimeSeries[];
  readonly markers?: readonly TimeMarker[];
  /** A horizontal line, e.g. the dataset drift threshold or the reference value. */
  readonly threshold?: { readonly value: number; readonly label: string } | null;
  /** Values are shares: the axis shows percent. */
  readonly share?: boolean;
}

const MARKER_COLOR = { info: '#1d4ed8', warning: '#d97706', critical: DRIFT_COLOR } as const;

/**
 * Lines over a time axis, with confidence bands drawn as a filled area between lower and upper, alert markers as
 * dashed vertical lines and an optional threshold line.
 *
 * @example
 * timeSeriesOption({ series: [{ name: 'drift share', data: [[t0, 0.1], [t1, 0.6]] }], threshold: { value: 0.5, label: 'threshold' }, share: true });
 */
export function timeSeriesOption(chart: TimeSeriesChart): EChartsOption {
  const series: LineSeriesOption[] = [];
  chart.series.forEach((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
    if (s.band && s.band.some(([, lo, hi]) => lo !== null && hi !== null)) {
      const stack = `band-${i}`;
      series.push({
        name: `${s.name} lower`,
        type: 'line',
        data: s.band.map(([t, lo]) => [t, lo]),
        stack,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        silent: true,
      });
      series.push({
        name: `${s.name} interval`,
        type: 'line',
        data: s.band.map(([t, lo, hi]) => [t, lo === null || hi === null ? null : hi - lo]),
        stack,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.15 },
        tooltip: { show: false },
        silent: true,
      });
    }
    series.push({ name: s.name, type: 'line', data: s.data.map(([t, v]) => [t, v]), color, showSymbol: s.data.length < 60, symbolSize: 5, connectNulls: false });
  });
  const markLines: NonNullable<MarkLineComponentOption['data']> = [];
  for (const m of chart.markers ?? []) {
    markLines.push({ xAxis: m.time, name: m.label, lineStyle: { color: MARKER_COLOR[m.severity], type: 'dashed' }, label: { show: false } });
  }
  if (chart.threshold) markLines.push({ yAxis: chart.threshold.value, name: chart.threshold.label, lineStyle: { color: '#6b7280', type: 'dotted' }, label: { formatter: chart.threshold.label, position: 'insideEndTop' } });
  const last = series.at(-1);
  if (last && markLines.length > 0) last.markLine = { symbol: 'none', silent: false, data: markLines, tooltip: { formatter: '{b}' } };
  const visible = chart.series.map((s) => s.name);
  return {
    animation: false,
    grid: { left: 56, right: 24, top: visible.length > 1 ? 32 : 16, bottom: 28 },
    legend: visible.length > 1 ? { data: visible, top: 0, type: 'scroll' } : { show: false },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? (chart.share ? `${formatNumber(v * 100)} %` : formatNumber(v)) : '—'),
    },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: !chart.share, axisLabel: { formatter: (v: number) => (chart.share ? `${Math.round(v * 100)} %` : formatNumber(v)) } },
    series,
  };
}

/**
 * The per-feature drift heatmap: features down, windows across, coloured by the value shaped in (effect size, test
 * statistic or −log10 p, named by `valueName`);
 * drifted cells are outlined in their status colour.
 *
 * @example
 * driftHeatmapOption(driftHeatmapData(points, 'value'), 'effect size');
 */
export function driftHeatmapOption(grid: DriftHeatmapData, valueName: string): EChartsOption {
  const longest = Math.min(24, Math.max(4, ...grid.features.map((f) => f.length)));
  const data: HeatmapSeriesOption['data'] = grid.cells.map(([x, y, v, status]) => ({
    value: [x, y, v],
    ...(status === 'warning' || status === 'critical' ? { itemStyle: { borderColor: STATUS_COLORS[status].fg, borderWidth: 2 } } : {}),
  }));
  return {
    animation: false,
    grid: { left: 16 + longest * 7, right: 96, top: 8, bottom: 64 },
    tooltip: {
      formatter: (params) => {
        const p = params as unknown as { value: [number, number, number | '-'] };
        const [x, y, v] = p.value;
        const w = grid.windows[x];
        const cell = grid.cells.find(([cx, cy]) => cx === x && cy === y);
        return `${grid.features[y] ?? ''}<br/>window ending ${formatTime(w?.time)}<br/>${valueName}: ${v === '-' ? '—' : formatNumber(v)}<br/>status: ${cell?.[3] ?? '—'}`;
      },
    },
    xAxis: { type: 'category', data: grid.windows.map((w) => formatTime(w.time)), axisLabel: { rotate: 30, fontSize: 10 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: grid.features, inverse: true, axisLabel: { width: longest * 7, overflow: 'truncate' }, splitArea: { show: true } },
    visualMap: { min: 0, max: grid.max > 0 ? grid.max : 1, calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 120, text: [valueName, ''], formatter: (v) => formatNumber(Number(v)), inRange: { color: ['#f8fafc', '#fde68a', '#f97316', '#b91c1c'] } },
    series: [{ name: 'drift', type: 'heatmap', data }],
  };
}

/**
 * Reference and current distribution of a column: histogram bins overlaid, or categories side by side, in percent.
 * Null when the report holds none.
 *
 * @example
 * distributionOption({ kind: 'categories', categories: ['a', 'b'], reference: [0.5, 0.5], current: [0.9, 0.1] });
 */
export function distributionOption(distribution: Distribution): EChartsOption | null {
  if (distribution.kind === 'none') return null;
  const labels =
    distribution.kind === 'histogram'
      ? distribution.reference.map((_, i) => `${formatNumber(distribution.edges[i])} – ${formatNumber(distribution.edges[i + 1])}`)
      : distribution.categories;
  const overlay = distribution.kind === 'histogram';
  const bar = (name: string, color: string, shares: readonly number[]) => ({
    name,
    type: 'bar' as const,
    data: shares.map((s) => Number((s * 100).toFixed(2))),
    itemStyle: { color },
    barGap: overlay ? '-100%' : '10%',
    barCategoryGap: overlay ? '4%' : '25%',
  });
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 56 },
    legend: { data: ['reference', 'current'], top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} %` },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30, fontSize: 10 } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
    series: [bar('reference', overlay ? 'rgba(148,163,184,0.75)' : REFERENCE_COLOR, distribution.reference), bar('current', overlay ? 'rgba(37,99,235,0.55)' : CURRENT_COLOR, distribution.current)],
  };
}

/**
 * A correlation matrix on a diverging scale from −1 to 1; null cells stay empty.
 *
 * @example
 * correlationOption(['a', 'b'], [[1, 0.5], [0.5, 1]]);
 */
export function correlationOption(columns: readonly string[], matrix: readonly (readonly (number | null)[])[]): EChartsOption {
  const data: [number, number, number | '-'][] = [];
  matrix.forEach((row, y) => {
    row.forEach((value, x) => data.push([x, y, value === null ? '-' : Number(value.toFixed(2))]));
  });
  const longest = Math.min(20, Math.max(1, ...columns.map((c) => c.length)));
  return {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 12 + longest * 7, right: 8, top: 8, bottom: 40 + Math.round(longest * 4.6) },
    xAxis: { type: 'category', data: [...columns], axisLabel: { rotate: 40, interval: 0, width: 140, overflow: 'truncate' }, splitArea: { show: true } },
    yAxis: { type: 'category', data: [...columns], inverse: true, axisLabel: { interval: 0, width: 140, overflow: 'truncate' }, splitArea: { show: true } },
    visualMap: { min: -1, max: 1, show: false, inRange: { color: ['#2563eb', '#f8fafc', '#dc2626'] } },
    series: [{ name: 'correlation', type: 'heatmap', data, label: { show: columns.length <= 10, fontSize: 10 } }],
  };
}

/** A fairness group's rates, each with its interval. */
export interface GroupRates {
  readonly group: string;
  readonly rates: Readonly<Record<string, { readonly value: number | null; readonly lower: number | null; readonly upper: number | null }>>;
}

/**
 * Bars of each group's rates (selection rate, true and false positive rate), the interval in the tooltip.
 *
 * @example
 * groupRatesOption([{ group: 'female', rates: { selectionRate: { value: 0.3, lower: 0.25, upper: 0.35 } } }]);
 */
export function groupRatesOption(groups: readonly GroupRates[]): EChartsOption {
  const metrics = [...new Set(groups.flatMap((g) => Object.keys(g.rates)))];
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    legend: { data: metrics, top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${formatNumber(v * 100)} %` : '—') },
    xAxis: { type: 'category', data: groups.map((g) => g.group) },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series: metrics.map((metric, i) => ({ name: metric, type: 'bar' as const, color: SERIES_COLORS[i % SERIES_COLORS.length]!, data: groups.map((g) => g.rates[metric]?.value ?? null) })),
  };
}
