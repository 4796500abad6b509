import { useEffect, useRef } from 'react';
import { init, use as installECharts, type ComposeOption } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReportIndicator } from '@shared/contracts/impact-report';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

installECharts([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

const FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";
const COLOURS = { baseline: '#8795a3', target: '#2f6fb3', actual: '#1f8a5b', verifiedActual: '#0f5a39' };

/** One indicator's baseline → target → actual (and the verified actual) as horizontal bars (ECharts). */
export function ReportIndicatorChart({ indicator }: { indicator: ReportIndicator }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const name = lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameTh;

  useEffect(() => {
    const container = ref.current;
    if (!container) {
      return undefined;
    }
    const chart = init(container, undefined, { renderer: 'canvas' });
    const bars = (['baseline', 'target', 'actual', 'verifiedActual'] as const).map((key) => ({
      key,
      label: t(`impactReport.indicators.${key}`),
      value: indicator[key],
    }));
    const option: Option = {
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: { left: 8, right: 72, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontFamily: FONT } },
      xAxis: {
        type: 'value',
        axisLabel: { fontFamily: FONT },
        splitLine: { lineStyle: { color: '#e3e8ee' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { fontFamily: FONT, fontSize: 13, color: '#17232f' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: bars.map((b) => ({
            value: b.value ?? 0,
            itemStyle: { color: COLOURS[b.key] },
            label: {
              show: true,
              position: 'right',
              fontFamily: FONT,
              formatter: () => (b.value === null ? '–' : formatNumber(b.value, lang)),
            },
          })),
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
  }, [indicator, lang, t]);

  return (
    <div
      ref={ref}
      className="ir-chart ir-chart--indicator"
      role="img"
      aria-label={t('impactReport.indicators.chartLabel', { name })}
    />
  );
}
