import { describe, expect, it } from 'vitest';
import { rollUp } from './impact-reports.service';
import { figuresOf } from './portfolio.service';

type Facts = Parameters<typeof figuresOf>[1];
type ValueRow = NonNullable<ReturnType<Facts['libraryValues']['get']>>[number];

const value = (projectId: string, value: number, over: Partial<ValueRow> = {}): ValueRow => ({
  projectId,
  projectIndicatorId: `${projectId}-i`,
  indicatorId: '00000000-0000-4000-8000-000000000001',
  code: 'REA-01',
  nameTh: 'ผู้รับประโยชน์',
  nameEn: 'Beneficiaries',
  unitTh: 'คน',
  unitEn: 'people',
  aggregation: 'sum',
  periodEnd: '2027-03-31',
  value,
  ...over,
});

function facts(
  rows: ValueRow[],
  assessments: Array<[string, 'forecast' | 'evaluative', number, number]> = [],
): Facts {
  const libraryValues = new Map<string, ValueRow[]>();
  for (const row of rows) {
    libraryValues.set(row.projectId, [...(libraryValues.get(row.projectId) ?? []), row]);
  }
  return {
    indicators: new Map(rows.map((r) => [r.projectId, 1])),
    values: new Map(rows.map((r) => [r.projectId, { count: 2, verified: 1 }])),
    assessments: new Map(
      assessments.map(([projectId, kind, pv, inv], i) => [
        projectId,
        { id: String(i), projectId, kind, versionNo: 1, presentValueSatang: pv, investmentSatang: inv },
      ]),
    ),
    libraryValues,
  };
}

describe('rollUp', () => {
  it.each([
    ['sum', [1, 2, 3], 6],
    ['mean', [1, 2, 6], 3],
    ['latest', [5, 9, 4], 4],
    ['sum', [], null],
  ] as const)('%s of %j is %s', (aggregation, values, expected) => {
    expect(rollUp(values, aggregation)).toBe(expected);
  });
});

describe('portfolio figures', () => {
  it('portfolio SROI is Σ PV ÷ Σ investment, not the mean of the ratios; counts the kinds', () => {
    const figures = figuresOf(
      ['a', 'b', 'c'],
      facts(
        [],
        [
          ['a', 'evaluative', 400, 100],
          ['b', 'forecast', 300, 300],
        ],
      ),
    );
    expect(figures.sroi).toEqual({
      aggregated: true,
      assessmentCount: 2,
      evaluativeCount: 1,
      forecastCount: 1,
      presentValueSatang: 700,
      investmentSatang: 400,
      ratio: 1.75,
    });
    expect(figures.projectCount).toBe(3);
    expect(figuresOf(['c'], facts([])).sroi.ratio).toBeNull();
  });

  it('adds only the same library indicator in the same unit; sum, mean and latest roll up per project first', () => {
    const rows = [
      value('a', 10),
      value('a', 5),
      value('b', 7),
      value('c', 4, { unitTh: 'ครัวเรือน', unitEn: 'households' }),
      value('a', 2, {
        indicatorId: '00000000-0000-4000-8000-000000000002',
        code: 'INC-01',
        aggregation: 'mean',
        projectIndicatorId: 'a-m',
      }),
      value('a', 4, {
        indicatorId: '00000000-0000-4000-8000-000000000002',
        code: 'INC-01',
        aggregation: 'mean',
        projectIndicatorId: 'a-m',
      }),
      value('b', 9, {
        indicatorId: '00000000-0000-4000-8000-000000000002',
        code: 'INC-01',
        aggregation: 'mean',
        projectIndicatorId: 'b-m',
      }),
      value('a', 1, {
        indicatorId: '00000000-0000-4000-8000-000000000003',
        code: 'SIT-01',
        aggregation: 'latest',
        projectIndicatorId: 'a-l',
      }),
      value('a', 3, {
        indicatorId: '00000000-0000-4000-8000-000000000003',
        code: 'SIT-01',
        aggregation: 'latest',
        projectIndicatorId: 'a-l',
      }),
      value('b', 2, {
        indicatorId: '00000000-0000-4000-8000-000000000003',
        code: 'SIT-01',
        aggregation: 'latest',
        projectIndicatorId: 'b-l',
      }),
    ];
    const { indicators } = figuresOf(['a', 'b', 'c'], facts(rows));
    const find = (code: string, unitTh = 'คน') =>
      indicators.find((i) => i.code === code && i.unitTh === unitTh);
    expect(find('REA-01')).toMatchObject({ value: 22, projectCount: 2 });
    expect(find('REA-01', 'ครัวเรือน')).toMatchObject({ value: 4, projectCount: 1 });
    // mean: the mean of the projects' means (3 and 9)
    expect(find('INC-01')).toMatchObject({ value: 6, projectCount: 2 });
    // latest: each project's latest (3 and 2), added
    expect(find('SIT-01')).toMatchObject({ value: 5, projectCount: 2 });
    expect(indicators).toHaveLength(4);
  });
});
