import type { Widen } from '../widen';

/** Thai strings of SROI assessments and the impact-map editor (the source); English below. */
export const sroiEditorTh = {
  errors: {
    PLACEHOLDER: 'ยังไม่ได้ใช้',
  },
};

export const sroiEditorEn: Widen<typeof sroiEditorTh> = {
  errors: {
    PLACEHOLDER: 'Not used yet',
  },
};
