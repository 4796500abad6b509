import { useEffect, useRef, type CSSProperties } from 'react';
import { init, use as installECharts, type EChartsCoreOption } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

installECharts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The charts' font: the page's Thai-first font stack. */
export const CHART_FONT = "Sarabun, 'Noto Sans Thai', Tahoma, sans-serif";

/**
 * One ECharts chart on a canvas, drawn from `option` (bars, grid, legend and tooltip are installed; a chart that
 * needs more installs it beside its option), resized with its box and disposed on unmount. The chart is an image
 * labelled for screen readers: its figures must also be on the page as text. Import it only from modules that are
 * loaded with the charts, so ECharts is fetched only when a page shows one.
 */
export function EChart({
  option,
  label,
  className,
  style,
  testId,
}: {
  /** A new option redraws the chart: keep it memoised. */
  option: EChartsCoreOption;
  label: string;
  className: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = ref.current;
    if (!container) {
      return undefined;
    }
    const chart = init(container, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return (
    <div ref={ref} className={className} style={style} role="img" aria-label={label} data-testid={testId} />
  );
}
