import type { Widen } from '../widen';

/** Thai strings of the indicator and financial proxy libraries (the source); English below. */
export const impactLibraryTh = {
  errors: {
    PLACEHOLDER: 'ยังไม่ได้ใช้',
  },
};

export const impactLibraryEn: Widen<typeof impactLibraryTh> = {
  errors: {
    PLACEHOLDER: 'Not used yet',
  },
};
