import type { Widen } from '../widen';

/** Thai strings of progress reports shared by the server and the web: errors, emails, in-app messages; English below. */
export const projectReportsTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const projectReportsEn: Widen<typeof projectReportsTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
