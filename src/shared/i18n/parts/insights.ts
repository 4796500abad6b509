import type { Widen } from '../widen';

/** Thai strings of policy insight reports and background jobs (the source); English below. */
export const insightsTh = {
  errors: {},
};

export const insightsEn: Widen<typeof insightsTh> = {
  errors: {},
};
