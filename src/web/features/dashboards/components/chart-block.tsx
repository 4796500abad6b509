import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '@web/lib/i18n';
import type { ChartProps } from './chart-types';

const BarChart = lazy(() => import('./bar-chart'));

/**
 * A chart (lazy loaded: ECharts comes with the first chart shown) and, under it, the table with the same figures —
 * the accessible alternative, always shown.
 */
export function ChartBlock({
  chart,
  scrollLabel,
  children,
}: {
  chart: ChartProps | null;
  /** For a table that may scroll sideways: the name of its keyboard-focusable scrolling region. */
  scrollLabel?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="db-block">
      {chart ? (
        <Suspense
          fallback={
            <div
              className="db-chart db-chart--loading"
              style={chart.height ? { height: chart.height } : undefined}
            >
              {t('dashboards.chartLoading')}
            </div>
          }
        >
          <BarChart {...chart} />
        </Suspense>
      ) : null}
      {scrollLabel ? (
        <div
          className="db-table-wrap"
          role="region"
          aria-label={t('dashboards.tableRegion', { name: scrollLabel })}
          tabIndex={0}
        >
          {children}
        </div>
      ) : (
        <div className="db-table-wrap">{children}</div>
      )}
    </div>
  );
}
