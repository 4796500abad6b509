import {
  PORTFOLIO_NO_KEY,
  type ImpactReport,
  type Portfolio,
  type PortfolioDimension,
  type PortfolioProjects,
} from '@shared/contracts/impact-report';
import type { Language } from '@shared/i18n/index';
import { withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const reportPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/impact-report`;

/** The project's impact report (loaded afresh: values are verified and assessments finalised meanwhile). */
export function useImpactReport(projectId: string | undefined) {
  return useFreshApi<ImpactReport>(projectId ? reportPath(projectId) : null);
}

/** Where the report's PDF is, in a language. */
export function impactReportPdfUrl(projectId: string, lang: Language): string {
  return `${reportPath(projectId)}.pdf?lang=${lang}`;
}

export interface PortfolioFilters {
  by: PortfolioDimension;
  fiscalYear?: number | undefined;
  programmeId?: string | undefined;
  /** Officers only (the server keeps a unit's staff to their unit). */
  drivingUnitId?: string | undefined;
}

/** The impact portfolio grouped by one dimension, with the filters. */
export function usePortfolio(filters: PortfolioFilters) {
  return useFreshApi<Portfolio>(
    withQuery('/api/impact/portfolio', {
      by: filters.by,
      fiscalYear: filters.fiscalYear,
      programmeId: filters.programmeId,
      drivingUnitId: filters.drivingUnitId,
    }),
  );
}

/** The projects of one portfolio group (key null: the group without one) with the portfolio's filters, once opened. */
export function usePortfolioProjects(filters: PortfolioFilters, key: string | null, isOpen: boolean) {
  return useFreshApi<PortfolioProjects>(
    isOpen
      ? withQuery('/api/impact/portfolio/projects', {
          by: filters.by,
          key: key ?? PORTFOLIO_NO_KEY,
          fiscalYear: filters.fiscalYear,
          programmeId: filters.programmeId,
          drivingUnitId: filters.drivingUnitId,
        })
      : null,
  );
}
