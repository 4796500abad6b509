import type { Widen } from '../widen';

/** Thai strings of dashboards for officers, units and the public (the source); English below. */
export const dashboardsTh = {
  errors: {},
};

export const dashboardsEn: Widen<typeof dashboardsTh> = {
  errors: {},
};
