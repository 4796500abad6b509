import type { Widen } from '../widen';

/** Thai strings of impact reports (web and PDF) and portfolio views (the source); English below. */
export const impactReportTh = {
  errors: {
    PLACEHOLDER: 'ยังไม่ได้ใช้',
  },
};

export const impactReportEn: Widen<typeof impactReportTh> = {
  errors: {
    PLACEHOLDER: 'Not used yet',
  },
};
