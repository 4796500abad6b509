import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import { cohortPolicy } from './cohorts.policy';

const UNIT_A = '00000000-0000-4000-8000-00000000000a';
const UNIT_B = '00000000-0000-4000-8000-00000000000b';

function actor(role: PlatformRole | null, drivingUnitId: string | null = null): Actor {
  return { ...systemActor('u', role ? [role] : []), drivingUnitId };
}

const cases: Array<[string, Actor, boolean, { read: boolean; manage: boolean; answer: boolean }]> = [
  ['officer', actor('programme_officer'), false, { read: true, manage: true, answer: false }],
  ['administrator', actor('administrator'), false, { read: true, manage: true, answer: false }],
  [
    'staff of the unit',
    actor('driving_unit_staff', UNIT_A),
    false,
    { read: true, manage: true, answer: false },
  ],
  [
    'staff of another unit',
    actor('driving_unit_staff', UNIT_B),
    false,
    { read: false, manage: false, answer: false },
  ],
  ['staff without a unit', actor('driving_unit_staff'), false, { read: false, manage: false, answer: false }],
  ['a member', actor(null), true, { read: true, manage: false, answer: true }],
  [
    'staff of another unit who is a member',
    actor('driving_unit_staff', UNIT_B),
    true,
    { read: true, manage: false, answer: true },
  ],
  ['anyone else', actor('reviewer'), false, { read: false, manage: false, answer: false }],
];

describe('cohort policy', () => {
  it.each(cases)('%s', (_name, who, isMember, expected) => {
    const access = { drivingUnitId: UNIT_A, isMember };
    expect({
      read: cohortPolicy.read(who, access),
      manage: cohortPolicy.manage(who, access),
      answer: cohortPolicy.answer(who, access),
    }).toEqual(expected);
  });

  it('lets officers make cohorts for any unit and staff only for theirs', () => {
    expect(cohortPolicy.create(actor('programme_officer'), UNIT_B)).toBe(true);
    expect(cohortPolicy.create(actor('driving_unit_staff', UNIT_A), UNIT_A)).toBe(true);
    expect(cohortPolicy.create(actor('driving_unit_staff', UNIT_A), UNIT_B)).toBe(false);
    expect(cohortPolicy.create(actor(null), UNIT_A)).toBe(false);
  });
});
