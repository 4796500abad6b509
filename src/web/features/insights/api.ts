import type { CreatedJob } from '@shared/contracts/jobs';
import type { ExportFormat, PolicyReport, PolicyReportFilters } from '@shared/contracts/insights';
import type { Language } from '@shared/i18n/index';
import { apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

/** The policy report with the filters (loaded afresh: it counts live data). */
export function usePolicyReport(filters: PolicyReportFilters) {
  return useFreshApi<PolicyReport>(
    withQuery('/api/insights/policy-report', {
      fiscalYearFrom: filters.fiscalYearFrom,
      fiscalYearTo: filters.fiscalYearTo,
      programme: filters.programme,
      theme: filters.theme,
    }),
  );
}

/** Starts an export of the report as a background job; answers its id. */
export function startPolicyReportExport(
  format: ExportFormat,
  lang: Language,
  filters: PolicyReportFilters,
): Promise<CreatedJob> {
  return apiSend<CreatedJob>('POST', '/api/insights/policy-report/exports', { format, lang, filters });
}
