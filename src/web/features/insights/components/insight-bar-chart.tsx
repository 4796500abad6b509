import { useMemo } from 'react';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CHART_FONT, EChart } from '@web/components/charts/echart';

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const COLOURS = ['#8a97a6', '#2f6fb3', '#1f8a5b', '#d9822b'] as const;

export interface BarSeries {
  name: string;
  values: number[];
  /** Series with the same stack are stacked. */
  stack?: string;
}

/**
 * Grouped (or stacked) bars with ECharts; the figures are also in the table beside it (the chart is an image with a
 * label for screen readers). Loaded lazily with the page's charts.
 */
export default function InsightBarChart({
  labels,
  series,
  label,
  format,
  horizontal = false,
  integer = false,
}: {
  labels: string[];
  series: BarSeries[];
  label: string;
  format: (value: number) => string;
  horizontal?: boolean;
  /** Counts: whole-number ticks only. */
  integer?: boolean;
}) {
  const option = useMemo((): Option => {
    const category = {
      type: 'category' as const,
      data: labels,
      axisLabel: {
        fontFamily: CHART_FONT,
        width: horizontal ? 120 : 90,
        overflow: 'truncate' as const,
        interval: 0,
      },
    };
    const value = {
      type: 'value' as const,
      ...(integer ? { minInterval: 1 } : {}),
      axisLabel: { fontFamily: CHART_FONT, formatter: (v: number) => format(v) },
    };
    return {
      animation: false,
      color: [...COLOURS],
      textStyle: { fontFamily: CHART_FONT },
      legend: { top: 0, textStyle: { fontFamily: CHART_FONT } },
      tooltip: {
        trigger: 'axis',
        textStyle: { fontFamily: CHART_FONT },
        valueFormatter: (v) => (typeof v === 'number' ? format(v) : String(v)),
      },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: 28,
        ...(s.stack ? { stack: s.stack } : {}),
      })),
    };
  }, [labels, series, format, horizontal, integer]);
  const height = horizontal ? Math.max(12, labels.length * 3.2 + 4) : 20;
  return <EChart option={option} label={label} className="pi-chart" style={{ height: `${height}rem` }} />;
}
