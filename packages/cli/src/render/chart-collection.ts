import type { EChartsOption } from 'echarts';
import { escapeHtml } from './escape-html.js';

/** Where a chart goes on the page and how it is described to screen readers. */
export interface ChartPlacement {
  /** What the chart shows, read out by screen readers (the chart is a canvas). */
  label: string;
  /** Extra CSS class of the container, e.g. `chart-spark` for a sparkline in a table cell. */
  className?: string;
  /** Container height in pixels when it differs from the class default. */
  height?: number;
}

/** The charts of one page: each `add` returns a placeholder, `options` is embedded as JSON for the page script. */
export interface ChartCollection {
  add(option: EChartsOption, placement: ChartPlacement): string;
  readonly options: Readonly<Record<string, EChartsOption>>;
}

/**
 * Collects ECharts options under generated ids. The page script initialises each placeholder only when it scrolls
 * into view, so a report with hundreds of columns opens fast.
 *
 * @example
 * const charts = createChartCollection();
 * const html = charts.add({ series: [{ type: 'bar', data: [1, 2] }] }, { label: 'Two bars' });
 * // html: '<div class="chart" data-chart="c1" role="img" aria-label="Two bars"></div>'
 */
export function createChartCollection(): ChartCollection {
  const options: Record<string, EChartsOption> = {};
  let next = 1;
  return {
    options,
    add(option, placement) {
      const id = `c${next++}`;
      options[id] = option;
      const className = placement.className === undefined ? 'chart' : `chart ${placement.className}`;
      const style = placement.height === undefined ? '' : ` style="height:${Math.round(placement.height)}px"`;
      return `<div class="${escapeHtml(className)}" data-chart="${id}" role="img" aria-label="${escapeHtml(placement.label)}"${style}></div>`;
    },
  };
}
