import type { Widen } from '../widen';

/** Thai strings of open data: the public API, datasets and bulk downloads (the source); English below. */
export const openDataTh = {
  errors: {},
};

export const openDataEn: Widen<typeof openDataTh> = {
  errors: {},
};
