import { useEffect, useRef } from 'react';
import { init, use as installECharts, type ComposeOption } from 'echarts/core';
import { BarChart, ScatterChart, type BarSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { PortfolioGroup } from '@shared/contracts/impact-report';
import { useI18n } from '@web/lib/i18n';

installECharts([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";

/** Projects per group (bars, left axis) and each group's aggregated SROI (diamonds, right axis), with ECharts. */
export function ReportPortfolioChart({
  groups,
  names,
}: {
  groups: readonly PortfolioGroup[];
  names: string[];
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = ref.current;
    if (!container) {
      return undefined;
    }
    const chart = init(container, undefined, { renderer: 'canvas' });
    const projectsName = t('impactReport.portfolio.chartProjects');
    const ratioName = t('impactReport.portfolio.chartRatio');
    const option: Option = {
      animation: false,
      textStyle: { fontFamily: FONT },
      legend: { top: 0, textStyle: { fontFamily: FONT } },
      tooltip: { trigger: 'axis', textStyle: { fontFamily: FONT } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: {
          fontFamily: FONT,
          interval: 0,
          width: 110,
          overflow: 'truncate',
          rotate: names.length > 5 ? 30 : 0,
        },
      },
      yAxis: [
        // the legend names both axes: projects on the left, the aggregated ratio on the right
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: projectsName,
          barMaxWidth: 36,
          itemStyle: { color: '#2f6fb3' },
          data: groups.map((g) => g.projectCount),
        },
        {
          type: 'scatter',
          name: ratioName,
          yAxisIndex: 1,
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: '#d9822b' },
          data: groups.map((g) => (g.sroi.ratio === null ? null : Number(g.sroi.ratio.toFixed(2)))),
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [groups, names, t]);

  return (
    <div
      ref={ref}
      className="ir-chart ir-chart--portfolio"
      role="img"
      aria-label={t('impactReport.portfolio.chartLabel')}
    />
  );
}
