import type { CoverageMeasure, CoverageProvince } from '@shared/contracts/coverage';

/** The figures of a province that a coverage measure can be read from. */
export type MeasuredProvince = Pick<
  CoverageProvince,
  'grantSatang' | 'grantPerPoorSatang' | 'projects' | 'beneficiaries' | 'adoptions'
>;

/** The chosen coverage measure of a province (null where it cannot be computed). */
export function measureValue(row: MeasuredProvince, measure: CoverageMeasure): number | null {
  switch (measure) {
    case 'grant_money':
      return row.grantSatang;
    case 'money_per_poor':
      return row.grantPerPoorSatang;
    case 'projects':
      return row.projects;
    case 'beneficiaries':
      return row.beneficiaries;
    case 'adoptions':
      return row.adoptions;
  }
}
