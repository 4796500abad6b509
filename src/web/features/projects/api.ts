import type {
  AcceptAgreementBody,
  CloseProjectBody,
  DisbursementExportBody,
  DisbursementQuery,
  DisbursementReport,
  Instalment,
  PaymentBody,
  ProjectDetail,
  ProjectList,
  ProjectSetupBody,
  ProjectUnitBody,
  Reallocation,
  ReallocationBody,
  ReallocationDecisionBody,
  VersionBody,
} from '@shared/contracts/projects';
import type { DrivingUnit } from '@shared/contracts/identity';
import type { CreatedJob } from '@shared/contracts/jobs';
import { apiGetRaw, apiSend, withQuery } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';
import { paramsFromQuery, type ProjectFilters } from './query';

const projectPath = (id: string, rest = '') => `/api/projects/${encodeURIComponent(id)}${rest}`;
const reallocationPath = (id: string, rest: string) => `/api/reallocations/${encodeURIComponent(id)}${rest}`;

export const projectsApi = {
  /** One page of the projects the person may see (the answer is `{ data, page }`, kept whole). */
  list: (query: ProjectFilters, init?: { signal?: AbortSignal }) => {
    const search = paramsFromQuery(query).toString();
    return apiGetRaw<ProjectList>(`/api/projects${search ? `?${search}` : ''}`, init);
  },
  saveSetup: (id: string, body: ProjectSetupBody) =>
    apiSend<ProjectDetail>('PUT', projectPath(id, '/setup'), body),
  changeUnit: (id: string, body: ProjectUnitBody) =>
    apiSend<ProjectDetail>('PATCH', projectPath(id, '/unit'), body),
  issueAgreement: (id: string, body: VersionBody) =>
    apiSend<ProjectDetail>('POST', projectPath(id, '/agreement/issue'), body),
  withdrawAgreement: (id: string, body: VersionBody) =>
    apiSend<ProjectDetail>('POST', projectPath(id, '/agreement/withdraw'), body),
  acceptAgreement: (id: string, body: AcceptAgreementBody) =>
    apiSend<ProjectDetail>('POST', projectPath(id, '/agreement/accept'), body),
  recordPayment: (instalmentId: string, body: PaymentBody) =>
    apiSend<Instalment>('POST', `/api/instalments/${encodeURIComponent(instalmentId)}/payment`, body),
  requestReallocation: (id: string, body: ReallocationBody) =>
    apiSend<Reallocation>('POST', projectPath(id, '/reallocations'), body),
  approveReallocation: (id: string, body: ReallocationDecisionBody) =>
    apiSend<Reallocation>('POST', reallocationPath(id, '/approve'), body),
  rejectReallocation: (id: string, body: ReallocationDecisionBody) =>
    apiSend<Reallocation>('POST', reallocationPath(id, '/reject'), body),
  cancelReallocation: (id: string, body: VersionBody) =>
    apiSend<Reallocation>('POST', reallocationPath(id, '/cancel'), body),
  close: (id: string, body: CloseProjectBody) =>
    apiSend<ProjectDetail>('POST', projectPath(id, '/close'), body),
};

/** A project's page data, always loaded afresh (money and statuses change under other people's hands). */
export function useProject(id: string | undefined) {
  return useFreshApi<ProjectDetail>(id ? projectPath(id) : null);
}

/** The driving units (reference data, kept for the session). */
export function useDrivingUnits() {
  return useApi<DrivingUnit[]>('/api/driving-units');
}

/** The disbursement report of a fiscal year (or all years) and unit. */
export function useDisbursements(query: DisbursementQuery) {
  return useFreshApi<DisbursementReport>(withQuery('/api/projects/disbursements', { ...query }));
}

/** The agreement's PDF in a language (a plain link: the browser opens it). */
export function agreementPdfHref(id: string, lang: 'th' | 'en'): string {
  return withQuery(projectPath(id, '/agreement.pdf'), { lang });
}

/** Starts an export of the disbursement report (the page's filters) as an XLSX workbook in a background job. */
export function startDisbursementExport(query: DisbursementQuery): Promise<CreatedJob> {
  return apiSend<CreatedJob>('POST', '/api/projects/disbursements/exports', {
    ...query,
    format: 'xlsx',
  } satisfies DisbursementExportBody);
}
