import { useEffect, useRef } from 'react';
import { init, use as installECharts, type ComposeOption } from 'echarts/core';
import { BarChart as EBarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartProps } from './chart-types';

installECharts([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";

/**
 * A bar chart (grouped, stacked or horizontal) drawn with ECharts. Loaded lazily by `ChartBlock`, so ECharts is
 * fetched only when a page shows a chart; the figures are always in the table that follows it.
 */
export default function BarChart({
  label,
  categories,
  series,
  horizontal,
  format,
  valueName,
  height,
}: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = ref.current;
    if (!container) {
      return undefined;
    }
    const chart = init(container, undefined, { renderer: 'canvas' });
    const formatter = (value: number) => (format ? format(value) : String(value));
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      axisLabel: {
        fontFamily: FONT,
        interval: 0,
        width: horizontal ? 220 : 110,
        overflow: 'truncate' as const,
        // turned only when the labels would not fit side by side
        rotate: !horizontal && categories.reduce((n, c) => n + c.length, 0) > 60 ? 30 : 0,
      },
    };
    const valueAxis = {
      type: 'value' as const,
      minInterval: format ? 0 : 1,
      axisLabel: { fontFamily: FONT, formatter },
      ...(valueName
        ? {
            name: valueName,
            nameLocation: 'end' as const,
            nameTextStyle: { fontFamily: FONT, align: 'left' as const },
          }
        : {}),
    };
    const option: Option = {
      animation: false,
      textStyle: { fontFamily: FONT },
      // one line that pages rather than wraps over the plot on narrow screens
      legend:
        series.length > 1 ? { type: 'scroll', top: 0, textStyle: { fontFamily: FONT } } : { show: false },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        textStyle: { fontFamily: FONT },
        valueFormatter: (value) => (typeof value === 'number' ? formatter(value) : String(value ?? '–')),
      },
      grid: {
        left: 8,
        right: 16,
        top: (series.length > 1 ? 40 : 12) + (valueName && !horizontal ? 20 : 0),
        bottom: 8,
        containLabel: true,
      },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        data: s.values,
        barMaxWidth: 40,
        itemStyle: { color: s.color },
        ...(s.stack ? { stack: s.stack } : {}),
      })),
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series, horizontal, format, valueName]);

  return (
    <div
      ref={ref}
      className="db-chart"
      style={height ? { height } : undefined}
      role="img"
      aria-label={label}
      data-testid="db-chart"
    />
  );
}
