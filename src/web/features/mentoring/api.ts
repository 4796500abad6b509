import type {
  AssignMentorBody,
  CreateRequestBody,
  LogSessionBody,
  MentoringRequest,
  MentoringRequestDetail,
  MentorOption,
  PersonBody,
  PersonDetail,
  PersonnelListQuery,
  PersonSummary,
  RateSessionBody,
  RecognitionBody,
  RequestListQuery,
  RequestStatusBody,
  UpdatePersonBody,
} from '@shared/contracts/mentoring';
import type { DrivingUnit } from '@shared/contracts/identity';
import { apiSend, withQuery } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

const personPath = (id: string, rest = '') => `/api/personnel/${encodeURIComponent(id)}${rest}`;
const requestPath = (id: string, rest = '') => `/api/mentoring/requests/${encodeURIComponent(id)}${rest}`;

export const mentoringApi = {
  createPerson: (body: PersonBody) => apiSend<PersonDetail>('POST', '/api/personnel', body),
  updatePerson: (id: string, body: UpdatePersonBody) => apiSend<PersonDetail>('PATCH', personPath(id), body),
  addRecognition: (id: string, body: RecognitionBody) =>
    apiSend<PersonDetail>('POST', personPath(id, '/recognitions'), body),
  createRequest: (body: CreateRequestBody) =>
    apiSend<MentoringRequestDetail>('POST', '/api/mentoring/requests', body),
  assign: (id: string, body: AssignMentorBody) =>
    apiSend<MentoringRequestDetail>('POST', requestPath(id, '/assign'), body),
  setStatus: (id: string, body: RequestStatusBody) =>
    apiSend<MentoringRequestDetail>('POST', requestPath(id, '/status'), body),
  logSession: (id: string, body: LogSessionBody) =>
    apiSend<MentoringRequestDetail>('POST', requestPath(id, '/sessions'), body),
  rateSession: (sessionId: string, body: RateSessionBody) =>
    apiSend<MentoringRequestDetail>(
      'POST',
      `/api/mentoring/sessions/${encodeURIComponent(sessionId)}/rating`,
      body,
    ),
};

/** The registry, filtered (always fresh: staff change it). */
export function usePersonnel(query: PersonnelListQuery) {
  return useFreshApi<PersonSummary[]>(withQuery('/api/personnel', { ...query }));
}

export function usePerson(id: string | undefined) {
  return useFreshApi<PersonDetail>(id ? personPath(id) : null);
}

export function useRequests(query: RequestListQuery, enabled = true) {
  return useFreshApi<MentoringRequest[]>(enabled ? withQuery('/api/mentoring/requests', { ...query }) : null);
}

export function useRequest(id: string | undefined) {
  return useFreshApi<MentoringRequestDetail>(id ? requestPath(id) : null);
}

export function useMentorOptions(drivingUnitId: string | null, enabled: boolean) {
  return useApi<MentorOption[]>(
    enabled
      ? withQuery('/api/personnel/mentor-options', { drivingUnitId: drivingUnitId ?? undefined })
      : null,
  );
}

/** Every driving unit (to choose the one asked, or a person's unit). */
export function useDrivingUnitChoices() {
  return useApi<DrivingUnit[]>('/api/driving-units');
}
