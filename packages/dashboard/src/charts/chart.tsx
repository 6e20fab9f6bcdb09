import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';
import type { ECharts } from './echarts.js';
import { init } from './echarts.js';

export interface ChartProps {
  readonly option: EChartsOption;
  /** The accessible name of the chart (what it shows, in words). */
  readonly label: string;
  readonly height?: number;
  /** Called with the clicked item's data (e.g. a heatmap cell's `[x, y, value]`). */
  readonly onItemClick?: (data: unknown) => void;
}

/**
 * An ECharts canvas that follows its option and its container's size. `data-drawn` turns true once drawn (the
 * browser tests wait on it).
 *
 * @example
 * <Chart label="Drift share over time" option={timeSeriesOption(chart)} height={220} />
 */
export function Chart({ option, label, height = 240, onItemClick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const el = element.current!;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => el.setAttribute('data-drawn', 'true'));
    instance.on('click', (params) => click.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, { notMerge: true });
  }, [option, label]);

  return <div ref={element} className="chart" role="img" aria-label={label} data-chart="" style={{ height, cursor: onItemClick ? 'pointer' : undefined }} />;
}
