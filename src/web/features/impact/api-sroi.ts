import type { ProjectIndicators } from '@shared/contracts/impact-project';
import type {
  CreateSroiAssessmentBody,
  SaveSroiAssessmentBody,
  SroiAssessmentDetail,
  SroiAssessmentList,
} from '@shared/contracts/sroi-assessments';
import { apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const assessmentPath = (id: string) => `/api/sroi-assessments/${encodeURIComponent(id)}`;
const projectPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/sroi-assessments`;

/** SROI assessments (`/api/projects/:id/sroi-assessments`, `/api/sroi-assessments/:id`). */
export const sroiApi = {
  create: (projectId: string, body: CreateSroiAssessmentBody) =>
    apiSend<SroiAssessmentDetail>('POST', projectPath(projectId), body),
  save: (id: string, body: SaveSroiAssessmentBody) =>
    apiSend<SroiAssessmentDetail>('PUT', assessmentPath(id), body),
  finalise: (id: string, version: number) =>
    apiSend<SroiAssessmentDetail>('POST', `${assessmentPath(id)}/finalise`, { version }),
  newVersion: (id: string) => apiSend<SroiAssessmentDetail>('POST', `${assessmentPath(id)}/new-version`, {}),
  remove: (id: string, version: number) => apiSend('DELETE', withQuery(assessmentPath(id), { version })),
};

/** A project's assessments, fresh on every visit. */
export function useSroiAssessments(projectId: string | undefined) {
  return useFreshApi<SroiAssessmentList>(projectId ? projectPath(projectId) : null);
}

/** One assessment, fresh on every visit. */
export function useSroiAssessment(id: string | undefined) {
  return useFreshApi<SroiAssessmentDetail>(id ? assessmentPath(id) : null);
}

/** The project's indicators (helper B's endpoint), to link an outcome to one. */
export function useProjectIndicatorsForSroi(projectId: string | undefined) {
  return useFreshApi<ProjectIndicators>(
    projectId ? `/api/projects/${encodeURIComponent(projectId)}/indicators` : null,
  );
}
