import type {
  AddMemberBody,
  AssessmentResults,
  CohortDetail,
  CohortList,
  CohortListQuery,
  CohortMember,
  CreateCohortBody,
  MemberLookup,
  MyAssessment,
  Questionnaire,
  ResultsExportBody,
  ResultsExportFormat,
  SaveQuestionnaireBody,
  SubmitResponseBody,
  UpdateCohortBody,
} from '@shared/contracts/cohorts';
import type { CreatedJob } from '@shared/contracts/jobs';
import type { Language } from '@shared/i18n/index';
import { apiGet, apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const cohortPath = (id: string, rest = '') => `/api/cohorts/${encodeURIComponent(id)}${rest}`;

export const cohortsApi = {
  create: (body: CreateCohortBody) => apiSend<CohortDetail>('POST', '/api/cohorts', body),
  update: (id: string, body: UpdateCohortBody) => apiSend<CohortDetail>('PATCH', cohortPath(id), body),
  lookupMember: (id: string, email: string) =>
    apiGet<MemberLookup>(withQuery(cohortPath(id, '/member-lookup'), { email })),
  addMember: (id: string, body: AddMemberBody) =>
    apiSend<CohortMember>('POST', cohortPath(id, '/members'), body),
  removeMember: (id: string, userId: string) =>
    apiSend<{ ok: true }>('DELETE', cohortPath(id, `/members/${encodeURIComponent(userId)}`)),
  saveQuestionnaire: (id: string, body: SaveQuestionnaireBody) =>
    apiSend<Questionnaire>('PUT', cohortPath(id, '/questionnaire'), body),
  submitResponse: (id: string, body: SubmitResponseBody) =>
    apiSend<MyAssessment>('POST', cohortPath(id, '/assessment/responses'), body),
};

/** The cohorts the person may see (always loaded afresh: members and answers change under other hands). */
export function useCohorts(query: CohortListQuery) {
  return useFreshApi<CohortList>(withQuery('/api/cohorts', { ...query }));
}

export function useCohort(id: string | undefined) {
  return useFreshApi<CohortDetail>(id ? cohortPath(id) : null);
}

/** The questionnaire with its answer counts (managers). */
export function useQuestionnaire(id: string | undefined, enabled: boolean) {
  return useFreshApi<Questionnaire | null>(id && enabled ? cohortPath(id, '/questionnaire') : null);
}

export function useMyAssessment(id: string | undefined) {
  return useFreshApi<MyAssessment>(id ? cohortPath(id, '/assessment') : null);
}

export function useResults(id: string | undefined) {
  return useFreshApi<AssessmentResults>(id ? cohortPath(id, '/results') : null);
}

/** Starts an export of the results as a file in a language, in a background job. */
export function startResultsExport(
  id: string,
  format: ResultsExportFormat,
  lang: Language,
): Promise<CreatedJob> {
  return apiSend<CreatedJob>('POST', cohortPath(id, '/results/exports'), {
    format,
    lang,
  } satisfies ResultsExportBody);
}
