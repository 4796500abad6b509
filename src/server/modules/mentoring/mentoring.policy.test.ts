import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@server/lib/authz';
import type { RequestStatus } from '@shared/contracts/mentoring';
import { personnelPolicy, requestPolicy, type RequestAccess } from './mentoring.policy';

const UNIT_A = '00000000-0000-4000-8000-00000000000a';
const UNIT_B = '00000000-0000-4000-8000-00000000000b';

const officer = systemActor('officer', ['programme_officer']);
const staffA: Actor = { ...systemActor('staff-a', ['driving_unit_staff']), drivingUnitId: UNIT_A };
const staffB: Actor = { ...systemActor('staff-b', ['driving_unit_staff']), drivingUnitId: UNIT_B };
const someone = systemActor('someone');

const request = (status: RequestStatus, who: Partial<RequestAccess> = {}): RequestAccess => ({
  status,
  drivingUnitId: UNIT_A,
  isMentee: false,
  isMentor: false,
  ...who,
});

describe('personnelPolicy', () => {
  it.each([
    ['an officer, any unit', officer, UNIT_B, true],
    ['an officer, no unit', officer, null, true],
    ['the unit’s staff', staffA, UNIT_A, true],
    ['another unit’s staff', staffB, UNIT_A, false],
    ['staff, a person of no unit', staffA, null, false],
    ['anyone else', someone, UNIT_A, false],
    ['nobody signed in', null, UNIT_A, false],
  ] as const)('edit and recognise: %s → %s', (_label, actor, drivingUnitId, allowed) => {
    expect(personnelPolicy.edit(actor, { drivingUnitId })).toBe(allowed);
    expect(personnelPolicy.recognise(actor, { drivingUnitId })).toBe(allowed);
  });
});

describe('requestPolicy', () => {
  const table: Array<[string, Actor, RequestAccess, Partial<Record<keyof typeof requestPolicy, boolean>>]> = [
    [
      'officer, open',
      officer,
      request('open'),
      { read: true, assign: true, decline: true, close: false, logSession: false },
    ],
    [
      'unit staff, assigned',
      staffA,
      request('assigned'),
      { read: true, assign: true, decline: false, close: true, logSession: false },
    ],
    ['other unit staff', staffB, request('open'), { read: false, assign: false, decline: false }],
    [
      'the mentor, assigned',
      someone,
      request('assigned', { isMentor: true }),
      { read: true, assign: false, close: true, logSession: true, rate: false },
    ],
    [
      'the mentor, closed',
      someone,
      request('closed', { isMentor: true }),
      { read: true, close: false, logSession: false },
    ],
    [
      'the mentee, assigned',
      someone,
      request('assigned', { isMentee: true }),
      { read: true, assign: false, logSession: false, rate: true },
    ],
    ['the mentee, closed', someone, request('closed', { isMentee: true }), { rate: true }],
    ['a stranger', someone, request('assigned'), { read: false, rate: false, logSession: false }],
    [
      'declined: nobody assigns',
      officer,
      request('declined'),
      { assign: false, decline: false, close: false },
    ],
  ];
  it.each(table)('%s', (_label, actor, access, expected) => {
    for (const [ability, allowed] of Object.entries(expected)) {
      expect(requestPolicy[ability as keyof typeof requestPolicy](actor, access), ability).toBe(allowed);
    }
  });
});
