import type { Widen } from '../widen';

/** Thai strings of incubation activities, registration, attendance and certificates (the source); English below. */
export const activitiesTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const activitiesEn: Widen<typeof activitiesTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
