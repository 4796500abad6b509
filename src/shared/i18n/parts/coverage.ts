import type { Widen } from '../widen';

/** Thai strings of the coverage-versus-need map and the gap index (the source); English below. */
export const coverageTh = {
  errors: {},
};

export const coverageEn: Widen<typeof coverageTh> = {
  errors: {},
};
