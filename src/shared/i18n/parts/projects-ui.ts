import type { Widen } from '../widen';

/** Thai strings of the web pages of grant projects (the source); English below. */
export const projectsUiTh = {
  title: 'โครงการที่ได้รับทุน',
};

export const projectsUiEn: Widen<typeof projectsUiTh> = {
  title: 'Funded projects',
};
