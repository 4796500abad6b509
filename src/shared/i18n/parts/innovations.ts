import type { Widen } from '../widen';

/** Thai strings of the innovations capability (the source); English below. */
export const innovationsTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const innovationsEn: Widen<typeof innovationsTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
