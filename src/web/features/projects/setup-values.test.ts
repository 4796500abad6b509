import { describe, expect, it } from 'vitest';
import { checkAmounts, fingerprint, plannedReportsOf, toSetupBody, type SetupValues } from './setup-values';

const AWARD = 100_000_000; // 1,000,000 baht

function values(overrides: Partial<SetupValues> = {}): SetupValues {
  return {
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    drivingUnitId: '',
    reportSchedule: 'milestone',
    reallocationLimitPercent: '10',
    srlTarget: '5',
    budgetLines: [
      { key: 'a', category: 'personnel', description: 'Staff', amount: '600,000' },
      { key: 'b', category: 'materials', description: 'Materials', amount: '400000.00' },
    ],
    milestones: [
      { key: 'm1', titleTh: 'งานที่หนึ่ง', titleEn: '', deliverable: '', dueOn: '2026-06-30' },
      { key: 'm2', titleTh: 'งานที่สอง', titleEn: '', deliverable: '', dueOn: '2026-12-31' },
    ],
    instalments: [
      { key: 'i1', amount: '400,000', release: '' },
      { key: 'i2', amount: '400,000', release: '1' },
      { key: 'i3', amount: '200,000', release: '2' },
    ],
    ...overrides,
  };
}

describe('checkAmounts', () => {
  it('sums baht text as satang and says how far off the award it is', () => {
    expect(checkAmounts(['600,000', '400000.00'], AWARD)).toEqual({
      sumSatang: AWARD,
      differenceSatang: 0,
      invalidRows: [],
      isExact: true,
    });
    const short = checkAmounts(['600,000', '399,999.99'], AWARD);
    expect(short.differenceSatang).toBe(-1);
    expect(short.isExact).toBe(false);
    const bad = checkAmounts(['abc', ''], AWARD);
    expect(bad.invalidRows).toEqual([0, 1]);
  });
});

describe('toSetupBody', () => {
  it('builds the body in integer satang when everything adds up', () => {
    const built = toSetupBody(values(), AWARD, 3);
    expect(built.problems).toEqual([]);
    expect(built.body).toMatchObject({
      version: 3,
      drivingUnitId: null,
      reallocationLimitPercent: 10,
      srlTarget: 5,
      budgetLines: [{ amountSatang: 60_000_000 }, { amountSatang: 40_000_000 }],
      instalments: [
        { amountSatang: 40_000_000, releaseAfterReport: null },
        { amountSatang: 40_000_000, releaseAfterReport: 1 },
        { amountSatang: 20_000_000, releaseAfterReport: 2 },
      ],
    });
  });

  it('refuses sums that miss the award, with the difference', () => {
    const built = toSetupBody(
      values({ instalments: [{ key: 'x', amount: '999,999.99', release: '' }] }),
      AWARD,
      1,
    );
    expect(built.body).toBeNull();
    const mismatch = built.problems.find((p) => p.kind === 'sumMismatch');
    expect(mismatch?.field).toBe('instalments');
    expect(mismatch?.kind === 'sumMismatch' ? mismatch.check.differenceSatang : null).toBe(-1);
  });

  it('names the row of an amount that is not money, and dates outside the period', () => {
    const built = toSetupBody(
      values({
        budgetLines: [{ key: 'a', category: 'other', description: '', amount: '12.345' }],
        milestones: [{ key: 'm', titleTh: 'x', titleEn: '', deliverable: '', dueOn: '2027-02-01' }],
      }),
      AWARD,
      1,
    );
    const fields = built.problems.map((p) => `${p.field}:${p.kind}`);
    expect(fields).toContain('budgetLines.0.amountSatang:invalidAmount');
    expect(fields).toContain('budgetLines.0.description:required');
    expect(fields).toContain('milestones.0.dueOn:outsidePeriod');
  });

  it('refuses an instalment tied to a report the plan does not have', () => {
    const built = toSetupBody(
      values({
        instalments: [
          { key: 'i1', amount: '500,000', release: '' },
          { key: 'i2', amount: '500,000', release: '7' },
        ],
      }),
      AWARD,
      1,
    );
    expect(built.problems).toContainEqual({
      field: 'instalments.1.releaseAfterReport',
      kind: 'unknownReport',
      reports: 2,
    });
  });

  it('refuses an end before the start', () => {
    const built = toSetupBody(values({ endsOn: '2025-12-31' }), AWARD, 1);
    expect(built.problems).toContainEqual({ field: 'endsOn', kind: 'endBeforeStart' });
  });
});

describe('plannedReportsOf', () => {
  it('previews one report per milestone, the last being final', () => {
    const reports = plannedReportsOf(values());
    expect(reports?.map((r) => [r.kind, r.periodEnd])).toEqual([
      ['progress', '2026-06-30'],
      ['final', '2026-12-31'],
    ]);
  });

  it('waits for a valid period', () => {
    expect(plannedReportsOf(values({ endsOn: '' }))).toBeNull();
  });
});

describe('fingerprint', () => {
  it('ignores row keys', () => {
    const a = values();
    const b = { ...a, budgetLines: a.budgetLines.map((l, i) => ({ ...l, key: `other-${i}` })) };
    expect(fingerprint(a)).toBe(fingerprint(b));
  });
});
