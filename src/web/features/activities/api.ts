import type {
  ActivityCertificateVerification,
  ActivityDetail,
  ActivityListQuery,
  ActivitySummary,
  AttendanceCode,
  AttendBody,
  AttendResult,
  CancelActivityBody,
  CreateActivityBody,
  FacilitatorOption,
  MyRegistration,
  Registration,
  UpdateActivityBody,
} from '@shared/contracts/activities';
import { apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const activityPath = (id: string, rest = '') => `/api/activities/${encodeURIComponent(id)}${rest}`;
const registrationPath = (id: string, rest = '') =>
  `/api/activity-registrations/${encodeURIComponent(id)}${rest}`;

export type CalendarQuery = Partial<
  Pick<ActivityListQuery, 'month' | 'kind' | 'provinceCode' | 'drivingUnitId' | 'audience'>
>;

export const activitiesApi = {
  create: (body: CreateActivityBody) => apiSend<ActivityDetail>('POST', '/api/activities', body),
  update: (id: string, body: UpdateActivityBody) => apiSend<ActivityDetail>('PATCH', activityPath(id), body),
  publish: (id: string, version: number) =>
    apiSend<ActivityDetail>('POST', activityPath(id, '/publish'), { version }),
  cancel: (id: string, body: CancelActivityBody) =>
    apiSend<ActivityDetail>('POST', activityPath(id, '/cancel'), body),
  complete: (id: string, version: number) =>
    apiSend<ActivityDetail>('POST', activityPath(id, '/complete'), { version }),
  register: (id: string, organisationId: string | null) =>
    apiSend<Registration>('POST', activityPath(id, '/registrations'), { organisationId }),
  cancelRegistration: (id: string, version: number) =>
    apiSend<Registration>('POST', registrationPath(id, '/cancel'), { version }),
  markAttendance: (id: string, version: number, attended: boolean) =>
    apiSend<Registration>('POST', registrationPath(id, '/attendance'), { version, attended }),
  renewCode: (id: string, validMinutes: number) =>
    apiSend<AttendanceCode>('POST', activityPath(id, '/attendance-code'), { validMinutes }),
  attend: (body: AttendBody) => apiSend<AttendResult>('POST', '/api/attendance', body),
  requestCertificate: (registrationId: string) =>
    apiSend<Registration>('POST', registrationPath(registrationId, '/certificate')),
  issueCertificates: (id: string) => apiSend<{ issued: number }>('POST', activityPath(id, '/certificates')),
  revokeCertificate: (registrationId: string, reason: string) =>
    apiSend<Registration>('POST', registrationPath(registrationId, '/certificate/revoke'), { reason }),
};

/** The public calendar for a month and filters. */
export function useCalendar(query: CalendarQuery) {
  return useFreshApi<ActivitySummary[]>(withQuery('/api/activities', { ...query }));
}

export function useActivity(id: string | undefined) {
  return useFreshApi<ActivityDetail>(id ? activityPath(id) : null);
}

export function useManagedActivities(status?: string) {
  return useFreshApi<ActivitySummary[]>(withQuery('/api/activities/managed', { status }));
}

export function useRegistrations(id: string | undefined) {
  return useFreshApi<Registration[]>(id ? activityPath(id, '/registrations') : null);
}

export function useAttendanceCode(id: string | undefined) {
  return useFreshApi<AttendanceCode>(id ? activityPath(id, '/attendance-code') : null);
}

export function useMyRegistrations(enabled: boolean) {
  return useFreshApi<MyRegistration[]>(enabled ? '/api/activity-registrations/mine' : null);
}

export function useFacilitatorOptions(drivingUnitId: string | null) {
  return useFreshApi<FacilitatorOption[]>(
    withQuery('/api/activities/facilitator-options', { drivingUnitId: drivingUnitId ?? undefined }),
  );
}

export function useCertificateCheck(code: string | undefined) {
  return useFreshApi<ActivityCertificateVerification>(
    code ? `/api/activity-certificates/${encodeURIComponent(code)}` : null,
  );
}

/** A certificate's PDF in a language (a plain link: the browser downloads it). */
export function certificatePdfHref(registrationId: string, lang: 'th' | 'en'): string {
  return withQuery(registrationPath(registrationId, '/certificate.pdf'), { lang });
}
