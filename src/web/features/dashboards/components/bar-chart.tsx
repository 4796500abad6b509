import { useMemo } from 'react';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CHART_FONT, EChart } from '@web/components/charts/echart';
import type { ChartProps } from './chart-types';

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

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
  const option = useMemo((): Option => {
    const formatter = (value: number) => (format ? format(value) : String(value));
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      axisLabel: {
        fontFamily: CHART_FONT,
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
      axisLabel: { fontFamily: CHART_FONT, formatter },
      ...(valueName
        ? {
            name: valueName,
            nameLocation: 'end' as const,
            nameTextStyle: { fontFamily: CHART_FONT, align: 'left' as const },
          }
        : {}),
    };
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      // one line that pages rather than wraps over the plot on narrow screens
      legend:
        series.length > 1
          ? { type: 'scroll', top: 0, textStyle: { fontFamily: CHART_FONT } }
          : { show: false },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        textStyle: { fontFamily: CHART_FONT },
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
  }, [categories, series, horizontal, format, valueName]);

  return (
    <EChart
      option={option}
      label={label}
      className="db-chart"
      style={height ? { height } : undefined}
      testId="db-chart"
    />
  );
}
