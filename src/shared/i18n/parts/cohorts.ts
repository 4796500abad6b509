import type { Widen } from '../widen';

/** Thai strings of cohorts and capacity assessment (the source); English below. */
export const cohortsTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const cohortsEn: Widen<typeof cohortsTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
