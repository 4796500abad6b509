import { useMemo } from 'react';
import { use as installECharts, type ComposeOption } from 'echarts/core';
import { ScatterChart, type BarSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { PortfolioGroup } from '@shared/contracts/impact-report';
import { CHART_FONT, EChart } from '@web/components/charts/echart';
import { useI18n } from '@web/lib/i18n';

installECharts([ScatterChart]);

type Option = ComposeOption<
  BarSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Projects per group (bars, left axis) and each group's aggregated SROI (diamonds, right axis), with ECharts. */
export function ReportPortfolioChart({
  groups,
  names,
}: {
  groups: readonly PortfolioGroup[];
  names: string[];
}) {
  const { t } = useI18n();
  const option = useMemo((): Option => {
    const projectsName = t('impactReport.portfolio.chartProjects');
    const ratioName = t('impactReport.portfolio.chartRatio');
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      legend: { top: 0, textStyle: { fontFamily: CHART_FONT } },
      tooltip: { trigger: 'axis', textStyle: { fontFamily: CHART_FONT } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: {
          fontFamily: CHART_FONT,
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
  }, [groups, names, t]);

  return (
    <EChart
      option={option}
      label={t('impactReport.portfolio.chartLabel')}
      className="ir-chart ir-chart--portfolio"
    />
  );
}
