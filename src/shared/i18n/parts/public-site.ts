import type { Widen } from '../widen';

/** Thai strings of public site: home figures, page titles (the source); English below. */
export const publicSiteTh = {
  errors: {},
};

export const publicSiteEn: Widen<typeof publicSiteTh> = {
  errors: {},
};
