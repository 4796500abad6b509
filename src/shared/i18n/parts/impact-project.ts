import type { Widen } from '../widen';

/** Thai strings of a project's logic model, indicators, actuals and their verification (the source); English below. */
export const impactProjectTh = {
  errors: {
    PLACEHOLDER: 'ยังไม่ได้ใช้',
  },
};

export const impactProjectEn: Widen<typeof impactProjectTh> = {
  errors: {
    PLACEHOLDER: 'Not used yet',
  },
};
