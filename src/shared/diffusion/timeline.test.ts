import { describe, expect, it } from 'vitest';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@shared/contracts/diffusion';
import {
  applyTransition,
  canTransition,
  checkTransition,
  hasBeenAdopted,
  isFinalStatus,
  nextStatuses,
} from './timeline';

/** The whole transition table, written out: every (from, to) pair not listed is refused. */
const ALLOWED: ReadonlyArray<[AdoptionStatus, AdoptionStatus]> = [
  ['interested', 'planning'],
  ['interested', 'discontinued'],
  ['planning', 'implementing'],
  ['planning', 'discontinued'],
  ['implementing', 'adopted'],
  ['implementing', 'discontinued'],
  ['adopted', 'sustained'],
  ['adopted', 'discontinued'],
];

const base = { occurredOn: '2026-06-10', previousOn: '2026-06-01', today: '2026-06-15', reason: '' };

describe('adoption timeline', () => {
  it.each(ADOPTION_STATUSES.flatMap((from) => ADOPTION_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s follows the table',
    (from, to) => {
      const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
      expect(canTransition(from, to)).toBe(allowed);
      const problems = checkTransition({ ...base, from, to, reason: 'งบประมาณไม่พอ' });
      expect(problems.some((p) => p.reason === 'not_allowed')).toBe(!allowed);
    },
  );

  it('sustained and discontinued are final; nothing goes back or stays in place', () => {
    expect(isFinalStatus('sustained')).toBe(true);
    expect(isFinalStatus('discontinued')).toBe(true);
    for (const status of ADOPTION_STATUSES) {
      expect(nextStatuses(status)).not.toContain(status);
      expect(nextStatuses(status)).not.toContain('interested');
    }
    expect(ADOPTION_STATUSES.filter((s) => !isFinalStatus(s))).toEqual([
      'interested',
      'planning',
      'implementing',
      'adopted',
    ]);
    expect(ADOPTION_STATUSES.filter(hasBeenAdopted)).toEqual(['adopted', 'sustained']);
  });

  it('refuses a date before the previous step and a date after today, but accepts the same day and today', () => {
    expect(
      checkTransition({ ...base, from: 'interested', to: 'planning', occurredOn: '2026-05-31' }),
    ).toEqual([{ field: 'occurredOn', reason: 'before_previous', previous: '2026-06-01' }]);
    expect(
      checkTransition({ ...base, from: 'interested', to: 'planning', occurredOn: '2026-06-16' }),
    ).toEqual([{ field: 'occurredOn', reason: 'in_future', today: '2026-06-15' }]);
    expect(
      checkTransition({ ...base, from: 'interested', to: 'planning', occurredOn: '2026-06-01' }),
    ).toEqual([]);
    expect(
      checkTransition({ ...base, from: 'interested', to: 'planning', occurredOn: '2026-06-15' }),
    ).toEqual([]);
  });

  it('a discontinuation needs a reason (blank counts as none); other steps ignore it', () => {
    expect(checkTransition({ ...base, from: 'planning', to: 'discontinued', reason: '   ' })).toEqual([
      { field: 'reason', reason: 'reason_required' },
    ]);
    expect(checkTransition({ ...base, from: 'planning', to: 'discontinued', reason: 'ย้ายพื้นที่' })).toEqual([]);
    expect(checkTransition({ ...base, from: 'planning', to: 'implementing' })).toEqual([]);
  });

  it('reports every problem at once, in field order', () => {
    const problems = checkTransition({
      from: 'sustained',
      to: 'discontinued',
      occurredOn: '2027-01-01',
      previousOn: '2027-02-01',
      today: '2026-12-31',
      reason: '',
    });
    expect(problems.map((p) => p.reason)).toEqual([
      'not_allowed',
      'before_previous',
      'in_future',
      'reason_required',
    ]);
  });

  it('sets adopted_on on reaching adopted and keeps it afterwards; the reason only on discontinued', () => {
    expect(applyTransition({ adoptedOn: null }, 'adopted', '2026-03-01', 'x')).toEqual({
      status: 'adopted',
      statusOn: '2026-03-01',
      adoptedOn: '2026-03-01',
      discontinuedReason: '',
    });
    expect(applyTransition({ adoptedOn: '2026-03-01' }, 'sustained', '2027-03-01', '')).toMatchObject({
      adoptedOn: '2026-03-01',
    });
    expect(applyTransition({ adoptedOn: '2026-03-01' }, 'discontinued', '2027-03-01', ' หมดงบ ')).toEqual({
      status: 'discontinued',
      statusOn: '2027-03-01',
      adoptedOn: '2026-03-01',
      discontinuedReason: 'หมดงบ',
    });
    expect(applyTransition({ adoptedOn: null }, 'planning', '2026-01-01', '')).toMatchObject({
      adoptedOn: null,
    });
  });
});
