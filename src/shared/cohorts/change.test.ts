import { describe, expect, it } from 'vitest';
import { cohortChange, mean, participantChange, phaseMean, roundTo } from './change';

const ITEMS = ['a', 'b', 'c'];

describe('mean and rounding', () => {
  it('averages, with null for nothing', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 4])).toBeCloseTo(7 / 3);
  });
  it('rounds halves away from zero at two decimals', () => {
    expect(roundTo(1.005)).toBe(1.01);
    expect(roundTo(-1.005)).toBe(-1.01);
    expect(roundTo(2 / 3)).toBe(0.67);
    expect(roundTo(0.125, 1)).toBe(0.1);
  });
});

describe('one participant', () => {
  it('takes post − pre per item and of the means', () => {
    const change = participantChange(ITEMS, { a: 2, b: 3, c: 1 }, { a: 4, b: 3, c: 2 });
    expect(change.preMean).toBe(2);
    expect(change.postMean).toBe(3);
    expect(change.change).toBe(1);
    expect(change.items).toEqual([
      { itemId: 'a', pre: 2, post: 4, change: 2 },
      { itemId: 'b', pre: 3, post: 3, change: 0 },
      { itemId: 'c', pre: 1, post: 2, change: 1 },
    ]);
  });

  it('has no change without both phases', () => {
    const onlyPre = participantChange(ITEMS, { a: 2, b: 3, c: 4 }, null);
    expect(onlyPre.preMean).toBe(3);
    expect(onlyPre.postMean).toBeNull();
    expect(onlyPre.change).toBeNull();
    expect(onlyPre.items.every((i) => i.change === null)).toBe(true);
    expect(participantChange(ITEMS, null, null).change).toBeNull();
  });

  it('leaves out items not answered and answers to items not asked', () => {
    expect(phaseMean(ITEMS, { a: 5, c: 3, z: 1 })).toBe(4);
    expect(phaseMean(ITEMS, {})).toBeNull();
    const change = participantChange(ITEMS, { a: 1, b: 1 }, { a: 3, c: 5 });
    expect(change.items.map((i) => i.change)).toEqual([2, null, null]);
    expect(change.change).toBe(4 - 1);
  });
});

describe('a cohort', () => {
  it('averages the paired changes and counts who improved', () => {
    const people = [
      participantChange(ITEMS, { a: 2, b: 2, c: 2 }, { a: 4, b: 4, c: 4 }), // +2
      participantChange(ITEMS, { a: 3, b: 3, c: 3 }, { a: 3, b: 3, c: 3 }), // 0
      participantChange(ITEMS, { a: 4, b: 4, c: 4 }, { a: 3, b: 4, c: 2 }), // −1
      participantChange(ITEMS, { a: 1, b: 2, c: 3 }, { a: 2, b: 3, c: 4 }), // +1
      participantChange(ITEMS, { a: 5, b: 5, c: 5 }, null), // pre only
    ];
    const cohort = cohortChange(ITEMS, people);
    expect(cohort.preCount).toBe(5);
    expect(cohort.postCount).toBe(4);
    expect(cohort.pairedCount).toBe(4);
    expect(cohort.preMean).toBe((2 + 3 + 4 + 2 + 5) / 5);
    expect(cohort.postMean).toBe((4 + 3 + 3 + 3) / 4);
    expect(cohort.meanChange).toBe((2 + 0 - 1 + 1) / 4);
    expect(cohort.improvedShare).toBe(0.5);
    expect(cohort.unchangedShare).toBe(0.25);
    expect(cohort.declinedShare).toBe(0.25);
    const a = cohort.items[0];
    expect(a?.itemId).toBe('a');
    expect(a?.pre).toBe((2 + 3 + 4 + 1 + 5) / 5);
    expect(a?.post).toBe((4 + 3 + 3 + 2) / 4);
    expect(a?.change).toBe((2 + 0 - 1 + 1) / 4);
  });

  it('counts a tiny fractional change as none', () => {
    const items = ['a', 'b', 'c'];
    const cohort = cohortChange(items, [
      participantChange(items, { a: 1, b: 1, c: 1 }, { a: 1, b: 1, c: 1 }),
    ]);
    expect(cohort.unchangedShare).toBe(1);
    expect(cohort.improvedShare).toBe(0);
  });

  it('is empty for a cohort with no answers', () => {
    const cohort = cohortChange(ITEMS, []);
    expect(cohort).toMatchObject({
      preCount: 0,
      postCount: 0,
      pairedCount: 0,
      preMean: null,
      meanChange: null,
      improvedShare: null,
    });
    expect(cohort.items.map((i) => i.change)).toEqual([null, null, null]);
  });
});
