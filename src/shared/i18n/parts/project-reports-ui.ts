import type { Widen } from '../widen';

/** Thai strings of the web pages of progress reports (the source); English below. */
export const projectReportsUiTh = {
  title: 'รายงานความก้าวหน้า',
};

export const projectReportsUiEn: Widen<typeof projectReportsUiTh> = {
  title: 'Progress reports',
};
