import type { Widen } from '../widen';

/** Thai strings of SI personnel, mentoring and consulting (the source); English below. */
export const mentoringTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const mentoringEn: Widen<typeof mentoringTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
