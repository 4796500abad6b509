import { expect } from 'vitest';
import type { TestClient } from '@tests/helpers/client';
import type { ActivityDetail, CreateActivityBody, Registration } from '@shared/contracts/activities';

const HOUR = 3_600_000;

/** A workshop in Mae Hong Son (58) starting `startsInHours` after `now`, lasting 6 hours. */
export function workshopBody(
  now: Date,
  overrides: Partial<CreateActivityBody> = {},
  startsInHours = 48,
): CreateActivityBody {
  const startsAt = new Date(now.getTime() + startsInHours * HOUR);
  return {
    kind: 'training_workshop',
    titleTh: 'อบรมเชิงปฏิบัติการออกแบบนวัตกรรมชุมชน',
    titleEn: 'Community innovation design workshop',
    descriptionTh: 'เรียนรู้การออกแบบนวัตกรรมจากปัญหาของชุมชน',
    descriptionEn: '',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 6 * HOUR).toISOString(),
    provinceCode: 58,
    districtCode: null,
    venue: 'ศาลาประชาคมอำเภอเมือง',
    onlineUrl: null,
    capacity: 30,
    audiences: ['community'],
    registrationClosesAt: null,
    hours: 6,
    givesCertificate: true,
    cohortId: null,
    facilitators: [],
    ...overrides,
  };
}

/** A draft activity made by `staff` through the API. */
export async function createActivity(staff: TestClient, body: CreateActivityBody): Promise<ActivityDetail> {
  const response = await staff.post('/api/activities', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: ActivityDetail }>().data;
}

/** A published activity made by `staff` through the API. */
export async function publishedActivity(
  staff: TestClient,
  body: CreateActivityBody,
): Promise<ActivityDetail> {
  const draft = await createActivity(staff, body);
  const response = await staff.post(`/api/activities/${draft.id}/publish`, { version: draft.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ActivityDetail }>().data;
}

/** Registers the client's person for an activity. */
export async function registerFor(
  client: TestClient,
  activityId: string,
  organisationId: string | null = null,
): Promise<Registration> {
  const response = await client.post(`/api/activities/${activityId}/registrations`, { organisationId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: Registration }>().data;
}
