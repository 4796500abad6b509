import { describe, expect, it } from 'vitest';
import { CALL_STATUSES, CallTransitionSchema, PROBLEM_STATUSES } from '@shared/contracts/calls';
import { FormDefinitionSchema } from '@shared/contracts/forms';
import { callRuleIssues, stagesOf, type CallShape } from './calls.rules';
import { nextCallStatus, nextProblemStatus, PROBLEM_TRANSITION_NAMES } from './calls.transitions';
import { callPhase, isBeforeDeadline } from './calls.phase';
import { starterForm } from './calls.starter-forms';

const valid: CallShape = {
  opensAt: new Date('2026-11-01T00:00:00+07:00'),
  closesAt: new Date('2027-01-31T23:59:59+07:00'),
  fullClosesAt: null,
  stageMode: 'single',
  totalBudgetSatang: 1000,
  minGrantSatang: 10,
  maxGrantSatang: 100,
};

describe('callRuleIssues', () => {
  it.each([
    ['a valid single-stage call', {}, []],
    ['closing at the opening instant', { closesAt: valid.opensAt }, ['body.closesAt']],
    [
      'a full deadline on a single-stage call',
      { fullClosesAt: new Date('2027-03-01') },
      ['body.fullClosesAt'],
    ],
    [
      'a two-stage call with its full deadline after the concept deadline',
      { stageMode: 'two_stage', fullClosesAt: new Date('2027-03-01') },
      [],
    ],
    ['a two-stage call without a full deadline yet', { stageMode: 'two_stage' }, []],
    [
      'a full deadline at the concept deadline',
      { stageMode: 'two_stage', fullClosesAt: valid.closesAt },
      ['body.fullClosesAt'],
    ],
    ['min above max', { minGrantSatang: 101 }, ['body.minGrantSatang']],
    ['min equal to max equal to the budget', { minGrantSatang: 1000, maxGrantSatang: 1000 }, []],
    ['max above the total budget', { maxGrantSatang: 1001 }, ['body.maxGrantSatang']],
    [
      'several problems at once',
      { closesAt: valid.opensAt, minGrantSatang: 2000, maxGrantSatang: 1500 },
      ['body.closesAt', 'body.minGrantSatang', 'body.maxGrantSatang'],
    ],
  ] as Array<[string, Partial<CallShape>, string[]]>)('%s', (_name, patch, fields) => {
    expect(callRuleIssues({ ...valid, ...patch }).map((i) => i.field)).toEqual(fields);
  });
});

describe('call status machine', () => {
  const allowed: Record<string, string> = {
    'draft publish': 'published',
    'draft archive': 'archived',
    'published close': 'closed',
    'closed reopen': 'published',
    'closed archive': 'archived',
  };
  const pairs = CALL_STATUSES.flatMap((status) =>
    CallTransitionSchema.options.map((transition) => [status, transition] as const),
  );
  it.each(pairs)('%s + %s', (status, transition) => {
    expect(nextCallStatus(status, transition)).toBe(allowed[`${status} ${transition}`] ?? null);
  });
});

describe('problem statement status machine', () => {
  const allowed: Record<string, string> = {
    'pending publish': 'published',
    'withdrawn publish': 'published',
    'pending withdraw': 'withdrawn',
    'published withdraw': 'withdrawn',
  };
  const pairs = PROBLEM_STATUSES.flatMap((status) =>
    PROBLEM_TRANSITION_NAMES.map((transition) => [status, transition] as const),
  );
  it.each(pairs)('%s + %s', (status, transition) => {
    expect(nextProblemStatus(status, transition)).toBe(allowed[`${status} ${transition}`] ?? null);
  });
});

describe('phases and deadlines', () => {
  const closesAt = new Date('2027-01-31T23:59:59+07:00');
  const call = { opensAt: new Date('2026-11-01T00:00:00+07:00'), closesAt, status: 'published' };
  it.each([
    ['2026-10-31T23:59:59.999+07:00', 'upcoming'],
    ['2026-11-01T00:00:00+07:00', 'open'],
    ['2027-01-31T23:59:59.999+07:00', 'open'],
    ['2027-02-01T00:00:00+07:00', 'closed'],
  ])('at %s the call is %s', (at, phase) => {
    expect(callPhase(call, new Date(at))).toBe(phase);
  });
  it('a closed or archived call is closed whatever the time', () => {
    expect(callPhase({ ...call, status: 'closed' }, new Date('2026-12-01'))).toBe('closed');
    expect(callPhase({ ...call, status: 'archived' }, new Date('2026-12-01'))).toBe('closed');
  });
  it('counts the whole deadline second', () => {
    expect(isBeforeDeadline(new Date('2027-01-31T16:59:59.999Z'), closesAt)).toBe(true);
    expect(isBeforeDeadline(new Date('2027-01-31T17:00:00.000Z'), closesAt)).toBe(false);
  });
});

describe('starter forms', () => {
  it.each(['single', 'two_stage'] as const)('give every stage of a %s call a valid form', (mode) => {
    for (const stage of stagesOf(mode)) {
      const definition = starterForm(stage);
      expect(FormDefinitionSchema.safeParse(definition).success).toBe(true);
      const types = definition.sections.flatMap((s) => s.questions.map((q) => q.type));
      expect(types).toEqual(expect.arrayContaining(['long_text', 'area', 'themes']));
    }
  });
});
