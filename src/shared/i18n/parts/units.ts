import type { Widen } from '../widen';

/** Thai strings of driving units, their targets and dashboards (the source); English below. */
export const unitsTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const unitsEn: Widen<typeof unitsTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
