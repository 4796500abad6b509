import type {
  CreateIndicatorValueBody,
  CreateProjectIndicatorBody,
  IndicatorFile,
  IndicatorValue,
  LogicModel,
  ProjectIndicator,
  ProjectIndicators,
  ReviewIndicatorValueBody,
  SaveLogicModelBody,
  UpdateIndicatorValueBody,
  UpdateProjectIndicatorBody,
} from '@shared/contracts/impact-project';
import { apiSend, uploadFile } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const enc = encodeURIComponent;

export const logicModelPath = (projectId: string) => `/api/projects/${enc(projectId)}/logic-model`;
export const projectIndicatorsPath = (projectId: string) => `/api/projects/${enc(projectId)}/indicators`;
/** Where an evidence file downloads from (the session cookie authorises it). */
export const indicatorFileHref = (fileId: string) => `/api/indicator-files/${enc(fileId)}`;

export const projectImpactApi = {
  saveLogicModel: (projectId: string, body: SaveLogicModelBody) =>
    apiSend<LogicModel>('PUT', logicModelPath(projectId), body),
  createIndicator: (projectId: string, body: CreateProjectIndicatorBody) =>
    apiSend<ProjectIndicator>('POST', projectIndicatorsPath(projectId), body),
  updateIndicator: (id: string, body: UpdateProjectIndicatorBody) =>
    apiSend<ProjectIndicator>('PATCH', `/api/project-indicators/${enc(id)}`, body),
  removeIndicator: (id: string, version: number) =>
    apiSend('DELETE', `/api/project-indicators/${enc(id)}?version=${version}`),
  createValue: (indicatorId: string, body: CreateIndicatorValueBody) =>
    apiSend<IndicatorValue>('POST', `/api/project-indicators/${enc(indicatorId)}/values`, body),
  updateValue: (id: string, body: UpdateIndicatorValueBody) =>
    apiSend<IndicatorValue>('PATCH', `/api/indicator-values/${enc(id)}`, body),
  removeValue: (id: string, version: number) =>
    apiSend('DELETE', `/api/indicator-values/${enc(id)}?version=${version}`),
  review: (id: string, body: ReviewIndicatorValueBody) =>
    apiSend<IndicatorValue>('POST', `/api/indicator-values/${enc(id)}/review`, body),
  removeFile: (fileId: string) => apiSend('DELETE', indicatorFileHref(fileId)),
  uploadFile: (valueId: string, file: File, onProgress?: (fraction: number) => void) =>
    uploadFile<IndicatorFile>(`/api/indicator-values/${enc(valueId)}/files`, file, { onProgress }),
};

/** The project's logic model, fresh on every visit. */
export function useLogicModel(projectId: string | undefined) {
  return useFreshApi<LogicModel>(projectId ? logicModelPath(projectId) : null);
}

/** The project's indicators with values, flags, counts and abilities, fresh on every visit. */
export function useProjectIndicators(projectId: string | undefined) {
  return useFreshApi<ProjectIndicators>(projectId ? projectIndicatorsPath(projectId) : null);
}
