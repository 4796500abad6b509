import { describe, expect, it } from 'vitest';
import { aggregateValues, indicatorQualityFlags, type QualityInput } from './indicator-quality';

const periods = [
  { periodStart: '2026-12-15', periodEnd: '2027-06-30' },
  { periodStart: '2027-07-01', periodEnd: '2027-12-31' },
  { periodStart: '2028-01-01', periodEnd: '2028-06-30' },
  { periodStart: '2028-07-01', periodEnd: '2028-12-31' },
];

const v = (
  id: string,
  periodEnd: string,
  value: number,
  breakdown: QualityInput['values'][0]['breakdown'] = [],
) => ({
  id,
  periodEnd,
  value,
  breakdown,
});

const base = (over: Partial<QualityInput>): QualityInput => ({
  type: 'count',
  target: null,
  values: [],
  periods,
  today: null,
  ...over,
});

const kinds = (input: QualityInput) =>
  indicatorQualityFlags(input).map((f) => `${f.kind}:${f.valueId ?? f.periodEnd}`);

describe('indicatorQualityFlags', () => {
  it('gives no flags to clean data', () => {
    const input = base({
      values: [v('a', '2027-06-30', 100), v('b', '2027-12-31', 110), v('c', '2028-06-30', 105)],
      target: 150,
      today: '2028-07-15',
    });
    expect(indicatorQualityFlags(input)).toEqual([]);
  });

  it('flags a value far from the others by the median absolute deviation', () => {
    const input = base({
      values: [
        v('a', '2027-06-30', 100),
        v('b', '2027-12-31', 104),
        v('c', '2028-06-30', 98),
        v('d', '2028-12-31', 900),
      ],
    });
    const flags = indicatorQualityFlags(input);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'outlier', valueId: 'd', reason: 'mad', params: { median: 102 } });
  });

  it('needs four values before judging by spread, and copes with equal values (MAD 0)', () => {
    expect(kinds(base({ values: [v('a', '2027-06-30', 1), v('b', '2027-12-31', 1000)] }))).toEqual([]);
    const equal = base({
      values: [
        v('a', '2027-06-30', 50),
        v('b', '2027-12-31', 50),
        v('c', '2028-06-30', 50),
        v('d', '2028-12-31', 400),
      ],
    });
    expect(kinds(equal)).toEqual(['outlier:d']);
    const allEqual = base({
      values: ['a', 'b', 'c', 'd'].map((id, i) => v(id, periods[i]?.periodEnd ?? '', 7)),
    });
    expect(kinds(allEqual)).toEqual([]);
  });

  it('flags a value above five times the target', () => {
    const flags = indicatorQualityFlags(base({ target: 10, values: [v('a', '2027-06-30', 51)] }));
    expect(flags).toEqual([
      expect.objectContaining({
        kind: 'outlier',
        valueId: 'a',
        reason: 'above_target',
        params: { target: 10, multiple: 5 },
      }),
    ]);
    expect(kinds(base({ target: 10, values: [v('a', '2027-06-30', 50)] }))).toEqual([]);
  });

  it('flags impossible values by type', () => {
    const pct = base({
      type: 'percent',
      values: [v('a', '2027-06-30', 101), v('b', '2027-12-31', -1), v('c', '2028-06-30', 100)],
    });
    expect(indicatorQualityFlags(pct).map((f) => [f.kind, f.valueId, f.reason])).toEqual([
      ['impossible', 'a', 'over_100'],
      ['impossible', 'b', 'negative'],
    ]);
    const count = base({ values: [v('a', '2027-06-30', -3), v('b', '2027-12-31', 2.5)] });
    expect(indicatorQualityFlags(count).map((f) => f.reason)).toEqual(['negative', 'not_whole']);
    expect(kinds(base({ type: 'money', values: [v('a', '2027-06-30', -1)] }))).toEqual(['impossible:a']);
    expect(kinds(base({ type: 'score', values: [v('a', '2027-06-30', -1)] }))).toEqual([]);
  });

  it('flags reporting periods without a value between the first and last with one', () => {
    const input = base({ values: [v('a', '2027-06-30', 10), v('d', '2028-12-31', 12)] });
    expect(kinds(input)).toEqual(['gap:2027-12-31', 'gap:2028-06-30']);
    // Before the first value and after the last: not gaps.
    expect(kinds(base({ values: [v('b', '2027-12-01', 10)] }))).toEqual([]);
  });

  it('flags an indicator with no value for longer than expected', () => {
    const values = [v('a', '2027-06-30', 10)];
    // Periods are ~183 days; + 30 days grace.
    expect(kinds(base({ values, today: '2027-12-31' }))).toEqual([]);
    const late = indicatorQualityFlags(base({ values, today: '2028-03-01' }));
    expect(late).toEqual([
      expect.objectContaining({ kind: 'stale', periodEnd: '2027-06-30', reason: 'late' }),
    ]);
    expect(late[0]?.params.days).toBe(245);
    // Never a value: stale 30 days after the first period ended.
    expect(kinds(base({ today: '2027-07-20' }))).toEqual([]);
    expect(indicatorQualityFlags(base({ today: '2027-08-15' }))[0]).toMatchObject({
      kind: 'stale',
      reason: 'never',
    });
    // Without today (e.g. a closed project): no stale rule.
    expect(kinds(base({ values, today: null }))).toEqual([]);
  });

  it('flags count breakdowns whose cells of one dimension do not sum to the value', () => {
    const breakdown = [
      { dimension: 'sex' as const, category: 'female', value: 6 },
      { dimension: 'sex' as const, category: 'male', value: 4 },
      { dimension: 'age_group' as const, category: '15_24', value: 3 },
    ];
    const flags = indicatorQualityFlags(base({ values: [v('a', '2027-06-30', 10, breakdown)] }));
    expect(flags).toEqual([
      expect.objectContaining({
        kind: 'breakdown_mismatch',
        valueId: 'a',
        reason: 'age_group',
        params: { sum: 3, value: 10 },
      }),
    ]);
    // Percent breakdowns are shares, not parts: not checked.
    expect(kinds(base({ type: 'percent', values: [v('a', '2027-06-30', 10, breakdown)] }))).toEqual([]);
  });
});

describe('aggregateValues', () => {
  const values = [
    { periodEnd: '2027-12-31', value: 30 },
    { periodEnd: '2027-06-30', value: 10 },
  ];
  it('sums, averages or takes the latest period', () => {
    expect(aggregateValues('sum', values)).toBe(40);
    expect(aggregateValues('mean', values)).toBe(20);
    expect(aggregateValues('latest', values)).toBe(30);
    expect(aggregateValues('sum', [])).toBeNull();
  });
});
