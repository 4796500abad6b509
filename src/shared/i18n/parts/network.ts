import type { Widen } from '../widen';

/** Thai strings of the SI Network and the knowledge library (the source); English below. */
export const networkTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const networkEn: Widen<typeof networkTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
