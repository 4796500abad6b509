import { describe, expect, it } from 'vitest';
import {
  addDays,
  bangkokDate,
  defaultInstalments,
  fiscalYearOf,
  planReports,
  splitProportionally,
  sumSatang,
} from './plan';

describe('splitProportionally', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [120_000_000, [100_000_000, 50_000_000], [80_000_000, 40_000_000]],
    [10, [0, 0], [5, 5]],
    [7, [3, 0, 1], [5, 0, 2]],
    [0, [1, 2], [0, 0]],
    [5, [], []],
  ])('splits %i by %j into %j', (total, weights, parts) => {
    expect(splitProportionally(total, weights)).toEqual(parts);
  });

  it('always sums exactly to the total, whatever the weights', () => {
    for (const total of [1, 99, 100_001, 987_654_321]) {
      for (const weights of [[1], [1, 2, 3], [7, 7, 7, 7, 7, 7, 7], [0.1, 0.2, 0.3], [5, -3, 5]]) {
        const parts = splitProportionally(total, weights);
        expect(sumSatang(parts)).toBe(total);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }
    }
  });
});

describe('dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('reads the calendar date in Bangkok', () => {
    expect(bangkokDate(new Date('2026-12-15T16:59:59Z'))).toBe('2026-12-15');
    expect(bangkokDate(new Date('2026-12-15T17:00:00Z'))).toBe('2026-12-16');
  });

  it('starts the fiscal year (BE) on 1 October', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2026-12-15')).toBe(2570);
  });
});

describe('planReports', () => {
  it('plans one report per milestone, the last being the final report for the rest of the period', () => {
    const reports = planReports({
      startsOn: '2026-12-15',
      endsOn: '2027-12-15',
      schedule: 'milestone',
      milestoneDueDates: ['2027-06-30', '2027-03-31', '2027-12-15'],
    });
    expect(reports).toEqual([
      {
        sequence: 1,
        kind: 'progress',
        periodStart: '2026-12-15',
        periodEnd: '2027-03-31',
        dueOn: '2027-04-15',
        milestoneIndexes: [1],
      },
      {
        sequence: 2,
        kind: 'progress',
        periodStart: '2027-04-01',
        periodEnd: '2027-06-30',
        dueOn: '2027-07-15',
        milestoneIndexes: [0],
      },
      {
        sequence: 3,
        kind: 'final',
        periodStart: '2027-07-01',
        periodEnd: '2027-12-15',
        dueOn: '2028-01-14',
        milestoneIndexes: [2],
      },
    ]);
  });

  it('merges milestones due on the same day and has a single final report without milestones before the end', () => {
    const reports = planReports({
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      schedule: 'milestone',
      milestoneDueDates: ['2026-03-31', '2026-03-31'],
    });
    expect(reports.map((r) => [r.kind, r.periodEnd, r.milestoneIndexes])).toEqual([
      ['progress', '2026-03-31', [0, 1]],
      ['final', '2026-06-30', []],
    ]);
    expect(
      planReports({
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
        schedule: 'milestone',
        milestoneDueDates: [],
      }),
    ).toHaveLength(1);
  });

  it('plans quarters of the period', () => {
    const reports = planReports({
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      schedule: 'quarterly',
      milestoneDueDates: ['2027-05-15', '2027-12-31'],
    });
    expect(reports.map((r) => [r.kind, r.periodStart, r.periodEnd, r.milestoneIndexes])).toEqual([
      ['progress', '2027-01-01', '2027-03-31', []],
      ['progress', '2027-04-01', '2027-06-30', [0]],
      ['progress', '2027-07-01', '2027-09-30', []],
      ['final', '2027-10-01', '2027-12-31', [1]],
    ]);
  });
});

describe('defaultInstalments', () => {
  it('pays 40/40/20 tied to the agreement, the first and the final report', () => {
    expect(defaultInstalments(100_000_001, 3)).toEqual([
      { amountSatang: 40_000_001, releaseAfterReport: null },
      { amountSatang: 40_000_000, releaseAfterReport: 1 },
      { amountSatang: 20_000_000, releaseAfterReport: 3 },
    ]);
  });

  it('pays 60/40 when there is one report only', () => {
    expect(defaultInstalments(120_000_000, 1)).toEqual([
      { amountSatang: 72_000_000, releaseAfterReport: null },
      { amountSatang: 48_000_000, releaseAfterReport: 1 },
    ]);
  });

  it('always sums to the award', () => {
    for (const award of [1_00, 99_999_99, 480_000_00]) {
      for (const reports of [1, 2, 5]) {
        expect(sumSatang(defaultInstalments(award, reports).map((i) => i.amountSatang))).toBe(award);
      }
    }
  });
});

describe('planReports: the final period', () => {
  it('folds a last period shorter than a month into the one before', () => {
    const quarterly = planReports({
      startsOn: '2026-12-15',
      endsOn: '2027-12-15',
      schedule: 'quarterly',
      milestoneDueDates: [],
    });
    expect(quarterly.map((r) => [r.kind, r.periodStart, r.periodEnd])).toEqual([
      ['progress', '2026-12-15', '2027-03-14'],
      ['progress', '2027-03-15', '2027-06-14'],
      ['progress', '2027-06-15', '2027-09-14'],
      ['final', '2027-09-15', '2027-12-15'],
    ]);
    const byMilestone = planReports({
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      schedule: 'milestone',
      milestoneDueDates: ['2027-06-30', '2027-12-20'],
    });
    expect(byMilestone.map((r) => [r.kind, r.periodEnd, r.milestoneIndexes])).toEqual([
      ['progress', '2027-06-30', [0]],
      ['final', '2027-12-31', [1]],
    ]);
  });
});
