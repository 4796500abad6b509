import { describe, expect, it } from 'vitest';
import type { PlatformRole } from '@shared/contracts/identity';
import { systemActor } from '@server/lib/authz';
import { unitPolicy } from './driving-units.policy';

const UNIT = 'unit-a';
const actor = (roles: PlatformRole[], drivingUnitId: string | null = null) => ({
  ...systemActor('u', roles),
  drivingUnitId,
});

describe('unitPolicy', () => {
  const cases: Array<[string, ReturnType<typeof actor> | null, [boolean, boolean, boolean, boolean]]> = [
    // [who, actor, [viewDashboard, editProfile, editTargets, viewRollup]]
    ['anonymous', null, [false, false, false, false]],
    ['applicant', actor([]), [false, false, false, false]],
    ['staff of the unit', actor(['driving_unit_staff'], UNIT), [true, true, false, false]],
    ['staff of another unit', actor(['driving_unit_staff'], 'unit-b'), [false, false, false, false]],
    ['staff role without a unit', actor(['driving_unit_staff'], null), [false, false, false, false]],
    ['reviewer', actor(['reviewer']), [false, false, false, false]],
    ['programme officer', actor(['programme_officer']), [true, true, true, true]],
    ['administrator', actor(['administrator']), [true, true, true, true]],
  ];
  it.each(cases)('%s', (_who, who, expected) => {
    expect([
      unitPolicy.viewDashboard(who, UNIT),
      unitPolicy.editProfile(who, UNIT),
      unitPolicy.editTargets(who, UNIT),
      unitPolicy.viewRollup(who),
    ]).toEqual(expected);
  });
});
