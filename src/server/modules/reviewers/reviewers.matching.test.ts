import { describe, expect, it } from 'vitest';
import {
  conflictsOf,
  planAssignments,
  tieKey,
  type Candidate,
  type Target,
  type Ties,
} from './reviewers.matching';

const noTies: Ties = { members: new Set(), declared: new Set() };

function candidate(userId: string, overrides: Partial<Candidate> = {}): Candidate {
  return { userId, themes: [], provinceCodes: [], maxLoad: 10, load: 0, ...overrides };
}

function target(id: string, overrides: Partial<Target> = {}): Target {
  return {
    id,
    themes: [],
    provinceCodes: [],
    organisationIds: [`org-${id}`],
    excluded: new Set(),
    needed: 2,
    ...overrides,
  };
}

describe('conflictsOf', () => {
  const ties: Ties = {
    members: new Set([tieKey('u1', 'org-a')]),
    declared: new Set([tieKey('u2', 'org-co')]),
  };
  it.each([
    ['member of the applicant', 'u1', [], false, ['member']],
    ['declared conflict with a co-applicant', 'u2', [], false, ['declared']],
    ['same province, setting on', 'u3', [40], true, ['province']],
    ['same province, setting off', 'u3', [40], false, []],
    ['no tie at all', 'u4', [10], true, []],
  ] as const)('%s', (_name, userId, provinces, sameProvince, expected) => {
    expect(
      conflictsOf(
        { userId, provinceCodes: provinces },
        { organisationIds: ['org-a', 'org-co'], provinceCodes: [40, 41] },
        ties,
        sameProvince,
      ),
    ).toEqual(expected);
  });
});

describe('planAssignments', () => {
  it('prefers theme matches, then the lighter load, then the smaller id; and is deterministic', () => {
    const candidates = [
      candidate('c', { themes: ['health'] }),
      candidate('a', { load: 3 }),
      candidate('b', { load: 1 }),
      candidate('d', { load: 1 }),
    ];
    const targets = [target('p1', { themes: ['health'] }), target('p2')];
    const plan = planAssignments(targets, candidates, noTies, false);
    expect(plan.picks.map((p) => `${p.proposalId}:${p.reviewerId}`)).toEqual([
      'p1:c', // the health expert
      'p1:b', // load 1, b < d
      'p2:c', // c now has load 1 like d, but c < d ... and b has 2
      'p2:d',
    ]);
    expect(plan.picks[0]).toMatchObject({ themeMatches: ['health'], load: 0, maxLoad: 10 });
    expect(planAssignments(targets, candidates, noTies, false)).toEqual(plan);
  });

  it('spreads work over the relevant experts: the lighter one first, more matching themes only break ties', () => {
    const candidates = [
      candidate('x', { themes: ['health', 'environment'], load: 2 }),
      candidate('y', { themes: ['health'], load: 0 }),
      candidate('z', { load: 0 }),
    ];
    const both = target('p1', { themes: ['health', 'environment'], needed: 2 });
    expect(planAssignments([both], candidates, noTies, false).picks.map((p) => p.reviewerId)).toEqual([
      'y',
      'x',
    ]);
    const even = [
      candidate('x', { themes: ['health', 'environment'] }),
      candidate('y', { themes: ['health'] }),
    ];
    expect(
      planAssignments([target('p1', { themes: ['health', 'environment'] })], even, noTies, false).picks[0]
        ?.reviewerId,
    ).toBe('x');
  });

  it('balances load when themes do not decide', () => {
    const candidates = ['a', 'b', 'c'].map((id) => candidate(id));
    const targets = ['p1', 'p2', 'p3'].map((id) => target(id));
    const plan = planAssignments(targets, candidates, noTies, false);
    const load = new Map<string, number>();
    for (const pick of plan.picks) {
      load.set(pick.reviewerId, (load.get(pick.reviewerId) ?? 0) + 1);
    }
    expect([...load.values()].sort()).toEqual([2, 2, 2]);
  });

  it('respects the maximum load, skips excluded and conflicted reviewers, and reports shortfalls', () => {
    const candidates = [candidate('full', { load: 2, maxLoad: 2 }), candidate('member'), candidate('ok')];
    const ties: Ties = { members: new Set([tieKey('member', 'org-p1')]), declared: new Set() };
    const plan = planAssignments(
      [target('p1', { needed: 3, excluded: new Set(['gone']) })],
      [...candidates, candidate('gone')],
      ties,
      false,
    );
    expect(plan.picks.map((p) => p.reviewerId)).toEqual(['ok']);
    expect(plan.shortfalls).toEqual([{ proposalId: 'p1', missing: 2 }]);
  });

  it('needs nothing for a proposal that already has enough reviewers', () => {
    expect(planAssignments([target('p1', { needed: 0 })], [candidate('a')], noTies, false)).toEqual({
      picks: [],
      shortfalls: [],
    });
  });
});
